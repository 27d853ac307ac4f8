import {
  type Agreement,
  type EvaluateOptions,
  type EventDocument,
  LedgerState,
  normalizeEvent,
  type Status,
} from '@truce/core';
import { type AgreementCache, loadAgreement } from './agreement-versions.ts';
import type { Queryable } from './database.ts';
import { StoreError } from './store-error.ts';

export interface StatusOptions extends EvaluateOptions {
  /** The agreement version to evaluate under (default: the latest). */
  readonly version?: number;
}

interface Entry {
  readonly state: LedgerState;
  /** The last stored event the state has taken. */
  seq: number;
  /** Reads of one entry run in turn, so two never take the same new events twice. */
  turn: Promise<unknown>;
}

/** How many stored events a catch-up reads at a time, so a long ledger is never all rows at once. */
const PAGE = 20_000;

/** The most agreement versions, and stored events in all, a store keeps folded in memory at once. */
const MAX_ENTRIES = 16;
const MAX_EVENTS = 4_000_000;

/**
 * Each agreement version's ledger, folded once and then kept up to date by reading only the events
 * appended since (by any writer, in any process): a status read costs the new events, not the whole
 * ledger again. Answers are exactly what `evaluate` gives on the whole stored ledger.
 */
export class StatusCache {
  readonly #entries = new Map<string, Entry>();
  readonly #agreements: AgreementCache;
  readonly #page: number;

  constructor(agreements: AgreementCache, page = PAGE) {
    this.#agreements = agreements;
    this.#page = page;
  }

  /** The status of a stored agreement at the given times; undefined when no such agreement (or version) is stored. */
  async status(db: Queryable, agreementId: string, options: StatusOptions): Promise<Status | undefined> {
    const agreement = await loadAgreement(db, agreementId, options.version, this.#agreements);
    if (!agreement) return undefined;
    const entry = this.#entry(agreement);
    const read = entry.turn.then(async () => {
      await catchUp(db, entry, this.#page);
      return entry.state.status(options);
    });
    entry.turn = read.catch(() => undefined);
    return read;
  }

  #entry(agreement: Agreement): Entry {
    const key = `${agreement.id}@${agreement.version}`;
    let entry = this.#entries.get(key);
    if (entry === undefined) entry = { state: new LedgerState(agreement), seq: 0, turn: Promise.resolve() };
    else this.#entries.delete(key);
    // Kept in order of use, so the least recently read are the ones let go.
    this.#entries.set(key, entry);
    let events = 0;
    for (const e of this.#entries.values()) events += e.state.size;
    for (const [k, e] of this.#entries) {
      if (e === entry || (this.#entries.size <= MAX_ENTRIES && events <= MAX_EVENTS)) break;
      this.#entries.delete(k);
      events -= e.state.size;
    }
    return entry;
  }
}

/** Reads the events appended after the entry's last one, page by page, and folds them in. */
async function catchUp(db: Queryable, entry: Entry, page: number): Promise<void> {
  const { agreement } = entry.state;
  const problems: string[] = [];
  const report = (_code: string, path: (string | number)[], message: string) =>
    problems.push(`${path.join('.')}: ${message}`);
  for (;;) {
    // One row per page, its bodies as text: a row per event costs the database and the driver more than
    // the bodies themselves (about 2.5 times the time for a page, measured on PGlite). A page is a range
    // of seq, not "the next N": after a bulk import the planner's row estimates are stale, and it sorted
    // every later event to find the next N (seconds per page on a million events).
    const [page_] = await db.query<{
      head: string | number | null;
      seqs: string | null;
      bodies: string | null;
    }>(
      `SELECT (SELECT seq FROM ledger_heads WHERE agreement_id = $1) AS head,
              string_agg(seq::text, ',' ORDER BY seq) AS seqs, string_agg(body::text, E'\\n' ORDER BY seq) AS bodies
       FROM events WHERE agreement_id = $1 AND seq > $2 AND seq <= $2 + $3`,
      [agreement.id, entry.seq, page],
    );
    const head = Number(page_?.head ?? 0);
    if (!page_?.seqs || page_.bodies === null) {
      // No event in this range: at the head, or (never in a chain written by this store) a gap.
      if (head <= entry.seq) return;
      entry.seq = Math.min(head, entry.seq + page);
      continue;
    }
    const seqs = page_.seqs.split(',');
    const bodies = page_.bodies.split('\n');
    if (bodies.length !== seqs.length)
      throw new StoreError(
        'stored-data-invalid',
        `a page of the stored events of ${agreement.id} could not be split`,
      );
    const events = bodies.map((text, i) =>
      normalizeEvent(JSON.parse(text) as EventDocument, { agreement, sources: {}, report }, [
        'events',
        Number(seqs[i]),
      ]),
    );
    if (problems.length)
      throw new StoreError(
        'version-mismatch',
        `the stored events of ${agreement.id} cannot be read under its version ${agreement.version}: ${problems.slice(0, 3).join('; ')}`,
      );
    entry.state.add(events);
    entry.seq = Math.max(Number(seqs[seqs.length - 1]), Math.min(head, entry.seq + page));
    if (entry.seq >= head) return;
  }
}
