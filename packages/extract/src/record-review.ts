import type { AppendIssue, Store } from '@truce/store';
import type { PlannedEvent, ReviewOutcome } from './plan-review.ts';

/**
 * Appends reviewed events to an agreement's ledger together, or none. An event reviewed before is
 * skipped by its id (its `recorded` may differ, which the store would refuse as a changed event), so a
 * second review of the same report records nothing new.
 */
export async function recordReviewed(
  store: Store,
  agreementId: string,
  events: readonly PlannedEvent[],
): Promise<{ ok: true; outcomes: ReviewOutcome[] } | { ok: false; issues: readonly AppendIssue[] }> {
  if (events.length === 0) return { ok: true, outcomes: [] };
  const ids = events.map((e) => e.doc.id as string);
  const stored = new Map(
    (
      await store.database.query<{ event_id: string; seq: number | string }>(
        `SELECT event_id, seq FROM events WHERE agreement_id = $1 AND event_id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
        [agreementId, ...ids],
      )
    ).map((r) => [r.event_id, Number(r.seq)]),
  );
  const fresh = events.filter((e) => !stored.has(e.doc.id as string));
  const result = fresh.length
    ? await store.append(
        agreementId,
        fresh.map((e) => e.doc),
      )
    : ({ ok: true, appended: [], skipped: [] } as const);
  if (!result.ok) return { ok: false, issues: result.issues };
  const outcomes = events.map(({ candidate, kind, doc }): ReviewOutcome => {
    const id = doc.id as string;
    const appended = result.appended.find((a) => a.id === id);
    return {
      candidate,
      kind,
      action: appended ? 'recorded' : 'already recorded',
      id,
      seq: Number(appended?.seq ?? stored.get(id)),
      type: doc.type as string,
    };
  });
  return { ok: true, outcomes };
}
