import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, eventDoc, HOUR, normalize, START } from '../test/random-ledger.ts';
import { evaluate } from './evaluate.ts';
import { LedgerState } from './ledger-state.ts';
import { EVIDENCE_POLICIES } from './status.ts';

/** A random ledger with corrections and retractions of its own events, cut into batches at random. */
const grownLedger = fc
  .integer({ min: 1, max: 20 })
  .chain((n) =>
    fc.record({
      docs: fc.tuple(...Array.from({ length: n }, (_, i) => eventDoc(i))),
      supersede: fc.array(
        fc.record({
          target: fc.integer({ min: 0, max: n - 1 }),
          retract: fc.boolean(),
          count: fc.integer({ min: 0, max: 30 }),
          hours: fc.integer({ min: 0, max: 48 }),
        }),
        { maxLength: 4 },
      ),
      cuts: fc.array(fc.integer({ min: 0, max: n + 4 }), { maxLength: 4 }),
      policy: fc.constantFrom(...EVIDENCE_POLICIES),
      listLimit: fc.constantFrom(1, 2, 1000),
      asOfHour: fc.integer({ min: -72, max: 24 * 10 }),
    }),
  )
  .map((r) => {
    const docs: Record<string, unknown>[] = [...r.docs];
    r.supersede.forEach((s, i) => {
      const target = r.docs[s.target]!;
      const recorded = new Date(Date.parse(target.recorded) + s.hours * HOUR).toISOString();
      const { id: _id, recorded: _recorded, ...rest } = target;
      docs.push(
        s.retract
          ? { id: `x${i}`, type: 'retraction', supersedes: target.id, occurred: target.occurred, recorded }
          : {
              id: `x${i}`,
              type: 'correction',
              supersedes: target.id,
              occurred: target.occurred,
              recorded,
              replacement:
                'released' in rest
                  ? { ...rest, released: rest.released.map((x) => ({ ...x, count: s.count })) }
                  : rest,
            },
      );
    });
    const cuts = [...new Set([0, ...r.cuts.filter((c) => c < docs.length), docs.length])].sort(
      (a, b) => a - b,
    );
    return { docs, cuts, policy: r.policy, listLimit: r.listLimit, asOf: START + r.asOfHour * HOUR };
  });

describe('LedgerState: the incremental fold gives exactly what evaluate gives (fast-check)', () => {
  it('after every batch, at a time past every event and at a random time, under every policy', () => {
    fc.assert(
      fc.property(grownLedger, ({ docs, cuts, policy, listLimit, asOf }) => {
        const events = normalize(docs);
        const state = new LedgerState(agreement, { listLimit });
        const late = START + 30 * 24 * HOUR;
        for (let i = 1; i < cuts.length; i++) {
          state.add(events.slice(cuts[i - 1], cuts[i]));
          const sofar = events.slice(0, cuts[i]);
          for (const at of [late, asOf]) {
            const options = { asOf: at, evidence: policy, listLimit };
            expect(state.status(options)).toEqual(evaluate(agreement, sofar, options));
          }
        }
        // Known-at times before the latest record are answered by evaluating from the start.
        const knownAt = { asOf: late, knownAt: START + 24 * HOUR, evidence: policy, listLimit };
        expect(state.status(knownAt)).toEqual(evaluate(agreement, events, knownAt));
      }),
      { numRuns: 300 },
    );
  });

  it('covers only times past every plain event and every record', () => {
    const events = normalize([
      {
        id: 'r1',
        type: 'release',
        party: 'a',
        released: [{ cohort: 'held-by-a', count: 2 }],
        occurred: '2024-03-02T10:00:00+01:00',
        recorded: '2024-03-03T10:00:00+01:00',
      },
    ]);
    const state = new LedgerState(agreement);
    state.add(events);
    expect(state.covers({ asOf: Date.parse('2024-03-02T10:00:00+01:00') })).toBe(true);
    expect(state.covers({ asOf: Date.parse('2024-03-02T09:59:59+01:00') })).toBe(false);
    expect(
      state.covers({
        asOf: Date.parse('2024-03-05T00:00:00+01:00'),
        knownAt: Date.parse('2024-03-03T09:00:00+01:00'),
      }),
    ).toBe(false);
  });
});
