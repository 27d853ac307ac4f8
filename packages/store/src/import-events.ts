import type { Agreement } from '@truce/core';
import { type AppendIssue, checkEvents, storedBodies } from './append-events.ts';
import { canonicalJson } from './canonical-json.ts';
import { linkHash } from './chain-hash.ts';
import { copyField, type Database, type Queryable } from './database.ts';
import type { BadRecord, ImportRecord, ParsedRecords } from './jsonl.ts';
import { formatJsonl, parseJsonl, RecordSyntaxError } from './jsonl.ts';
import type { Store } from './open-store.ts';
import { StoreError } from './store-error.ts';

/** How far an import has got: events written (or found already stored) out of those it will write. */
export interface ImportProgress {
  /** Events checked and found good so far (the whole file is checked before anything is written). */
  readonly checked: number;
  /** Events written so far, in committed batches. */
  readonly written: number;
  /** Events the import will write in all (known once checking is done; 0 before). */
  readonly total: number;
  /** Batches committed so far. */
  readonly batches: number;
}

export interface ImportOptions {
  /** Append the good records and report the bad ones, instead of changing nothing when any is bad. */
  readonly skipBad?: boolean;
  /** Events per transaction; each batch is committed whole or not at all. Default 10,000. */
  readonly batchSize?: number;
  /** Called as checking goes on and after each committed batch; a promise it returns is awaited. */
  readonly onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

export interface ImportResult {
  /** True when the records were written: all of them, or with `skipBad` the good ones. False: nothing was written. */
  readonly ok: boolean;
  /** The ids written, in order. */
  readonly appended: readonly string[];
  /** Ids already stored with the same content (an import run again, or resumed, duplicates nothing). */
  readonly skipped: readonly string[];
  /** Every bad record, by line; with `skipBad` these were left out, otherwise they are why nothing was written. */
  readonly bad: readonly BadRecord[];
  /** Transactions committed. */
  readonly batches: number;
}

const DEFAULT_BATCH = 10_000;
/** Records checked on their own at a time: their checked copies are let go before the next chunk. */
const CHECK_CHUNK = 20_000;
/** Ids looked up in the store per query while checking. */
const LOOKUP_CHUNK = 10_000;
const COLUMNS = ['agreement_id', 'seq', 'event_id', 'body', 'prev_hash', 'hash'] as const;
/** Events written by one import after which the planner's statistics are taken again. */
const ANALYZE_AFTER = 10_000;

/**
 * Takes the planner's statistics of the events table again. Without them, after a bulk import the planner
 * still believes the table small: it read and sorted every later event to find the next page (seconds per
 * page on a million events). PostgreSQL's autovacuum would do it within minutes; PGlite has none. ANALYZE
 * needs the table's owner, so it runs under the session's own role for this one statement, and an
 * import never fails for it.
 */
async function refreshStatistics(db: Database): Promise<void> {
  await db
    .transaction(async (tx) => {
      await tx.exec('SET LOCAL ROLE NONE');
      await tx.exec('ANALYZE events');
    })
    .catch(() => {});
}

/** A good record, ready to write: its id and its body in canonical form (what is hashed and stored). */
interface Prepared {
  readonly line: number;
  readonly id: string;
  readonly body: string;
}

/**
 * Appends parsed records to an agreement's ledger. The whole file is checked first — the core's schema and
 * reference checks, and against what is stored — so by default any bad record means nothing is written
 * and every bad record is reported by line; with `skipBad` the good records go in and the bad ones are
 * reported. Then the good records are written in batches, each one transaction holding the agreement's
 * head, with COPY. Events already stored with the same content are skipped, so an import that was
 * interrupted (a crash, a kill) resumes where its last committed batch ended when it is run again.
 */
export async function importRecords(
  store: Store,
  agreementId: string,
  parsed: ParsedRecords,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const agreement = await store.agreement(agreementId);
  if (!agreement)
    return refused([
      {
        line: null,
        code: 'undefined-reference',
        path: [],
        message: `no agreement \`${agreementId}\` is stored; add it first`,
      },
    ]);
  const db = store.database;
  const head = await readHead(db, agreementId);
  const { fresh, skipped, bad } = await check(
    db,
    agreement,
    parsed.records,
    head.seq === 0,
    options.onProgress,
  );
  const allBad = sortBad([...parsed.bad, ...bad]);
  if (allBad.length > 0 && (!options.skipBad || bad.some((b) => b.line === null))) return refused(allBad);
  const written = await writeBatches(db, agreementId, fresh, head, options);
  if (written.ids.length >= ANALYZE_AFTER) await refreshStatistics(db);
  if (written.conflict) {
    // Another writer stored one of these ids after the check: the batches before it stand.
    return {
      ok: false,
      appended: written.ids,
      skipped,
      bad: sortBad([...allBad, written.conflict]),
      batches: written.batches,
    };
  }
  return {
    ok: true,
    appended: written.ids,
    skipped: [...skipped, ...written.storedMeanwhile],
    bad: allBad,
    batches: written.batches,
  };
}

/** A record that passed the checks on its own: its body in canonical form, and what it supersedes. */
interface Candidate extends Prepared {
  readonly supersedes?: string;
}

/**
 * Sorts the records into those to write, those already stored with the same content, and bad ones.
 * Nothing is written. First each record on its own (the core's schema and reference checks), a chunk at
 * a time so the checked copies do not pile up on a long file; then across the file (an id used twice,
 * what corrections and retractions supersede) and against the store. Dropping a bad record can expose
 * another (a correction of it, say), so that last part repeats until the rest is clean.
 */
async function check(
  db: Queryable,
  agreement: Agreement,
  records: readonly ImportRecord[],
  /** The ledger held nothing when the import began: no id needs looking up (a writer since is seen later). */
  empty: boolean,
  onProgress: ImportOptions['onProgress'],
): Promise<{ fresh: Prepared[]; skipped: string[]; bad: BadRecord[] }> {
  const bad: BadRecord[] = [];
  const candidates: Candidate[] = [];
  for (let from = 0; from < records.length; from += CHECK_CHUNK) {
    let { chunk, docs } = readDocs(records.slice(from, from + CHECK_CHUNK), bad);
    for (;;) {
      const checked = checkEvents(agreement, docs, {});
      if ('issues' in checked) {
        const dropped = blame(checked.issues, chunk, bad);
        if (dropped === 'all') return { fresh: [], skipped: [], bad: sortBad(bad) };
        chunk = chunk.filter((_, index) => !dropped.has(index));
        docs = docs.filter((_, index) => !dropped.has(index));
        continue;
      }
      checked.events.forEach((e, i) =>
        candidates.push({
          line: chunk[i]!.line,
          id: e.id,
          body: canonicalJson(e),
          ...('supersedes' in e ? { supersedes: e.supersedes } : {}),
        }),
      );
      break;
    }
    await onProgress?.({
      checked: Math.min(from + CHECK_CHUNK, records.length),
      written: 0,
      total: 0,
      batches: 0,
    });
  }

  // An id used twice in the file (within a chunk the core has said so already).
  const lineOf = new Map<string, number>();
  let live = candidates.filter((c) => {
    const prior = lineOf.get(c.id);
    if (prior === undefined) {
      lineOf.set(c.id, c.line);
      return true;
    }
    bad.push({
      line: c.line,
      code: 'duplicate-id',
      path: ['id'],
      message: `the event id \`${c.id}\` is already used on line ${prior}`,
    });
    return false;
  });

  // Ids already stored: the same content is skipped (a re-run), different content is a conflict.
  const skippedIds = new Set<string>();
  if (!empty) {
    const conflicts = new Set<Candidate>();
    for (let i = 0; i < live.length; i += LOOKUP_CHUNK) {
      const slice = live.slice(i, i + LOOKUP_CHUNK);
      const stored = await storedBodies(
        db,
        agreement.id,
        slice.map((c) => c.id),
      );
      for (const c of slice) {
        const before = stored.get(c.id);
        if (before === undefined) continue;
        if (before === c.body) skippedIds.add(c.id);
        else {
          conflicts.add(c);
          bad.push({
            line: c.line,
            code: 'conflict',
            path: ['id'],
            message: `an event with id \`${c.id}\` is already stored with different content; record a correction instead`,
          });
        }
      }
    }
    if (conflicts.size > 0) live = live.filter((c) => !conflicts.has(c));
  }

  // What corrections and retractions supersede must be in the file or stored.
  const storedTargets = new Set<string>();
  const lookedUp = new Set<string>();
  for (;;) {
    const liveIds = new Set(live.map((c) => c.id));
    const unknown = [
      ...new Set(
        live.flatMap((c) =>
          c.supersedes !== undefined && !liveIds.has(c.supersedes) && !lookedUp.has(c.supersedes)
            ? [c.supersedes]
            : [],
        ),
      ),
    ];
    for (let i = 0; i < unknown.length; i += LOOKUP_CHUNK) {
      const slice = unknown.slice(i, i + LOOKUP_CHUNK);
      slice.forEach((id) => lookedUp.add(id));
      if (empty) continue;
      for (const id of await storedIds(db, agreement.id, slice)) storedTargets.add(id);
    }
    const missing = live.filter(
      (c) => c.supersedes !== undefined && !liveIds.has(c.supersedes) && !storedTargets.has(c.supersedes),
    );
    if (missing.length === 0) break;
    for (const c of missing)
      bad.push({
        line: c.line,
        code: 'undefined-reference',
        path: ['supersedes'],
        message: `\`${c.supersedes}\` is not an event in this ledger`,
      });
    const gone = new Set(missing);
    live = live.filter((c) => !gone.has(c));
  }

  const fresh: Prepared[] = [];
  const skipped: string[] = [];
  for (const c of live)
    if (skippedIds.has(c.id)) skipped.push(c.id);
    else fresh.push({ line: c.line, id: c.id, body: c.body });
  return { fresh, skipped, bad: sortBad(bad) };
}

/**
 * The documents of the records that can be read, read once for this chunk (a JSON Lines record is parsed
 * each time); the others (a line that is not one JSON object) go to `bad`.
 */
function readDocs(
  records: readonly ImportRecord[],
  bad: BadRecord[],
): { chunk: ImportRecord[]; docs: Record<string, unknown>[] } {
  const chunk: ImportRecord[] = [];
  const docs: Record<string, unknown>[] = [];
  for (const r of records) {
    try {
      docs.push(r.doc);
      chunk.push(r);
    } catch (error) {
      if (!(error instanceof RecordSyntaxError)) throw error;
      bad.push({ line: r.line, code: 'syntax', path: [], message: error.message });
    }
  }
  return { chunk, docs };
}

/** Adds the issues to `bad` by line; the positions to drop, or 'all' when an issue blames no one record. */
function blame(
  issues: readonly AppendIssue[],
  good: readonly ImportRecord[],
  bad: BadRecord[],
): Set<number> | 'all' {
  bad.push(...issuesToBad(issues, good));
  const blamed = new Set<number>();
  for (const issue of issues) {
    if (issue.index === undefined) return 'all';
    blamed.add(issue.index);
  }
  return blamed;
}

interface Head {
  readonly seq: number;
  readonly hash: string;
}

async function readHead(db: Queryable, agreementId: string, lock = false): Promise<Head> {
  const [head] = await db.query<{ seq: number | string; hash: string }>(
    `SELECT seq, hash FROM ledger_heads WHERE agreement_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [agreementId],
  );
  if (!head)
    throw new StoreError('stored-data-invalid', `agreement ${agreementId} has versions but no ledger head`);
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * Writes the checked events in batches, each in one transaction that locks the head, chains the batch on
 * and COPYs it in. Once the head has moved since the check (another writer), every later batch's ids are looked
 * up again: ones stored since with the same content are skipped, a different content stops the import.
 */
async function writeBatches(
  db: Database,
  agreementId: string,
  fresh: readonly Prepared[],
  checkedAt: Head,
  options: ImportOptions,
): Promise<{ ids: string[]; batches: number; storedMeanwhile: string[]; conflict?: BadRecord }> {
  /** Ids another writer stored, with the same content, after the check. */
  const storedMeanwhile: string[] = [];
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const ids: string[] = [];
  let expected = checkedAt;
  let othersWrote = false;
  let batches = 0;
  for (let start = 0; start < fresh.length; start += size) {
    const result = await db.transaction(async (tx) => {
      const head = await readHead(tx, agreementId, true);
      let batch = fresh.slice(start, start + size);
      // Once another writer has appended since the check, any later batch's ids may be among its events.
      if (head.seq !== expected.seq || head.hash !== expected.hash) othersWrote = true;
      if (othersWrote) {
        const stored = await storedBodies(
          tx,
          agreementId,
          batch.map((p) => p.id),
        );
        const clash = batch.find((p) => stored.has(p.id) && stored.get(p.id) !== p.body);
        if (clash) return { clash };
        const before = batch.length;
        batch = batch.filter((p) => !stored.has(p.id));
        if (batch.length < before) storedMeanwhile.push(...[...stored.keys()]);
      }
      let seq = head.seq;
      let prev = head.hash;
      let rows = '';
      const agreementField = copyField(agreementId);
      for (const p of batch) {
        seq += 1;
        const hash = linkHash(agreementId, seq, p.id, p.body, prev);
        rows += `${agreementField}\t${seq}\t${copyField(p.id)}\t${copyField(p.body)}\t${prev}\t${hash}\n`;
        prev = hash;
      }
      if (batch.length > 0) {
        await tx.copyRows('events', COLUMNS, rows);
        await tx.query('UPDATE ledger_heads SET seq = $2, hash = $3 WHERE agreement_id = $1', [
          agreementId,
          seq,
          prev,
        ]);
      }
      return { head: { seq, hash: prev }, written: batch.map((p) => p.id) };
    });
    if ('clash' in result) {
      const { line, id } = result.clash!;
      return {
        ids,
        batches,
        storedMeanwhile,
        conflict: {
          line,
          code: 'conflict',
          path: ['id'],
          message: `another writer stored an event with id \`${id}\` and different content during the import; ${ids.length} events were written before it`,
        },
      };
    }
    expected = result.head;
    ids.push(...result.written);
    batches += 1;
    await options.onProgress?.({
      checked: fresh.length,
      written: Math.min(start + size, fresh.length),
      total: fresh.length,
      batches,
    });
  }
  return { ids, batches, storedMeanwhile };
}

async function storedIds(db: Queryable, agreementId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ event_id: string }>(
    `SELECT event_id FROM events
     WHERE agreement_id = $1 AND event_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [agreementId, JSON.stringify(ids)],
  );
  return new Set(rows.map((r) => r.event_id));
}

function issuesToBad(issues: readonly AppendIssue[], records: readonly ImportRecord[]): BadRecord[] {
  return issues.map((issue) => {
    if (issue.index === undefined)
      return { line: null, code: issue.code, path: issue.path, message: issue.message };
    const record = records[issue.index];
    const path =
      issue.path[0] === 'events' && issue.path[1] === issue.index ? issue.path.slice(2) : issue.path;
    return { line: record?.line ?? null, code: issue.code, path, message: issue.message };
  });
}

function sortBad(bad: readonly BadRecord[]): BadRecord[] {
  return [...bad].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function refused(bad: readonly BadRecord[]): ImportResult {
  return { ok: false, appended: [], skipped: [], bad, batches: 0 };
}

/** An agreement's stored events as JSON Lines, in the order they were appended. */
export async function exportJsonl(store: Store, agreementId: string): Promise<string> {
  return formatJsonl(await store.events(agreementId));
}

/** Imports JSON Lines into an agreement's ledger: see `importRecords`. */
export function importJsonl(
  store: Store,
  agreementId: string,
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importRecords(store, agreementId, parseJsonl(text), options);
}
