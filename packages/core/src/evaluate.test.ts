import { describe, expect, it } from 'vitest';
import { at, given, obligation, phase, SMALL } from '../test/given.ts';

const ledger = (events: string) => `agreement: small\nevents:\n${events}`;

describe('evaluate: a small pause', () => {
  it('before the start nothing is due and nothing is in effect', () => {
    const s = at(given(SMALL), '2024-02-29T12:00:00+01:00');
    expect(phase(s, 'pause').state).toBe('not-started');
    for (const o of s.obligations) expect(o.state).toBe('not-in-effect');
    expect(s.nextChange).toEqual({ at: '2024-03-01T08:00:00+01:00', what: 'The pause is due to start' });
  });

  it('counts releases toward the count and owes three for each', () => {
    const g = given(
      SMALL,
      ledger(`
  - { id: r1, type: release, party: a, occurred: 2024-03-01T15:00, recorded: 2024-03-01T20:00, released: [{ cohort: held-by-a, count: 6 }] }
  - { id: p1, type: release, party: b, occurred: 2024-03-01T22:00, recorded: 2024-03-01T23:00, released: [{ cohort: held-by-b, count: 18 }] }
  - { id: r2, type: release, party: a, occurred: 2024-03-02T15:00, recorded: 2024-03-02T20:00, released: [{ cohort: held-by-a, count: 4 }] }
`),
    );
    const s = at(g, '2024-03-02T16:00:00+01:00');
    const rel = obligation(s, 'a-release-10');
    expect(rel).toMatchObject({ state: 'fulfilled', due: 10, delivered: 10, remaining: 0 });
    const rec = obligation(s, 'b-release-3-to-1');
    expect(rec).toMatchObject({ state: 'in-effect', due: 30, delivered: 18 });
    expect(rec.nextDeadline).toBe('2024-03-03T03:00:00+01:00');
    const late = at(g, '2024-03-03T04:00:00+01:00');
    expect(obligation(late, 'b-release-3-to-1').state).toBe('overdue');
  });
});

describe('evaluate: corrections, retractions and the edges of a phase', () => {
  const events = (lines: string) => ledger(lines);
  const release = (id: string, time: string, count: number) =>
    `  - { id: ${id}, type: release, party: a, occurred: ${time}, recorded: ${time}, status: confirmed, released: [{ cohort: held-by-a, count: ${count} }] }\n`;

  it('a correction of a correction keeps the original superseded; retracting a correction brings it back', () => {
    const base = release('r1', '2024-03-01T10:00', 4);
    const c1 = `  - { id: c1, type: correction, supersedes: r1, occurred: 2024-03-01T10:00, recorded: 2024-03-01T12:00, replacement: { type: release, party: a, occurred: 2024-03-01T10:00, released: [{ cohort: held-by-a, count: 6 }] } }\n`;
    const c2 = `  - { id: c2, type: correction, supersedes: c1, occurred: 2024-03-01T10:00, recorded: 2024-03-01T13:00, replacement: { type: release, party: a, occurred: 2024-03-01T10:00, released: [{ cohort: held-by-a, count: 7 }] } }\n`;
    const x1 = `  - { id: x1, type: retraction, supersedes: c1, occurred: 2024-03-01T10:00, recorded: 2024-03-01T13:00 }\n`;
    const asOf = '2024-03-01T20:00:00+01:00';
    expect(obligation(at(given(SMALL, events(base + c1)), asOf), 'a-release-10').delivered).toBe(6);
    expect(obligation(at(given(SMALL, events(base + c1 + c2)), asOf), 'a-release-10').delivered).toBe(7);
    expect(obligation(at(given(SMALL, events(base + c1 + x1)), asOf), 'a-release-10').delivered).toBe(4);
  });

  it('releases after the phase ended are left out, with the reason', () => {
    const g = given(
      SMALL,
      events(release('r1', '2024-03-01T10:00', 4) + release('late', '2024-03-09T10:00', 9)),
    );
    const o = obligation(at(g, '2024-03-10T12:00:00+01:00'), 'a-release-10');
    expect(o).toMatchObject({ delivered: 4, state: 'partly-fulfilled' });
    expect(o.excluded).toContainEqual({ id: 'late', reason: 'after The pause ended' });
  });

  it('a delivery reported over an interval counts only once the interval is over', () => {
    const span = `  - { id: s, type: aid-delivery, party: b, item: trucks, quantity: 500, occurred: { from: 2024-03-01, to: 2024-03-04 }, recorded: 2024-03-04T20:00 }\n`;
    const g = given(SMALL, events(span));
    expect(obligation(at(g, '2024-03-02T12:00:00+01:00'), 'b-trucks').delivered).toBe(0);
    expect(obligation(at(g, '2024-03-05T12:00:00+01:00'), 'b-trucks').delivered).toBe(500);
  });

  it('an hour-precision time means the whole hour it falls in', () => {
    const doc = `  - { id: r, type: release, party: a, occurred: { at: 2024-03-01T16:20, precision: hour }, recorded: 2024-03-01T18:00, released: [{ cohort: held-by-a, count: 1 }] }\n`;
    const r = given(SMALL, events(doc)).events[0]!;
    expect(new Date(r.occurredStart).toISOString()).toBe('2024-03-01T15:00:00.000Z');
    expect(new Date(r.occurredEnd).toISOString()).toBe('2024-03-01T16:00:00.000Z');
  });

  it('rejects a quantity whose low is above its best, and an interval that ends before it starts', () => {
    expect(() =>
      given(
        SMALL,
        events(
          `  - { id: q, type: aid-delivery, item: trucks, quantity: { best: 5, low: 20 }, occurred: 2024-03-02, recorded: 2024-03-02 }\n`,
        ),
      ),
    ).toThrow('low ≤ best ≤ high');
    expect(() =>
      given(
        SMALL,
        events(
          `  - { id: q, type: aid-delivery, item: trucks, quantity: 5, occurred: { from: 2024-03-02, to: 2024-03-01 }, recorded: 2024-03-02 }\n`,
        ),
      ),
    ).toThrow('`to` is before `from`');
  });
});

describe('times without an offset', () => {
  it('are read in each agreement’s own zone, however many times the same text was read before', () => {
    const event = '  - { id: t, type: talks-held, occurred: 2024-03-01T10:00, recorded: 2024-03-01T12:00 }\n';
    const inParis = given(SMALL, ledger(event)).events[0]!;
    const inTokyo = given(SMALL.replace('timeZone: Europe/Paris', 'timeZone: Asia/Tokyo'), ledger(event))
      .events[0]!;
    const again = given(SMALL, ledger(event)).events[0]!;
    // 10:00 in Paris (UTC+1 in March) is 09:00 UTC; in Tokyo (UTC+9) it is 01:00 UTC.
    expect(inParis.occurredStart).toBe(Date.parse('2024-03-01T09:00:00Z'));
    expect(inTokyo.occurredStart).toBe(Date.parse('2024-03-01T01:00:00Z'));
    expect(again.occurredStart).toBe(inParis.occurredStart);
  });
});
