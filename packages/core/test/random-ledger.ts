// Random ledgers for the small test agreement, shared by the property tests.
import fc from 'fast-check';
import { type LedgerEvent, LedgerFileSchema, normalizeEvents } from '../src/index.ts';
import { given, SMALL } from './given.ts';

export const { agreement } = given(SMALL);
export const START = Date.parse('2024-03-01T08:00:00+01:00');
export const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Random written events for the small agreement, from two days before the start to three days after its end. */
export const eventDoc = (i: number) =>
  fc
    .record({
      kind: fc.constantFrom('release-a', 'release-b', 'aid', 'violation', 'extend', 'claim'),
      hour: fc.integer({ min: -48, max: 24 * 9 }),
      lag: fc.integer({ min: 0, max: 72 }),
      count: fc.integer({ min: 0, max: 40 }),
      fact: fc.option(fc.constantFrom('f1', 'f2', 'f3'), { nil: undefined }),
      status: fc.constantFrom('reported', 'corroborated', 'confirmed', 'disputed'),
      outside: fc.boolean(),
      reliability: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
      credibility: fc.constantFrom(1, 2, 3, 4, 5, 6),
    })
    .map((r) => {
      const t = START + r.hour * HOUR;
      const common = {
        id: `e${i}`,
        occurred: iso(t),
        recorded: iso(t + r.lag * HOUR),
        status: r.status,
        outsideFramework: r.outside,
        sources: [{ outlet: `outlet-${i}`, reliability: r.reliability, credibility: r.credibility }],
        ...(r.fact ? { fact: `${r.kind}-${r.fact}` } : {}),
      };
      switch (r.kind) {
        case 'release-a':
          return {
            ...common,
            type: 'release',
            party: 'a',
            released: [{ cohort: 'held-by-a', count: r.count }],
          };
        case 'release-b':
          return {
            ...common,
            type: 'release',
            party: 'b',
            released: [{ cohort: 'held-by-b', count: r.count }],
          };
        case 'aid':
          return { ...common, type: 'aid-delivery', party: 'b', item: 'trucks', quantity: r.count * 5 };
        case 'violation':
          return { ...common, type: 'violation', party: 'a', activity: 'hostilities' };
        case 'extend':
          return { ...common, type: 'phase-extended', phase: 'pause', by: 'P1D' };
        default:
          return {
            ...common,
            type: 'statement',
            claim: { measure: 'released', heldBy: 'a', value: r.count },
          };
      }
    });

export const ledgerArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eventDoc(i))));

export function normalize(docs: unknown[]): LedgerEvent[] {
  const problems: string[] = [];
  const file = LedgerFileSchema.parse({ agreement: 'small', events: docs });
  const events = normalizeEvents(file.events, agreement, {}, (_c, _p, m) => problems.push(m));
  if (problems.length) throw new Error(problems.join('\n'));
  return events;
}
