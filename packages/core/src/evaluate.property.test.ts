import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { given, SMALL } from '../test/given.ts';
import { evaluate } from './evaluate.ts';
import { LedgerFileSchema } from './event-schema.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { normalizeEvents } from './parse-ledger.ts';
import type { Status } from './status.ts';

const { agreement } = given(SMALL);
const START = Date.parse('2024-03-01T08:00:00+01:00');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Random written events for the small agreement, from two days before the start to three days after its end. */
const eventDoc = (i: number) =>
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

const ledgerArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eventDoc(i))));

function normalize(docs: unknown[]): LedgerEvent[] {
  const problems: string[] = [];
  const file = LedgerFileSchema.parse({ agreement: 'small', events: docs });
  const events = normalizeEvents(file.events, agreement, {}, (_c, _p, m) => problems.push(m));
  if (problems.length) throw new Error(problems.join('\n'));
  return events;
}

const timeArb = fc.integer({ min: -72, max: 24 * 10 }).map((h) => START + h * HOUR);
const withoutEventCounts = (s: Status) => ({ ...s, events: null });

describe('evaluate: invariants (fast-check)', () => {
  it('the order of events does not matter', () => {
    fc.assert(
      fc.property(ledgerArb, timeArb, fc.integer(), (docs, asOf, seed) => {
        const events = normalize(docs);
        const shuffled = fc.sample(
          fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          { seed, numRuns: 1 },
        )[0]!;
        expect(evaluate(agreement, shuffled, { asOf })).toEqual(evaluate(agreement, events, { asOf }));
      }),
      { numRuns: 150 },
    );
  });

  it("the machine's time zone does not matter", () => {
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(
          ledgerArb,
          timeArb,
          fc.constantFrom('America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'),
          (docs, asOf, tz) => {
            process.env.TZ = 'UTC';
            const reference = evaluate(agreement, normalize(docs), { asOf });
            process.env.TZ = tz;
            expect(evaluate(agreement, normalize(docs), { asOf })).toEqual(reference);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      process.env.TZ = original;
    }
  });

  it('a retraction restores the earlier status', () => {
    fc.assert(
      fc.property(ledgerArb, eventDoc(999), timeArb, (docs, extra, asOf) => {
        const before = evaluate(agreement, normalize(docs), { asOf });
        const retraction = {
          id: 'r999',
          type: 'retraction',
          supersedes: 'e999',
          occurred: extra.occurred,
          recorded: extra.recorded,
        };
        const after = evaluate(agreement, normalize([...docs, extra, retraction]), { asOf });
        const strip = (s: Status) => ({
          ...withoutEventCounts(s),
          obligations: s.obligations.map((o) => ({
            ...o,
            excluded: o.excluded.filter((e) => e.id !== 'e999'),
          })),
        });
        expect(strip(after)).toEqual(strip(before));
      }),
      { numRuns: 150 },
    );
  });

  it('before the agreement starts, nothing is due', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: -200, max: -1 }), (docs, h) => {
        const s = evaluate(agreement, normalize(docs), { asOf: START + h * 60_000 });
        for (const o of s.obligations) {
          expect(o.state).toBe('not-in-effect');
          expect(o.due).toBeNull();
        }
        for (const p of s.phases) expect(p.actualStart).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
