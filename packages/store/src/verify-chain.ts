import { chainHash } from './chain-hash.ts';
import type { Queryable } from './database.ts';

export type BrokenReason = 'seq-gap' | 'prev-mismatch' | 'hash-mismatch' | 'head-mismatch';

export interface BrokenLink {
  readonly seq: number;
  /** The event at `seq`; absent when the head points past the last stored event. */
  readonly eventId?: string;
  readonly reason: BrokenReason;
  readonly message: string;
}

export type VerifyResult =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly firstBroken: BrokenLink };

const PAGE = 5000;

/**
 * Recomputes an agreement's hash chain from the first event to the head and names the first link
 * that does not hold: a changed body or hash, a deleted row (a gap in seq), a broken prev link, or a
 * head that does not point at the last event. Reads in pages, so memory stays flat on long ledgers.
 */
export async function verifyChain(
  db: Queryable,
  agreementId: string,
  page: number = PAGE,
): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prev = '';
  let lastId: string | undefined;
  for (;;) {
    const rows = await db.query<{
      seq: number | string;
      event_id: string;
      body: unknown;
      prev_hash: string;
      hash: string;
    }>(
      // A range of seq, not "the next N": with stale row estimates after a bulk import, the planner
      // sorted every later event to find the next N.
      `SELECT seq, event_id, body, prev_hash, hash FROM events
       WHERE agreement_id = $1 AND seq >= $2 AND seq < $2 + $3 ORDER BY seq`,
      [agreementId, expectedSeq, page],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const at = { seq, eventId: row.event_id };
      if (seq !== expectedSeq)
        return broken({ ...at, reason: 'seq-gap', message: `events ${expectedSeq}–${seq - 1} are missing` });
      if (row.prev_hash !== prev)
        return broken({
          ...at,
          reason: 'prev-mismatch',
          message: 'its link to the previous event was changed',
        });
      if (chainHash({ agreement: agreementId, seq, id: row.event_id, body: row.body, prev }) !== row.hash)
        return broken({ ...at, reason: 'hash-mismatch', message: 'its content or its hash was changed' });
      prev = row.hash;
      lastId = row.event_id;
      expectedSeq += 1;
    }
    if (rows.length < page) {
      // The range ran short: the end of the chain, unless a later event follows a gap.
      const [later] = await db.query<{ seq: number | string | null }>(
        'SELECT min(seq) AS seq FROM events WHERE agreement_id = $1 AND seq >= $2',
        [agreementId, expectedSeq],
      );
      if (later?.seq === null || later?.seq === undefined) break;
      const seq = Number(later.seq);
      const [row] = await db.query<{ event_id: string }>(
        'SELECT event_id FROM events WHERE agreement_id = $1 AND seq = $2',
        [agreementId, seq],
      );
      return broken({
        seq,
        eventId: row!.event_id,
        reason: 'seq-gap',
        message: `events ${expectedSeq}–${seq - 1} are missing`,
      });
    }
  }
  const count = expectedSeq - 1;
  const [head] = await db.query<{ seq: number | string; hash: string }>(
    'SELECT seq, hash FROM ledger_heads WHERE agreement_id = $1',
    [agreementId],
  );
  const headSeq = Number(head?.seq ?? 0);
  if (headSeq !== count || (head?.hash ?? '') !== prev) {
    const message = `the ledger head says ${headSeq} events, the chain holds ${count}`;
    return broken(
      headSeq > count || lastId === undefined
        ? { seq: count + 1, reason: 'head-mismatch', message }
        : { seq: count, eventId: lastId, reason: 'head-mismatch', message },
    );
  }
  return { ok: true, count };
}

function broken(firstBroken: BrokenLink): VerifyResult {
  return { ok: false, firstBroken };
}
