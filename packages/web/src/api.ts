import type { Extraction, ReviewBody, ReviewOutcome } from './extraction.ts';
import type {
  AgreementDocument,
  AgreementSummary,
  Explanation,
  LedgerEntry,
  ProjectionAnswer,
  ProjectionRequest,
  Session,
  Status,
} from './types.ts';

/** An RFC 9457 problem document from the server, as an error a page can show word for word. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { path: string[]; message: string; candidate?: number }[] = [],
  ) {
    super(detail || title);
  }
}

/** How a page talks to the API: as the signed-in user, or anonymously (the public view sends no cookie). */
export interface Api {
  readonly anonymous: boolean;
  agreements(): Promise<AgreementSummary[]>;
  status(id: string, query: StatusQuery, signal?: AbortSignal): Promise<Status>;
  events(
    id: string,
    query?: { type?: string; cursor?: number; limit?: number },
  ): Promise<{
    events: LedgerEntry[];
    next: number | null;
  }>;
  explain(id: string, obligation: string, query: StatusQuery): Promise<Explanation>;
  session(): Promise<Session>;
  signIn(email: string, password: string): Promise<Session>;
  signOut(csrf: string | null): Promise<void>;
  append(id: string, event: Record<string, unknown>, csrf: string | null): Promise<{ appended: unknown[] }>;
  streamUrl(id: string, evidence?: string): string;
  agreement(id: string): Promise<AgreementDocument>;
  /** Runs a projection on the server (it writes nothing, but a web session's POST carries its CSRF token). */
  projection(
    id: string,
    body: ProjectionRequest,
    csrf: string | null,
    signal?: AbortSignal,
  ): Promise<ProjectionAnswer>;
  /** Reads a report into candidates (writes nothing); with `agreement`, each comes with its proposed event. */
  extract(body: Record<string, unknown>, csrf: string | null): Promise<Extraction>;
  /** Records a review's accepted and edited candidates into an agreement's ledger, all or none. */
  review(
    id: string,
    body: ReviewBody,
    csrf: string | null,
  ): Promise<{ agreement: string; outcomes: ReviewOutcome[] }>;
}

/** What a status is asked for: the moment of the world, the moment of the record, the evidence policy. */
export interface StatusQuery {
  asOf?: string | undefined;
  knownAt?: string | undefined;
  evidence?: string | undefined;
}

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

async function request<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const p = (typeof body === 'object' && body) || {};
    throw new ApiError(
      response.status,
      p.title ?? response.statusText,
      p.detail ?? (typeof body === 'string' ? body : ''),
      Array.isArray(p.errors) ? p.errors : [],
    );
  }
  return body as T;
}

/** The API under `/api` on the page's own server. */
export function createApi(anonymous = false): Api {
  const credentials: RequestCredentials = anonymous ? 'omit' : 'same-origin';
  const get = <T>(url: string, signal?: AbortSignal) =>
    request<T>(url, { credentials, headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  // A JSON POST; a web session's writes carry its CSRF token.
  const post = <T>(url: string, body: unknown, csrf: string | null, signal?: AbortSignal) =>
    request<T>(url, {
      method: 'POST',
      credentials,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  const enc = encodeURIComponent;
  return {
    anonymous,
    agreements: async () => (await get<{ agreements: AgreementSummary[] }>('/api/agreements')).agreements,
    status: (id, q, signal) => get<Status>(`/api/agreements/${enc(id)}/status${query({ ...q })}`, signal),
    events: (id, q = {}) => get(`/api/agreements/${enc(id)}/events${query({ ...q })}`),
    explain: (id, obligation, q) =>
      get<Explanation>(`/api/agreements/${enc(id)}/explain/${enc(obligation)}${query({ ...q })}`),
    session: () => get<Session>('/api/session'),
    signIn: async (email, password) => {
      const r = await request<{ email: string; role: Session['role']; csrf: string }>('/api/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return { name: r.email, role: r.role, csrf: r.csrf };
    },
    signOut: (csrf) =>
      request<void>('/api/session', {
        method: 'DELETE',
        credentials: 'same-origin',
        headers: csrf ? { 'x-csrf-token': csrf } : {},
      }),
    append: (id, event, csrf) => post(`/api/agreements/${enc(id)}/events`, event, csrf),
    agreement: (id) => get<AgreementDocument>(`/api/agreements/${enc(id)}`),
    projection: (id, body, csrf, signal) =>
      post<ProjectionAnswer>(`/api/agreements/${enc(id)}/projection`, body, csrf, signal),
    extract: (body, csrf) => post('/api/extract', body, csrf),
    review: (id, body, csrf) => post(`/api/agreements/${enc(id)}/review`, body, csrf),
    streamUrl: (id, evidence) => `/api/agreements/${enc(id)}/stream${query({ evidence })}`,
  };
}
