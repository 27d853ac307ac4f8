import type { Extraction as Extracted, Proposal } from '@truce/extract';

/** The answer of `POST /api/extract`: the extraction, and with an agreement each candidate's proposed event. */
export type Extraction = Extracted & { readonly proposals?: readonly (Proposal & { candidate: number })[] };

/** The report as it was sent to be extracted; the review sends it again, so the server reads the same candidates. */
export interface ReportBody {
  text?: string;
  html?: string;
  published: string;
  outlet?: string;
  url?: string;
  name?: string;
}

/** What a reviewer chose for one candidate; `fields` are the proposed event's fields as typed. */
export interface Decision {
  readonly action: 'skip' | 'accept' | 'edit' | 'reject';
  readonly fields: Readonly<Record<string, string>>;
}

export interface ReviewBody {
  report: ReportBody;
  decisions: {
    candidate: number;
    kind: string;
    action: 'accept' | 'edit' | 'note' | 'reject';
    fields?: Record<string, string | number>;
  }[];
}

/** What became of one candidate once the review was recorded. */
export interface ReviewOutcome {
  readonly candidate: number;
  readonly kind: string;
  readonly action: 'recorded' | 'already recorded' | 'rejected' | 'skipped';
  readonly id?: string;
  readonly seq?: number;
  readonly type?: string;
}

/** The event fields a reviewer may edit, in the order shown. */
export const FIELD_KEYS = [
  'type',
  'party',
  'cohort',
  'count',
  'item',
  'quantity',
  'phase',
  'by',
  'occurred',
  'text',
  'note',
] as const;

const NUMBERS = new Set(['count', 'quantity']);

/** The proposed event's fields as text: the event when the candidate can be one, else the statement noting it. */
export function startingFields(proposal: Proposal | undefined): Record<string, string> {
  if (!proposal) return {};
  const fields = (proposal.ok ? proposal.fields : proposal.note) as unknown as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const key of FIELD_KEYS) if (fields[key] !== undefined) out[key] = String(fields[key]);
  if (proposal.ok) for (const key of proposal.missing) out[key] ??= '';
  return out;
}

/**
 * The decisions to send: accept (or, for a candidate that is not an event, accept as the statement that
 * notes it), edit with the typed fields, or reject. Skipped candidates are left out.
 */
export function decisionsToSend(
  extraction: Extraction,
  decisions: ReadonlyMap<number, Decision>,
): ReviewBody['decisions'] {
  const out: ReviewBody['decisions'] = [];
  for (const [n, d] of [...decisions].sort((a, b) => a[0] - b[0])) {
    const kind = extraction.candidates[n - 1]?.kind ?? '';
    const proposal = extraction.proposals?.[n - 1];
    if (d.action === 'skip') continue;
    if (d.action === 'reject') out.push({ candidate: n, kind, action: 'reject' });
    else if (d.action === 'accept')
      out.push({ candidate: n, kind, action: proposal && !proposal.ok ? 'note' : 'accept' });
    else {
      const fields: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(d.fields)) {
        const v = value.trim();
        if (v === '') continue;
        fields[key] = NUMBERS.has(key) && Number.isFinite(Number(v)) ? Number(v) : v;
      }
      out.push({ candidate: n, kind, action: 'edit', fields });
    }
  }
  return out;
}
