import { type AppendedEvent, type AppendIssue, type AppendResult, appendEvents } from './append-events.ts';
import type { Database, Queryable } from './database.ts';
import type { BadRecord, ImportRecord, ParsedRecords } from './jsonl.ts';
import { formatJsonl, parseJsonl } from './jsonl.ts';
import type { Store } from './open-store.ts';

export interface ImportOptions {
  /** Append the good records and report the bad ones, instead of changing nothing when any is bad. */
  readonly skipBad?: boolean;
}

export interface ImportResult {
  /** True when the records were written: all of them, or with `skipBad` the good ones. False: nothing was written. */
  readonly ok: boolean;
  readonly appended: readonly AppendedEvent[];
  /** Ids already stored with the same content (an import run again duplicates nothing). */
  readonly skipped: readonly string[];
  /** Every bad record, by line; with `skipBad` these were left out, otherwise they are why nothing was written. */
  readonly bad: readonly BadRecord[];
}

/**
 * Appends parsed records to an agreement's ledger in ONE store append (all or nothing). By default any bad
 * record (bad syntax, or an event the store's validation refuses) means nothing is written and every bad
 * record is reported by line; with `skipBad` the good records go in and the bad ones are reported.
 */
export async function importRecords(
  store: Store,
  agreementId: string,
  parsed: ParsedRecords,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { records } = parsed;
  if (parsed.bad.length === 0) {
    // The usual case: one append, which either takes the whole file or says which records are bad.
    const result = await store.append(
      agreementId,
      records.map((r) => r.doc),
    );
    if (result.ok) return { ok: true, appended: result.appended, skipped: result.skipped, bad: [] };
    if (!options.skipBad || result.issues.some((i) => i.index === undefined))
      return refused([...(await findBad(store.database, agreementId, records)).bad]);
  }
  const { good, bad } = await findBad(store.database, agreementId, records);
  const allBad = sortBad([...parsed.bad, ...bad]);
  if (!options.skipBad || bad.some((b) => b.line === null)) return refused(allBad);
  if (good.length === 0) return { ok: true, appended: [], skipped: [], bad: allBad };
  const result = await store.append(
    agreementId,
    good.map((r) => r.doc),
  );
  if (!result.ok) return refused(sortBad([...parsed.bad, ...issuesToBad(result.issues, good)]));
  return { ok: true, appended: result.appended, skipped: result.skipped, bad: allBad };
}

/**
 * Sorts the records into those the store would take and those it refuses, by trial appends in a
 * transaction that is always rolled back (so nothing is written). Dropping a bad record can expose
 * another (a correction of it, say), so it repeats until the rest is clean.
 */
async function findBad(
  db: Database,
  agreementId: string,
  records: readonly ImportRecord[],
): Promise<{ good: ImportRecord[]; bad: BadRecord[] }> {
  let good = [...records];
  const bad: BadRecord[] = [];
  for (;;) {
    const result = await dryRun(
      db,
      agreementId,
      good.map((r) => r.doc),
    );
    if (result.ok) return { good, bad: sortBad(bad) };
    bad.push(...issuesToBad(result.issues, good));
    const blamed = new Set(result.issues.map((i) => i.index));
    if (blamed.has(undefined)) return { good: [], bad: sortBad(bad) };
    good = good.filter((_, index) => !blamed.has(index));
  }
}

class RollBack extends Error {
  constructor(readonly result: AppendResult) {
    super('dry run');
  }
}

/** The store's own append, run inside a transaction that is then rolled back: its verdict, with nothing written. */
async function dryRun(db: Database, agreementId: string, docs: readonly unknown[]): Promise<AppendResult> {
  try {
    await db.transaction(async (tx) => {
      throw new RollBack(await appendEvents(inline(db, tx), agreementId, docs));
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
  throw new Error('unreachable: the dry run always rolls back');
}

/** A Database whose transactions run inside an already open one. */
function inline(db: Database, tx: Queryable): Database {
  return {
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (work) => work(tx),
    close: () => db.close(),
  };
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
  return { ok: false, appended: [], skipped: [], bad };
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
