import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, eventDoc, HOUR, ledgerArb, normalize, START } from '../test/random-ledger.ts';
import { evaluate } from './evaluate.ts';
import type { Status } from './status.ts';

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
