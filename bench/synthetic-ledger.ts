// A synthetic ledger for benchmarks: a million small releases and deliveries spread over the 2023 pause,
// built by the same normalizeEvent the parser uses, so the events have exactly the parser's shape.
import { type Agreement, type EventDocument, type LedgerEvent, normalizeEvent } from '@truce/core';

const START = Date.parse('2023-11-24T07:00:00+02:00');
const SPAN = 7 * 86_400_000;

/** `n` ledger events, deterministic for a given n. */
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
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const events: LedgerEvent[] = [];
  // The pause as it ran: started, extended by two days and by one, so all seven days are under it.
  const phase = (id: string, type: 'phase-started' | 'phase-extended', occurred: string, by?: string) =>
    normalizeEvent(
      {
        id,
        type,
        phase: 'pause',
        occurred,
        recorded: occurred,
        status: 'confirmed',
        sources: [],
        outsideFramework: false,
        ...(by ? { by } : {}),
      } as EventDocument,
      ctx,
      [],
    );
  events.push(phase('p-start', 'phase-started', '2023-11-24T07:00:00+02:00'));
  events.push(phase('p-ext-1', 'phase-extended', '2023-11-27T18:00:00+02:00', 'P2D'));
  events.push(phase('p-ext-2', 'phase-extended', '2023-11-30T06:30:00+02:00', 'P1D'));
  for (let i = 3; i < n; i++) {
    const at = START + Math.floor(((i / n) * SPAN) / 60_000) * 60_000;
    const kind = i % 10;
    const common = {
      id: `s${i}`,
      occurred: new Date(at).toISOString().replace('.000Z', 'Z'),
      recorded: new Date(at + 3_600_000).toISOString().replace('.000Z', 'Z'),
      status: 'confirmed' as const,
      sources: [],
      outsideFramework: rand() < 0.02,
    };
    const doc: EventDocument =
      kind < 8
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
    events.push(normalizeEvent(doc, ctx, []));
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
