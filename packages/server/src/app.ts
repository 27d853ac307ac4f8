import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { explain, resolveTime, type Status } from '@truce/core';
import {
  type AgreementVersion,
  formatDeadlinesIcs,
  formatEventsCsv,
  formatJsonl,
  type Store,
  StoreError,
} from '@truce/store';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import { timeout } from 'hono/timeout';
import type { z } from 'zod';
import { createUser, LoginLimiter, login, logout, SESSION_MS, sessionOf } from './accounts.ts';
import { atLeast, audit, type Caller, callerOf, createToken } from './auth.ts';
import { openApiDocument } from './openapi.ts';
import { docsPage, homePage, STYLESHEET } from './pages.ts';
import { problem } from './problem.ts';
import {
  AppendBody,
  AuditQuery,
  EventsQuery,
  LoginBody,
  PublicBody,
  StatusQuery,
  StreamQuery,
  TokenBody,
  UserBody,
} from './schemas.ts';
import { withoutPersons } from './strip-persons.ts';

export interface AppOptions {
  /** The clock, for `asOf` when a request gives none. */
  readonly now?: () => number;
  /** Largest request body, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Time a request may take before it is answered 504 (default 30 s). */
  readonly timeoutMs?: number;
  /** How often a status stream looks for events written by another process (default 2 s). */
  readonly pollMs?: number;
  /** The built dashboard to serve at `/` (a folder holding index.html); a plain page when absent. */
  readonly webRoot?: string;
  /** Whether the session cookie is marked Secure (default: when the request came over HTTPS). */
  readonly secureCookies?: boolean;
}

/** The web session's cookie. */
export const SESSION_COOKIE = 'truce_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Env = { Variables: { caller: Caller } };

/** A zod failure as the problem document's `errors`: where, and what is wrong. */
const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));

/**
 * The HTTP API over a store: agreements, events, status and exports under `/api`, the OpenAPI document at
 * `/openapi.json` and its reference at `/api/docs`. Callers are anonymous (public agreements only, read)
 * or present an API token (`Authorization: Bearer …`) with the role viewer, editor or admin. Every error
 * is an RFC 9457 problem document.
 */
export function createApp(store: Store, options: AppOptions = {}): Hono<Env> {
  const now = options.now ?? Date.now;
  const db = store.database;
  const app = new Hono<Env>();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
  );
  const timeLimit = timeout(
    options.timeoutMs ?? 30_000,
    () => new HTTPException(504, { message: 'the request took too long' }),
  );
  // A status stream stays open; every other request is answered within the time limit.
  app.use('/api/*', (c, next) => (c.req.path.endsWith('/stream') ? next() : timeLimit(c, next)));
  /** Appends made through this server, so status streams answer at once rather than at the next poll. */
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: (c) =>
        problem(c, 413, `a request body may be at most ${options.maxBodyBytes ?? 1024 * 1024} bytes`),
    }),
  );
  app.use('/api/*', async (c, next) => {
    const authorization = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    let caller: Caller | undefined;
    if (authorization === undefined && cookie !== undefined) {
      const session = await sessionOf(db, cookie);
      caller = session
        ? { name: session.email, role: session.role, session: { csrf: session.csrf } }
        : await callerOf(db, undefined);
    } else caller = await callerOf(db, authorization);
    if (!caller)
      return problem(c, 401, 'the token is not valid (or was revoked); send `Authorization: Bearer <token>`');
    // A signed-in browser's writes must show the session's CSRF token, which another site cannot read.
    const signingIn = c.req.method === 'POST' && c.req.path === '/api/session';
    if (
      caller.session &&
      !SAFE_METHODS.has(c.req.method) &&
      !signingIn &&
      c.req.header('x-csrf-token') !== caller.session.csrf
    )
      return problem(c, 403, 'a write from a web session needs its CSRF token in the X-CSRF-Token header');
    c.set('caller', caller);
    await next();
    return undefined;
  });
  const limiter = new LoginLimiter();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return problem(c, error.status as 500, error.message);
    if (error instanceof StoreError) return problem(c, 500, error.message);
    console.error(error);
    return problem(c, 500, 'something went wrong on the server; nothing you sent was the cause');
  });
  app.notFound((c) => problem(c, 404, `there is no ${c.req.method} ${c.req.path}; see /api/docs`));

  /** 401 for anonymous callers, 403 for callers below `role`; undefined when allowed. */
  const refuse = (c: Context<Env>, role: 'viewer' | 'editor' | 'admin'): Response | undefined => {
    const caller = c.get('caller');
    if (caller.role === null)
      return problem(
        c,
        401,
        `this needs a token with the role ${role} or above; send \`Authorization: Bearer <token>\``,
      );
    if (!atLeast(caller, role))
      return problem(c, 403, `this needs the role ${role} or above; your token is ${caller.role}`);
    return undefined;
  };

  const isPublic = async (id: string) =>
    (await db.query('SELECT 1 FROM public_agreements WHERE agreement_id = $1', [id])).length > 0;

  /** The agreement's versions when the caller may read it; otherwise the problem to answer. */
  /** Where an agreement's ledger and versions stand: whatever changes either changes this. */
  const headOf = async (id: string) => {
    const [row] = await db.query<{ seq: string | number | null; version: number | null }>(
      `SELECT (SELECT seq FROM ledger_heads WHERE agreement_id = $1) AS seq,
              (SELECT max(version) FROM agreements WHERE id = $1) AS version`,
      [id],
    );
    return { seq: Number(row?.seq ?? 0), version: row?.version ?? 0 };
  };
  // Versions are never changed once stored, so they are read again only when a new one appears.
  const versionCache = new Map<string, { latest: number; versions: AgreementVersion[] }>();
  const versionsOf = async (id: string, latest: number) => {
    const cached = versionCache.get(id);
    if (cached && cached.latest === latest) return cached.versions;
    const versions = await store.agreements(id);
    if (versions.length > 0) versionCache.set(id, { latest, versions });
    return versions;
  };

  const readable = async (c: Context<Env>, id: string) => {
    const head = await headOf(id);
    const versions = head.version === 0 ? [] : await versionsOf(id, head.version);
    if (versions.length === 0) return { response: problem(c, 404, `no agreement \`${id}\` is stored`) };
    if (c.get('caller').role === null && !(await isPublic(id)))
      return {
        response: problem(
          c,
          401,
          `agreement \`${id}\` is not public; send a token with the role viewer or above`,
        ),
      };
    return { versions, head };
  };

  /** Person-level fields reach editors and admins only. */
  const forCaller = <T>(c: Context<Env>, event: T): T =>
    atLeast(c.get('caller'), 'editor') ? event : withoutPersons(event);

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/docs', (c) => c.html(docsPage(openApiDocument())));
  const webRoot = options.webRoot;
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html')))
    app.use('/*', serveStatic({ root: webRoot }));
  else app.get('/', async (c) => c.html(homePage(await listAgreements(true))));
  app.get('/style.css', (c) =>
    c.body(String(STYLESHEET), 200, { 'content-type': 'text/css; charset=utf-8' }),
  );

  async function listAgreements(publicOnly: boolean) {
    const rows = await db.query<{
      id: string;
      version: number;
      title: string;
      events: string | number;
      public: boolean;
    }>(
      `SELECT a.id, a.version, a.document->>'title' AS title, h.seq AS events, (p.agreement_id IS NOT NULL) AS public
       FROM agreements a
       JOIN ledger_heads h ON h.agreement_id = a.id
       LEFT JOIN public_agreements p ON p.agreement_id = a.id
       WHERE a.version = (SELECT max(version) FROM agreements b WHERE b.id = a.id)
       ORDER BY a.id`,
    );
    return rows
      .filter((r) => !publicOnly || r.public)
      .map((r) => ({
        id: r.id,
        title: r.title,
        version: r.version,
        events: Number(r.events),
        public: r.public,
      }));
  }

  app.get('/api/agreements', async (c) =>
    c.json({ agreements: await listAgreements(c.get('caller').role === null) }),
  );

  app.get('/api/agreements/:id', async (c) => {
    const id = c.req.param('id');
    const read = await readable(c, id);
    if (read.response) return read.response;
    const latest = read.versions.at(-1)!;
    return c.json({
      id,
      public: await isPublic(id),
      version: latest.version,
      versions: read.versions.map((v) => ({
        version: v.version,
        addedAt: v.addedAt.toISOString(),
        title: v.document.title,
      })),
      document: latest.document,
    });
  });

  app.get('/api/agreements/:id/versions/:version', async (c) => {
    const id = c.req.param('id');
    const read = await readable(c, id);
    if (read.response) return read.response;
    const found = read.versions.find((v) => String(v.version) === c.req.param('version'));
    if (!found)
      return problem(
        c,
        404,
        `${id} has no version ${c.req.param('version')}; its versions are ${read.versions.map((v) => v.version).join(', ')}`,
      );
    return c.json({
      id,
      version: found.version,
      addedAt: found.addedAt.toISOString(),
      document: found.document,
    });
  });

  /** The status the query asks for (StatusQuery's fields), or the problem to answer. */
  const evaluateQuery = async (
    c: Context<Env>,
    id: string,
    versions: readonly { version: number; document: { timeZone: string } }[],
    raw: Record<string, string>,
  ): Promise<{ status: Status; response?: undefined } | { response: Response }> => {
    const query = StatusQuery.safeParse(raw);
    if (!query.success)
      return { response: problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) }) };
    const { asOf, knownAt, evidence, version } = query.data;
    const chosen = version === undefined ? versions.at(-1)! : versions.find((v) => v.version === version);
    if (!chosen)
      return {
        response: problem(c, 400, `${id} has no version ${version}`, {
          errors: [{ path: ['version'], message: `versions: ${versions.map((v) => v.version).join(', ')}` }],
        }),
      };
    const zone = chosen.document.timeZone;
    const times: { asOf: number; knownAt?: number } = { asOf: now() };
    for (const [name, text] of [
      ['asOf', asOf],
      ['knownAt', knownAt],
    ] as const) {
      if (text === undefined) continue;
      const t = resolveTime(text, zone);
      if ('error' in t)
        return {
          response: problem(c, 400, `${name} ${text}: ${t.error}`, {
            errors: [{ path: [name], message: t.error }],
          }),
        };
      times[name] = t.start;
    }
    const status = await store.status(id, {
      ...times,
      ...(evidence === undefined ? {} : { evidence }),
      ...(version === undefined ? {} : { version }),
    });
    if (!status) return { response: problem(c, 404, `no agreement \`${id}\` is stored`) };
    return { status };
  };

  // Status answers, kept by everything they depend on: the query, the ledger's length and the latest version.
  // Without asOf the status is taken at the current second, so a second's readers share one evaluation.
  // Each is kept encoded, gzipped and tagged, so a read of an unchanged ledger only sends bytes (or a 304).
  const statusCache = new Map<
    string,
    { json: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; etag: string }
  >();
  app.get('/api/agreements/:id/status', async (c) => {
    const id = c.req.param('id');
    const read = await readable(c, id);
    if (read.response) return read.response;
    const raw = c.req.query();
    const query =
      raw.asOf === undefined
        ? { ...raw, asOf: new Date(Math.floor(now() / 1000) * 1000).toISOString() }
        : raw;
    const key = JSON.stringify([id, read.head.seq, read.head.version, Object.entries(query).sort()]);
    let kept = statusCache.get(key);
    if (kept === undefined) {
      const evaluated = await evaluateQuery(c, id, read.versions, query);
      if (evaluated.response) return evaluated.response;
      const json = Buffer.from(JSON.stringify(evaluated.status), 'utf8');
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      kept = { json: new Uint8Array(json), gzip: new Uint8Array(gzipSync(json)), etag };
      if (statusCache.size >= 64) statusCache.delete(statusCache.keys().next().value!);
      statusCache.set(key, kept);
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      etag: kept.etag,
      vary: 'accept-encoding, authorization, cookie',
      'cache-control': 'private, no-cache',
    };
    if (c.req.header('if-none-match') === kept.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? ''))
      return c.body(kept.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(kept.json, 200, headers);
  });

  app.get('/api/agreements/:id/explain/:obligation', async (c) => {
    const id = c.req.param('id');
    const obligation = c.req.param('obligation');
    const read = await readable(c, id);
    if (read.response) return read.response;
    const evaluated = await evaluateQuery(c, id, read.versions, c.req.query());
    if (evaluated.response) return evaluated.response;
    const { status } = evaluated;
    const lines = explain(status, obligation);
    if (lines === undefined)
      return problem(c, 404, `no obligation \`${obligation}\` in ${id}`, {
        errors: [
          { path: ['obligation'], message: `known: ${status.obligations.map((o) => o.id).join(', ')}` },
        ],
      });
    // The same shape as `truce explain --json`.
    return c.json({
      agreement: status.agreement.id,
      asOf: status.asOf,
      knownAt: status.knownAt,
      evidence: status.evidence,
      obligation: status.obligations.find((o) => o.id === obligation) ?? null,
      explanation: lines,
    });
  });

  const headSeq = async (id: string) => {
    const [row] = await db.query<{ seq: string | number }>(
      'SELECT seq FROM ledger_heads WHERE agreement_id = $1',
      [id],
    );
    return Number(row?.seq ?? 0);
  };

  app.get('/api/agreements/:id/stream', async (c) => {
    const id = c.req.param('id');
    const read = await readable(c, id);
    if (read.response) return read.response;
    const query = StreamQuery.safeParse(c.req.query());
    if (!query.success) return problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) });
    const raw: Record<string, string> = {};
    if (query.data.evidence) raw.evidence = query.data.evidence;
    if (query.data.version) raw.version = String(query.data.version);
    const first = await evaluateQuery(c, id, read.versions, raw);
    if (first.response) return first.response;
    const pollMs = options.pollMs ?? 2000;
    return streamSSE(c, async (stream) => {
      let wake = () => {};
      const onChange = () => wake();
      changes.on(id, onChange);
      stream.onAbort(() => wake());
      try {
        let last = -1;
        while (!stream.aborted && !stream.closed) {
          const seq = await headSeq(id);
          if (seq !== last) {
            const evaluated = last === -1 ? first : await evaluateQuery(c, id, read.versions, raw);
            last = seq;
            if (evaluated.response) break;
            await stream.writeSSE({
              event: 'status',
              id: String(seq),
              data: JSON.stringify(evaluated.status),
            });
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } finally {
        changes.off(id, onChange);
      }
    });
  });

  app.get('/api/agreements/:id/events', async (c) => {
    const id = c.req.param('id');
    const read = await readable(c, id);
    if (read.response) return read.response;
    const query = EventsQuery.safeParse(c.req.query());
    if (!query.success) return problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) });
    const { type, cursor, from, to, limit } = query.data;
    const params: unknown[] = [id, cursor, limit + 1];
    const where = ['agreement_id = $1', 'seq > $2'];
    for (const [column, op, value] of [
      ["body->>'type'", '=', type],
      ['recorded_at', '>=', from],
      ['recorded_at', '<', to],
    ] as const)
      if (value !== undefined) {
        params.push(value);
        where.push(`${column} ${op} $${params.length}`);
      }
    const rows = await db.query<{ seq: string | number; body: Record<string, unknown> }>(
      `SELECT seq, body FROM events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $3`,
      params,
    );
    const page = rows.slice(0, limit).map((r) => ({ seq: Number(r.seq), event: forCaller(c, r.body) }));
    return c.json({ events: page, next: rows.length > limit ? page.at(-1)!.seq : null });
  });

  app.post('/api/agreements/:id/events', async (c) => {
    const id = c.req.param('id');
    const refused = refuse(c, 'editor');
    if (refused) return refused;
    if ((await store.agreements(id)).length === 0) return problem(c, 404, `no agreement \`${id}\` is stored`);
    if (!(c.req.header('content-type') ?? '').includes('application/json'))
      return problem(c, 415, 'send the event as JSON (Content-Type: application/json)');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return problem(c, 400, 'the body is not valid JSON');
    }
    const body = AppendBody.safeParse(raw);
    if (!body.success)
      return problem(c, 400, 'the body is not an event or { events: [...] }', {
        errors: issuesOf(body.error),
      });
    const list = 'events' in body.data && Array.isArray(body.data.events) ? body.data.events : [body.data];
    // With an Idempotency-Key, events sent without an id get one derived from the key: a retry is the same event.
    const key = c.req.header('idempotency-key');
    const events = list.map((e, i) =>
      e.id === undefined && key
        ? { ...e, id: `k-${createHash('sha256').update(`${key}:${i}`).digest('hex').slice(0, 20)}` }
        : e,
    );
    const result = await store.append(id, events);
    if (!result.ok)
      return problem(c, 422, `the events were not recorded: ${result.issues.length} issue(s)`, {
        errors: result.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })),
      });
    if (result.appended.length > 0) changes.emit(id);
    if (result.appended.length > 0)
      await audit(db, c.get('caller'), 'append-events', id, { ids: result.appended.map((a) => a.id) });
    return c.json(
      { appended: result.appended, skipped: result.skipped },
      result.appended.length > 0 ? 201 : 200,
    );
  });

  for (const format of ['jsonl', 'csv', 'ics'] as const)
    app.get(`/api/agreements/:id/export.${format}`, async (c) => {
      const id = c.req.param('id');
      const read = await readable(c, id);
      if (read.response) return read.response;
      if (format === 'ics') {
        const status = await store.status(id, { asOf: now() });
        return c.body(formatDeadlinesIcs(status!, { dtstamp: now() }), 200, {
          'content-type': 'text/calendar; charset=utf-8',
        });
      }
      const events = (await store.events(id)).map((e) => forCaller(c, e));
      return format === 'csv'
        ? c.body(formatEventsCsv(events), 200, { 'content-type': 'text/csv; charset=utf-8' })
        : c.body(formatJsonl(events), 200, { 'content-type': 'application/jsonl; charset=utf-8' });
    });

  app.put('/api/agreements/:id/public', async (c) => {
    const id = c.req.param('id');
    const refused = refuse(c, 'admin');
    if (refused) return refused;
    if ((await store.agreements(id)).length === 0) return problem(c, 404, `no agreement \`${id}\` is stored`);
    const body = PublicBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "public": true } or { "public": false }', {
        errors: issuesOf(body.error),
      });
    if (body.data.public)
      await db.query('INSERT INTO public_agreements (agreement_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
    else await db.query('DELETE FROM public_agreements WHERE agreement_id = $1', [id]);
    await audit(db, c.get('caller'), body.data.public ? 'open-to-public' : 'close-to-public', id, {});
    return c.json({ id, public: body.data.public });
  });

  app.post('/api/tokens', async (c) => {
    const refused = refuse(c, 'admin');
    if (refused) return refused;
    const body = TokenBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "name": …, "role": "viewer" | "editor" | "admin" }', {
        errors: issuesOf(body.error),
      });
    const token = await createToken(db, body.data.name, body.data.role);
    await audit(db, c.get('caller'), 'create-token', null, { name: body.data.name, role: body.data.role });
    return c.json({ name: body.data.name, role: body.data.role, token }, 201);
  });

  app.post('/api/session', async (c) => {
    const body = LoginBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "email": …, "password": … }', { errors: issuesOf(body.error) });
    const email = body.data.email.trim().toLowerCase();
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {}
    const keys = [`address:${address}`, `email:${email}`];
    const wait = Math.max(...keys.map((k) => limiter.blocked(k)));
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return problem(c, 429, `too many failed sign-ins; try again in ${wait} s`);
    }
    const session = await login(db, email, body.data.password);
    if (!session) {
      for (const k of keys) limiter.fail(k);
      return problem(c, 401, 'the email or the password is wrong');
    }
    for (const k of keys) limiter.succeed(k);
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: options.secureCookies ?? new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_MS / 1000,
    });
    await audit(db, { name: email, role: session.role }, 'sign-in', null, {});
    return c.json({ email, role: session.role, csrf: session.csrf }, 201);
  });

  app.get('/api/session', (c) => {
    const caller = c.get('caller');
    return c.json({
      name: caller.role === null ? null : caller.name,
      role: caller.role,
      csrf: caller.session?.csrf ?? null,
    });
  });

  app.delete('/api/session', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && c.get('caller').session) await logout(db, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.post('/api/users', async (c) => {
    const refused = refuse(c, 'admin');
    if (refused) return refused;
    const body = UserBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "email": …, "role": …, "password": … (12 characters or more) }', {
        errors: issuesOf(body.error),
      });
    const email = body.data.email.trim().toLowerCase();
    await createUser(db, email, body.data.role, body.data.password);
    await audit(db, c.get('caller'), 'create-user', null, { email, role: body.data.role });
    return c.json({ email, role: body.data.role }, 201);
  });

  app.get('/api/audit', async (c) => {
    const refused = refuse(c, 'admin');
    if (refused) return refused;
    const query = AuditQuery.safeParse(c.req.query());
    if (!query.success) return problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) });
    const rows = await db.query<{
      id: string;
      at: string;
      actor: string;
      action: string;
      agreement_id: string | null;
      detail: unknown;
    }>(
      `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, action, agreement_id, detail
       FROM audit_log ORDER BY id DESC LIMIT $1`,
      [query.data.limit],
    );
    return c.json({
      entries: rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actor,
        action: r.action,
        agreement: r.agreement_id,
        detail: r.detail,
      })),
    });
  });

  return app;
}
