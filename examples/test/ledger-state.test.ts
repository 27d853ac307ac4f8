import { EVIDENCE_POLICIES, evaluate, LedgerState } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { loadExample } from './load.ts';

describe('LedgerState on the 2023 example', () => {
  // The example's ledger holds corrections, conflicting reports and claims (see its README).
  const { agreement, events } = loadExample('gaza-2023-pause');

  it('event by event, the status as of 1 Dec 2023 12:00 equals a full evaluation, under every policy', () => {
    const state = new LedgerState(agreement);
    const asOf = Date.parse('2023-12-01T12:00:00+02:00');
    for (let i = 0; i < events.length; i++) {
      state.add([events[i]!]);
      for (const evidence of EVIDENCE_POLICIES)
        expect(state.status({ asOf, evidence })).toEqual(
          evaluate(agreement, events.slice(0, i + 1), { asOf, evidence }),
        );
    }
    expect(state.size).toBe(events.length);
  });
});
