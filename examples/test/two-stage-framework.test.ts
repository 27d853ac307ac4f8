// The two-stage framework of the talks report (../shared/articles/talks-report-2023.txt): a proposal, not yet in effect.
import { describe, expect, it } from 'vitest';
import { loadExample, statusAt } from './load.ts';

const framework = loadExample('two-stage-framework');

describe('two-stage framework (AP report, unnamed senior officials)', () => {
  it('is a proposal with stage 1 waiting for an event and stage 2 of an initial 30 days after it', () => {
    expect(framework.agreement.status).toBe('proposal');
    const s = statusAt(framework, '2023-11-20T12:00:00+02:00');
    expect(s.phases.map((p) => [p.id, p.state])).toEqual([
      ['stage-1', 'awaiting-event'],
      ['stage-2', 'not-started'],
    ]);
    expect(s.obligations.every((o) => o.state === 'not-in-effect')).toBe(true);
  });

  it('stage 2 lasts 30 days from the end of stage 1, and the negotiation deadline moves with it', () => {
    const ledger = `agreement: two-stage-framework
events:
  - { id: s1, type: phase-started, phase: stage-1, occurred: 2024-01-01T08:00, recorded: 2024-01-01T09:00, status: confirmed }
  - { id: e1, type: phase-ended, phase: stage-1, reason: completed, occurred: 2024-01-05T08:00, recorded: 2024-01-05T09:00, status: confirmed }
`;
    const parsed = loadExampleWith(ledger);
    const s = statusAt(parsed, '2024-01-10T12:00:00+02:00');
    const stage2 = s.phases.find((p) => p.id === 'stage-2')!;
    expect(stage2).toMatchObject({
      actualStart: '2024-01-05T08:00:00+02:00',
      scheduledEnd: '2024-02-04T08:00:00+02:00',
      state: 'running',
    });
    const talks = s.obligations.find((o) => o.id === 'hamas-negotiate-stage-2')!;
    expect(talks).toMatchObject({ state: 'in-effect', nextDeadline: '2024-02-04T08:00:00+02:00' });
  });
});

import { parseLedger } from '@truce/core';

function loadExampleWith(ledger: string) {
  const l = parseLedger(ledger, framework.agreement, 'inline.yaml');
  if (!l.ok) throw new Error(l.issues.map((i) => i.message).join('\n'));
  return { agreement: framework.agreement, events: [...l.value.events] };
}
