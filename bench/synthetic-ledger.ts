// A synthetic ledger for benchmarks: a million small releases and deliveries spread over the 2023 pause,
// built by the same normalizeEvent the parser uses, so the events have exactly the parser's shape.
import { type Agreement, type EventDocument, type LedgerEvent, normalizeEvent } from '@truce/core';

const START = Date.parse('2023-11-24T07:00:00+02:00');
const SPAN = 7 * 86_400_000;

/** `n` written ledger events (as a ledger file or `truce import` holds them), deterministic for a given n. */
export function syntheticDocs(n: number): EventDocument[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const docs: EventDocument[] = [];
  // The pause as it ran: started, extended by two days and by one, so all seven days are under it.
  const phase = (id: string, type: 'phase-started' | 'phase-extended', occurred: string, by?: string) =>
    ({
      id,
      type,
      phase: 'pause',
      occurred,
      recorded: occurred,
      status: 'confirmed',
      sources: [],
      outsideFramework: false,
      ...(by ? { by } : {}),
    }) as EventDocument;
  docs.push(phase('p-start', 'phase-started', '2023-11-24T07:00:00+02:00'));
  docs.push(phase('p-ext-1', 'phase-extended', '2023-11-27T18:00:00+02:00', 'P2D'));
  docs.push(phase('p-ext-2', 'phase-extended', '2023-11-30T06:30:00+02:00', 'P1D'));
  for (let i = 3; i < n; i++) docs.push(syntheticEvent(i, n, rand() < 0.02));
  return docs;
}

/** Event `i` of `n`: a release by either side or an aid delivery, at its place in the seven days. */
export function syntheticEvent(i: number, n: number, outsideFramework = false): EventDocument {
  const at = START + Math.floor(((i / n) * SPAN) / 60_000) * 60_000;
  const kind = i % 10;
  const common = {
    id: `s${i}`,
    occurred: new Date(at).toISOString().replace('.000Z', 'Z'),
    recorded: new Date(at + 3_600_000).toISOString().replace('.000Z', 'Z'),
    status: 'confirmed' as const,
    sources: [],
    outsideFramework,
  };
  return kind < 8
    ? {
        ...common,
        type: 'release',
        party: kind < 4 ? 'hamas' : 'israel',
        released: [
          kind < 4
            ? { cohort: 'hostages-women-children', count: 1 }
            : { cohort: 'prisoners-women-minors', count: 3 },
        ],
      }
    : { ...common, type: 'aid-delivery', party: 'israel', item: 'trucks', quantity: 1 };
}

/** `n` ledger events, deterministic for a given n, normalized by the parser's own `normalizeEvent`. */
export function syntheticLedger(agreement: Agreement, n: number): LedgerEvent[] {
  if (!agreement.cohortHeldBy.has('hostages-women-children'))
    throw new Error('the bench expects the gaza-2023-pause agreement');
  const ctx = {
    agreement,
    sources: {},
    report: (_code: string, _path: (string | number)[], message: string) => {
      throw new Error(message);
    },
  };
  return syntheticDocs(n).map((doc) => normalizeEvent(doc, ctx, []));
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
