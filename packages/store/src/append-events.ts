import {
  type Agreement,
  type EventDocument,
  LedgerFileSchema,
  normalizeEvents,
  type Source,
} from '@truce/core';
import { type AgreementCache, loadAgreement } from './agreement-versions.ts';
import { canonicalJson } from './canonical-json.ts';
import { chainHash } from './chain-hash.ts';
import type { Database, Queryable } from './database.ts';
import { StoreError } from './store-error.ts';

/** Why a batch was refused. `index` is the position of the bad event in the batch, when one is to blame. */
export interface AppendIssue {
  readonly index?: number;
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export interface AppendedEvent {
  readonly id: string;
  readonly seq: number;
  readonly hash: string;
}

export type AppendResult =
  | { readonly ok: true; readonly appended: readonly AppendedEvent[]; readonly skipped: readonly string[] }
  | { readonly ok: false; readonly issues: readonly AppendIssue[] };

export interface AppendOptions {
  /** Sources the events name by key (a ledger file's `sources`); they are written into the stored events. */
  readonly sources?: Readonly<Record<string, Source>>;
}

/** Internal: the store's cache of compiled agreements. */
export interface AppendContext {
  readonly agreements?: AgreementCache;
}

const INSERT_CHUNK = 1000;

/**
 * Appends a batch of written events to an agreement's ledger, all or nothing, in one transaction that
 * holds the agreement's head row so concurrent writers extend the chain in turn. An event whose id is
 * already stored with the same canonical body is skipped; with a different body the batch is refused.
 */
export async function appendEvents(
  db: Database,
  agreementId: string,
  docs: readonly unknown[],
  options: AppendOptions = {},
  context: AppendContext = {},
): Promise<AppendResult> {
  const agreement = await loadAgreement(db, agreementId, undefined, context.agreements);
  if (!agreement)
    return refuse([
      {
        code: 'undefined-reference',
        path: [],
        message: `no agreement \`${agreementId}\` is stored; add it first`,
      },
    ]);
  const checked = checkEvents(agreement, docs, options.sources ?? {});
  if ('issues' in checked) return refuse(checked.issues);
  const { events, supersedes } = checked;
  return db.transaction(async (tx) => {
    const [head] = await tx.query<{ seq: number | string; hash: string }>(
      'SELECT seq, hash FROM ledger_heads WHERE agreement_id = $1 FOR UPDATE',
      [agreementId],
    );
    if (!head)
      throw new StoreError('stored-data-invalid', `agreement ${agreementId} has versions but no ledger head`);
    const stored = await storedBodies(tx, agreementId, [...events.map((e) => e.id), ...supersedes.keys()]);
    const issues: AppendIssue[] = [];
    for (const [target, indexes] of supersedes)
      if (!stored.has(target)) issues.push(...indexes.map((index) => missingTarget(index, target)));
    const skipped: string[] = [];
    const fresh: { id: string; body: EventDocument }[] = [];
    events.forEach((body, index) => {
      const before = stored.get(body.id);
      if (before === undefined) fresh.push({ id: body.id, body });
      else if (before === canonicalJson(body)) skipped.push(body.id);
      else
        issues.push({
          index,
          code: 'conflict',
          path: ['events', index, 'id'],
          message: `an event with id \`${body.id}\` is already stored with different content; record a correction instead`,
        });
    });
    if (issues.length) return refuse(issues);
    let seq = Number(head.seq);
    let prev = head.hash;
    const rows = fresh.map(({ id, body }) => {
      seq += 1;
      const hash = chainHash({ agreement: agreementId, seq, id, body, prev });
      const row = { seq, event_id: id, body, prev_hash: prev, hash };
      prev = hash;
      return row;
    });
    // The last chunk and the head move in one statement: one round trip fewer for the usual one-chunk append.
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const last = i + INSERT_CHUNK >= rows.length;
      const insert = `INSERT INTO events (agreement_id, seq, event_id, body, prev_hash, hash)
         SELECT $1, r.seq, r.event_id, r.body, r.prev_hash, r.hash
         FROM jsonb_to_recordset($2::jsonb) AS r(seq bigint, event_id text, body jsonb, prev_hash text, hash text)`;
      const chunk = JSON.stringify(rows.slice(i, i + INSERT_CHUNK));
      if (!last) await tx.query(insert, [agreementId, chunk]);
      else
        await tx.query(
          `WITH inserted AS (${insert} RETURNING 1)
           UPDATE ledger_heads SET seq = $3, hash = $4 WHERE agreement_id = $1`,
          [agreementId, chunk, seq, prev],
        );
    }
    return {
      ok: true,
      appended: rows.map((r) => ({ id: r.event_id, seq: r.seq, hash: r.hash })),
      skipped,
    } as const;
  });
}

/** The issue of an event at `index` whose `supersedes` names no stored event. */
export function missingTarget(index: number, target: string): AppendIssue {
  return {
    index,
    code: 'undefined-reference',
    path: ['events', index, 'supersedes'],
    message: `\`${target}\` is not an event in this ledger`,
  };
}

/** Events checked by the core: what is written, and each outside event a correction or retraction names. */
export interface CheckedEvents {
  readonly events: EventDocument[];
  /** Each event id that is not in the batch, with the positions of the events that supersede it. */
  readonly supersedes: Map<string, number[]>;
}

/**
 * Validates a batch with the core schema and reference checks; supersedes targets outside the batch are
 * left for the database (in `supersedes`).
 */
export function checkEvents(
  agreement: Agreement,
  docs: readonly unknown[],
  sources: Readonly<Record<string, Source>>,
): CheckedEvents | { issues: AppendIssue[] } {
  const parsed = LedgerFileSchema.safeParse({ agreement: agreement.id, sources, events: docs });
  if (!parsed.success)
    return {
      issues: parsed.error.issues.map((i) =>
        withIndex(zodCode(i.code), i.path as (string | number)[], i.message),
      ),
    };
  const issues: AppendIssue[] = [];
  const supersedes = new Map<string, number[]>();
  normalizeEvents(parsed.data.events, agreement, parsed.data.sources, (code, path, message) => {
    const [, index, field] = path;
    const target = typeof index === 'number' ? parsed.data.events[index] : undefined;
    if (
      code === 'undefined-reference' &&
      field === 'supersedes' &&
      path.length === 3 &&
      target &&
      'supersedes' in target
    )
      supersedes.set(target.supersedes, [...(supersedes.get(target.supersedes) ?? []), index as number]);
    else issues.push(withIndex(code, path, message));
  });
  if (issues.length) return { issues };
  return { events: parsed.data.events.map((e) => writeOutSources(e, sources)), supersedes };
}

/** Replaces keys of the batch's own sources with the sources themselves, so a stored event stands on its own. */
function writeOutSources(event: EventDocument, sources: Readonly<Record<string, Source>>): EventDocument {
  // Before the closure below: an import checks every event here, with no sources of its own.
  if (Object.keys(sources).length === 0) return event;
  const resolve = (list: unknown) =>
    Array.isArray(list) ? list.map((s) => (typeof s === 'string' ? (sources[s] ?? s) : s)) : list;
  const written = { ...event, sources: resolve(event.sources) } as EventDocument;
  if (written.type === 'correction' && Array.isArray(written.replacement.sources))
    written.replacement = { ...written.replacement, sources: resolve(written.replacement.sources) };
  return written;
}

export async function storedBodies(
  tx: Queryable,
  agreementId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await tx.query<{ event_id: string; body: unknown }>(
    `SELECT event_id, body FROM events
     WHERE agreement_id = $1 AND event_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [agreementId, JSON.stringify([...new Set(ids)])],
  );
  return new Map(rows.map((r) => [r.event_id, canonicalJson(r.body)]));
}

function withIndex(code: string, path: readonly PropertyKey[], message: string): AppendIssue {
  const clean = path.map((p) => (typeof p === 'number' ? p : String(p)));
  const index = clean[0] === 'events' && typeof clean[1] === 'number' ? clean[1] : undefined;
  return index === undefined ? { code, path: clean, message } : { index, code, path: clean, message };
}

function zodCode(code: string): string {
  if (code === 'unrecognized_keys') return 'unknown-key';
  if (code === 'invalid_type') return 'invalid-type';
  return 'invalid-value';
}

function refuse(issues: readonly AppendIssue[]): AppendResult {
  return { ok: false, issues };
}
