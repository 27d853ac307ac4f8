import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, eventDoc, HOUR, normalize, START } from '../test/random-ledger.ts';
import { evaluate } from './evaluate.ts';
import { LedgerState } from './ledger-state.ts';
import { EVIDENCE_POLICIES, type Status } from './status.ts';

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

  it('read after each event at one time, reusing the lists drawn by the read before, under every policy', () => {
    // Short lists fill at once, so most later events leave the kept entries as they are and a read
    // takes the lists the previous read drew; early events, corrections and set-asides change them.
    const oneByOne = fc.integer({ min: 2, max: 30 }).chain((n) =>
      fc.record({
        docs: fc.tuple(...Array.from({ length: n }, (_, i) => eventDoc(i))),
        policy: fc.constantFrom(...EVIDENCE_POLICIES),
        listLimit: fc.constantFrom(1, 2, 3, 1000),
        retract: fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 2 }),
      }),
    );
    fc.assert(
      fc.property(oneByOne, ({ docs, policy, listLimit, retract }) => {
        const late = START + 30 * 24 * HOUR;
        const written: Record<string, unknown>[] = [...docs];
        retract.forEach((target, i) => {
          const t = docs[target]!;
          written.splice(target + 1 + i, 0, {
            id: `x${i}`,
            type: 'retraction',
            supersedes: t.id,
            occurred: t.occurred,
            recorded: new Date(Date.parse(t.recorded) + HOUR).toISOString(),
          });
        });
        const events = normalize(written);
        const state = new LedgerState(agreement, { listLimit });
        const options = { asOf: late, evidence: policy, listLimit };
        for (let i = 0; i < events.length; i++) {
          state.add([events[i]!]);
          expect(state.status(options)).toEqual(evaluate(agreement, events.slice(0, i + 1), options));
        }
      }),
      { numRuns: 200 },
    );
  });

  const release = (id: string, occurred: string) => ({
    id,
    type: 'release',
    party: 'a',
    released: [{ cohort: 'held-by-a', count: 1 }],
    occurred,
    recorded: occurred,
    status: 'confirmed',
  });
  const late = { asOf: Date.parse('2024-03-31T00:00:00+01:00'), listLimit: 2 };
  const counted = (s: Status) => s.obligations.find((o) => o.id === 'a-release-10')!.counted;

  it('reuses the rows it wrote while an append leaves the kept events as they were', () => {
    const events = normalize([
      release('r1', '2024-03-01T09:00:00+01:00'),
      release('r2', '2024-03-01T10:00:00+01:00'),
      release('r3', '2024-03-01T11:00:00+01:00'),
      release('r0', '2024-03-01T08:30:00+01:00'),
    ]);
    const state = new LedgerState(agreement, { listLimit: 2 });
    state.add(events.slice(0, 2));
    const first = state.status(late);
    // r3 is later than the two kept: only the count grows, and the listed rows are the same objects.
    state.add(events.slice(2, 3));
    const second = state.status(late);
    expect(second).toEqual(evaluate(agreement, events.slice(0, 3), late));
    expect(counted(second).map((c) => c.id)).toEqual(['r1', 'r2']);
    expect(counted(second)[0]).toBe(counted(first)[0]);
    expect(counted(second)).not.toBe(counted(first));
    // r0 is earlier than both: the kept events change, and so do the rows.
    state.add(events.slice(3));
    const third = state.status(late);
    expect(third).toEqual(evaluate(agreement, events, late));
    expect(counted(third).map((c) => c.id)).toEqual(['r0', 'r1']);
  });

  it('draws again from the ledger when the kept events fall before the phase and a later one comes', () => {
    const events = normalize([
      release('r1', '2024-02-28T09:00:00+01:00'),
      release('r2', '2024-02-28T10:00:00+01:00'),
      release('r3', '2024-03-01T11:00:00+01:00'),
    ]);
    const state = new LedgerState(agreement, { listLimit: 2 });
    state.add(events.slice(0, 2));
    expect(counted(state.status(late))).toEqual([]);
    // r3 is turned away by the full list of two earlier events, yet it is counted and must be listed.
    state.add(events.slice(2));
    const status = state.status(late);
    expect(counted(status).map((c) => c.id)).toEqual(['r3']);
    expect(status).toEqual(evaluate(agreement, events, late));
  });

  describe('draws the lists again when what they were drawn under changes, with no list changed', () => {
    const phaseEvent = (id: string, type: string, occurred: string, more: object = {}) => ({
      id,
      type,
      phase: 'pause',
      occurred,
      recorded: occurred,
      status: 'confirmed',
      ...more,
    });
    const listed = (s: Status) => {
      const o = s.obligations.find((x) => x.id === 'a-release-10')!;
      return { counted: o.counted.map((c) => c.id), excluded: o.excluded.map((c) => c.id) };
    };
    /** Reads `state` after each step, each time as `evaluate` on the events so far; returns what was listed. */
    function readAlong(steps: { events: Record<string, unknown>[]; asOf: string }[]) {
      const state = new LedgerState(agreement);
      const sofar: Record<string, unknown>[] = [];
      return steps.map(({ events, asOf }) => {
        sofar.push(...events);
        const all = normalize(sofar);
        state.add(all.slice(state.size));
        const options = { asOf: Date.parse(asOf) };
        const status = state.status(options);
        expect(status).toEqual(evaluate(agreement, all, options));
        return listed(status);
      });
    }

    it('the phase’s end: an extension brings a release after the first end under the phase', () => {
      const [before, after] = readAlong([
        { events: [release('r1', '2024-03-05T10:00:00+01:00')], asOf: '2024-03-10T00:00:00+01:00' },
        {
          events: [phaseEvent('ext', 'phase-extended', '2024-03-04T12:00:00+01:00', { by: 'P1D' })],
          asOf: '2024-03-10T00:00:00+01:00',
        },
      ]);
      expect(before).toEqual({ counted: [], excluded: ['r1'] });
      expect(after).toEqual({ counted: ['r1'], excluded: [] });
    });

    it('the phase’s start: a start recorded later than planned leaves an earlier release out', () => {
      const [before, after] = readAlong([
        { events: [release('r1', '2024-03-01T09:00:00+01:00')], asOf: '2024-03-01T12:00:00+01:00' },
        {
          events: [phaseEvent('start', 'phase-started', '2024-03-01T10:00:00+01:00')],
          asOf: '2024-03-01T12:00:00+01:00',
        },
      ]);
      expect(before).toEqual({ counted: ['r1'], excluded: [] });
      expect(after).toEqual({ counted: [], excluded: ['r1'] });
    });

    it('the as-of minute: a release credited after the phase ended is left out, for one reason then another', () => {
      // Released in the phase's last hour, credited a day after it ended (the four-day pause ends 5 March 08:00).
      const late = {
        ...release('r1', '2024-03-05T07:00:00+01:00'),
        creditedAt: '2024-03-06T10:00:00+01:00',
      };
      // A plain release first, so that the key's list is kept by the fold and r1 joins a copy of it.
      const state = new LedgerState(agreement);
      const events = normalize([release('r0', '2024-03-02T10:00:00+01:00'), late]);
      state.add(events);
      const reasons = (asOf: string) => {
        const options = { asOf: Date.parse(asOf) };
        const status = state.status(options);
        expect(status).toEqual(evaluate(agreement, events, options));
        return status.obligations.find((x) => x.id === 'a-release-10')!.excluded.map((c) => [c.id, c.reason]);
      };
      expect(reasons('2024-03-06T09:00:00+01:00')).toEqual([['r1', 'credited after the as-of time']]);
      expect(reasons('2024-03-06T11:00:00+01:00')).toEqual([['r1', 'after The pause ended']]);
    });
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
