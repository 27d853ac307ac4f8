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
