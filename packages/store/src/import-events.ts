import type { Agreement } from '@truce/core';
import { storedBodies } from './append-events.ts';
import { checkInChunks, defaultWorkers } from './check-in-chunks.ts';
import type { Database, Queryable } from './database.ts';
import { GoodRecords, type Prepared } from './good-records.ts';
import type { BadRecord, ImportRecord, ParsedRecords } from './jsonl.ts';
import { formatJsonl, parseJsonl } from './jsonl.ts';
import type { Store } from './open-store.ts';
import { type BuiltBatch, copyEvents, type Head, RowsAhead, readHead, setHead } from './rows-ahead.ts';
import { WriteAhead } from './write-ahead.ts';

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
  /**
   * Worker threads that check the records, a chunk each at a time; 0 checks in this thread. Default: one
   * per core but one (at least one, at most 4) for 50,000 records or more, else none (a thread takes a
   * moment to start).
   */
  readonly workers?: number;
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
  /** Batches written, each of at most `batchSize` events (those written while the file was checked commit together). */
  readonly batches: number;
}

const DEFAULT_BATCH = 10_000;
/** Ids looked up in the store per query while checking. */
const LOOKUP_CHUNK = 10_000;
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

/**
 * Appends parsed records to an agreement's ledger. The whole file is checked first — the core's schema and
 * reference checks, and against what is stored — so by default any bad record means nothing is written
 * and every bad record is reported by line; with `skipBad` the good records go in and the bad ones are
 * reported. Then the good records are written in batches, each one transaction holding the agreement's
 * head, with COPY. Events already stored with the same content are skipped, so an import that was
 * interrupted (a crash, a kill) resumes where its last committed batch ended when it is run again.
 *
 * A long file is checked on worker threads, a chunk each, while this thread chains the rows of the
 * batches on the head as the chunks come back; when every good record is written on that head, as in a
 * first import, writing a batch is only its COPY.
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
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const workers = options.workers ?? defaultWorkers(parsed.records.length);
  // A long file into an empty ledger (a first import): batches are written while the file is checked on
  // worker threads, and kept only if it passes. Into a ledger that holds events, the ids may be stored
  // already (a re-run), and the check goes first.
  const writeAhead = head.seq === 0 && workers > 0 ? new WriteAhead(db, agreementId, head) : undefined;
  // A batch the write-ahead transaction has written needs its rows no more: should that transaction fail,
  // the batch is chained again from the records.
  const ahead: RowsAhead = new RowsAhead(agreementId, head, size, (batch, n) => {
    writeAhead?.push(batch).then((written) => written && ahead.release(n));
  });
  let committed = 0;
  let checked: Awaited<ReturnType<typeof check>>;
  /** Every good record is to be written, so the rows chained during the check are the rows to write. */
  let whole = false;
  try {
    checked = await check(db, agreement, parsed.records, {
      empty: head.seq === 0,
      workers,
      ahead,
      onProgress: options.onProgress,
    });
    const { goods, bad } = checked;
    if (refuses(parsed.bad, bad, options)) return refused(sortBad([...parsed.bad, ...bad]));
    whole = goods.dropped.size === 0 && goods.skipped.size === 0 && ahead.count === goods.count;
    if (writeAhead && whole) committed = await writeAhead.commit();
  } finally {
    await writeAhead?.abandon();
  }
  const { goods, bad } = checked;
  const allBad = sortBad([...parsed.bad, ...bad]);
  const skipped = [...goods.skipped].sort((x, y) => x - y).map((p) => goods.idAt(p));
  const fresh = whole ? undefined : goods.fresh();
  const written = await writeBatches(db, agreementId, head, {
    count: fresh?.length ?? goods.count,
    slice: fresh ? (from, to) => fresh.slice(from, to) : (from, to) => [...goods.range(from, to)],
    size,
    ahead: whole ? ahead : undefined,
    committed,
    onProgress: options.onProgress,
  });
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

/**
 * Sorts the records into those to write, those already stored with the same content, and bad ones.
 * Nothing is written. First each record on its own (the core's schema and reference checks), a chunk at
 * a time, on worker threads for a long file; then across the file (an id used twice, what corrections and
 * retractions supersede) and against the store. Dropping a bad record can expose another (a correction of
 * it, say), so that last part repeats until the rest is clean.
 */
async function check(
  db: Queryable,
  agreement: Agreement,
  records: readonly ImportRecord[],
  how: {
    /** The ledger held nothing when the import began: no id needs looking up (a writer since is seen later). */
    readonly empty: boolean;
    /** Worker threads to check on (0: this thread). */
    readonly workers: number;
    /** Takes each good record in file order, to chain the rows before the checks are done. */
    readonly ahead: RowsAhead;
    readonly onProgress: ImportOptions['onProgress'];
  },
): Promise<{ goods: GoodRecords; bad: BadRecord[] }> {
  const bad: BadRecord[] = [];
  const goods = new GoodRecords();
  const { ahead } = how;
  const { fatal } = await checkInChunks(agreement, records, how.workers, async (chunk, checked) => {
    bad.push(...chunk.bad);
    const { ids, bodies } = goods.add(chunk, bad);
    // Once a record is dropped the chained rows cannot stand; the writer will chain what is left.
    if (goods.dropped.size === 0) for (let i = 0; i < ids.length; i++) ahead.add(ids[i]!, bodies[i]!);
    await how.onProgress?.({ checked, written: 0, total: 0, batches: 0 });
  });
  if (fatal) return { goods: new GoodRecords(), bad: sortBad(bad) };
  ahead.finish();

  // Ids already stored: the same content is skipped (a re-run), different content is a conflict.
  if (!how.empty)
    for (let from = 0; from < goods.count; from += LOOKUP_CHUNK) {
      const slice = [...goods.range(from, from + LOOKUP_CHUNK)].filter((r) => !goods.dropped.has(r.position));
      const stored = await storedBodies(
        db,
        agreement.id,
        slice.map((r) => r.id),
      );
      for (const r of slice) {
        const before = stored.get(r.id);
        if (before === undefined) continue;
        if (before === r.body) goods.skipped.add(r.position);
        else {
          goods.dropped.add(r.position);
          bad.push({
            line: r.line,
            code: 'conflict',
            path: ['id'],
            message: `an event with id \`${r.id}\` is already stored with different content; record a correction instead`,
          });
        }
      }
    }

  // What corrections and retractions supersede must be in the file or stored.
  const storedTargets = new Set<string>();
  const lookedUp = new Set<string>();
  const pending = (s: { position: number; target: string }) =>
    !goods.dropped.has(s.position) && !goods.holds(s.target);
  for (;;) {
    const unknown = [
      ...new Set(goods.supersedes.filter((s) => pending(s) && !lookedUp.has(s.target)).map((s) => s.target)),
    ];
    for (let i = 0; i < unknown.length; i += LOOKUP_CHUNK) {
      const slice = unknown.slice(i, i + LOOKUP_CHUNK);
      for (const id of slice) lookedUp.add(id);
      if (how.empty) continue;
      for (const id of await storedIds(db, agreement.id, slice)) storedTargets.add(id);
    }
    const missing = goods.supersedes.filter((s) => pending(s) && !storedTargets.has(s.target));
    if (missing.length === 0) break;
    for (const s of missing) {
      goods.dropped.add(s.position);
      bad.push({
        line: goods.lineAt(s.position),
        code: 'undefined-reference',
        path: ['supersedes'],
        message: `\`${s.target}\` is not an event in this ledger`,
      });
    }
  }
  return { goods, bad: sortBad(bad) };
}

/**
 * Writes the checked events in batches, each in one transaction that locks the head, chains the batch on
 * and COPYs it in; rows chained ahead (`ahead`) are written as they are while the head is where the check
 * found it. Once the head has moved since the check (another writer), every later batch's ids are looked
 * up again: ones stored since with the same content are skipped, a different content stops the import.
 */
async function writeBatches(
  db: Database,
  agreementId: string,
  checkedAt: Head,
  plan: {
    /** Records to write. */
    readonly count: number;
    /** The records to write at [from, to). */
    readonly slice: (from: number, to: number) => Prepared[];
    readonly size: number;
    /** The batches' rows chained on `checkedAt` during the check, when they hold exactly the records to write. */
    readonly ahead: RowsAhead | undefined;
    /** The first batches of `ahead`, already written and committed during the check (see `WriteAhead`). */
    readonly committed: number;
    readonly onProgress: ImportOptions['onProgress'];
  },
): Promise<{ ids: string[]; batches: number; storedMeanwhile: string[]; conflict?: BadRecord }> {
  const { count, size } = plan;
  /** Ids another writer stored, with the same content, after the check. */
  const storedMeanwhile: string[] = [];
  const ids: string[] = [];
  let expected = checkedAt;
  let othersWrote = false;
  let batches = 0;
  for (; batches < plan.committed; batches++) {
    const done = plan.ahead!.batch(batches)!;
    for (const id of done.ids) ids.push(id);
    expected = done.head;
  }
  if (batches > 0) await plan.onProgress?.({ checked: count, written: ids.length, total: count, batches });
  for (let start = batches * size; start < count; start += size) {
    const result = await db.transaction(async (tx) => {
      const head = await readHead(tx, agreementId, true);
      // Once another writer has appended since the check, any later batch's ids may be among its events.
      if (head.seq !== expected.seq || head.hash !== expected.hash) othersWrote = true;
      const prebuilt = othersWrote ? undefined : plan.ahead?.batch(batches);
      if (prebuilt?.rows !== undefined) {
        await copyEvents(tx, prebuilt.rows);
        await setHead(tx, agreementId, prebuilt.head);
        return { head: prebuilt.head, written: prebuilt.ids };
      }
      let batch = plan.slice(start, start + size);
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
      let built: BuiltBatch | undefined;
      const rows = new RowsAhead(agreementId, head, batch.length, (b) => {
        built = b;
      });
      for (const p of batch) rows.add(p.id, p.body);
      rows.finish();
      if (built) {
        await copyEvents(tx, built.rows);
        await setHead(tx, agreementId, built.head);
      }
      return { head: built?.head ?? head, written: built?.ids ?? [] };
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
    for (const id of result.written) ids.push(id);
    plan.ahead?.release(batches);
    batches += 1;
    await plan.onProgress?.({
      checked: count,
      written: Math.min(start + size, count),
      total: count,
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

function sortBad(bad: readonly BadRecord[]): BadRecord[] {
  return [...bad].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Whether bad records stop the import: any at all by default; with `skipBad`, only one no line is to blame for. */
function refuses(unread: readonly BadRecord[], bad: readonly BadRecord[], options: ImportOptions): boolean {
  if (unread.length === 0 && bad.length === 0) return false;
  return !options.skipBad || bad.some((b) => b.line === null);
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
