// A synthetic ledger for benchmarks: a million small releases and deliveries spread over the 2023 pause.
import type { Agreement, LedgerEvent } from '@truce/core';

const START = Date.parse('2023-11-24T07:00:00+02:00');
const SPAN = 7 * 86_400_000;
const NONE: never[] = [];

/** `n` ledger events (normalized, as the store and parser produce them), deterministic for a given n. */
export function syntheticLedger(agreement: Agreement, n: number): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  if (!agreement.cohortHeldBy.has('hostages-women-children'))
    throw new Error('the bench expects the gaza-2023-pause agreement');
  // Written out field by field (no spreads) so each event is one compact object, as a parser would build it.
  for (let i = 0; i < n; i++) {
    const at = START + Math.floor((i / n) * SPAN);
    const kind = i % 10;
    const outsideFramework = rand() < 0.02;
    const id = `s${i}`;
    const recorded = at + 3_600_000;
    if (kind < 8) {
      const hostage = kind < 4;
      events.push({
        id,
        type: 'release',
        at,
        until: at,
        occurredStart: at,
        occurredEnd: at + 60_000,
        precision: 'minute',
        recorded,
        status: 'confirmed',
        fact: undefined,
        outsideFramework,
        sources: NONE,
        grade: -1,
        note: undefined,
        hasPersons: false,
        corrects: undefined,
        party: hostage ? 'hamas' : 'israel',
        credited: at,
        released: [
          hostage
            ? { cohort: 'hostages-women-children', best: 1, low: 1, high: 1 }
            : { cohort: 'prisoners-women-minors', best: 3, low: 3, high: 3 },
        ],
      });
    } else {
      events.push({
        id,
        type: 'aid-delivery',
        at,
        until: at,
        occurredStart: at,
        occurredEnd: at + 60_000,
        precision: 'minute',
        recorded,
        status: 'confirmed',
        fact: undefined,
        outsideFramework,
        sources: NONE,
        grade: -1,
        note: undefined,
        hasPersons: false,
        corrects: undefined,
        party: 'israel',
        item: 'trucks',
        area: undefined,
        quantity: { best: 1, low: 1, high: 1 },
      });
    }
  }
  return events;
}

/** The floor of the work: a bare loop that only sums the same events' counts. */
export function bareSum(events: readonly LedgerEvent[]): number {
  let sum = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'release') for (let j = 0; j < e.released.length; j++) sum += e.released[j]!.best;
    else if (e.type === 'aid-delivery') sum += e.quantity.best;
  }
  return sum;
}
