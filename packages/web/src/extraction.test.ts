import type { Candidate, Proposal } from '@truce/extract';
import { describe, expect, it } from 'vitest';
import { type Decision, decisionsToSend, type Extraction, startingFields } from './extraction.ts';

const candidate = (kind: Candidate['kind']) => ({ kind }) as Candidate;
const event: Proposal = {
  ok: true,
  fields: { type: 'release', party: 'hamas', count: 110 },
  missing: ['cohort', 'occurred'],
  note: { type: 'statement', occurred: '2023-12-02', text: 'Hamas released 110' },
};
const notAnEvent: Proposal = {
  ok: false,
  reason: 'a pause agreed has no ledger event type',
  note: { type: 'statement', occurred: '2023-12-02', text: 'A pause was reached' },
};
const extraction = {
  text: '',
  format: 'text',
  published: '2023-12-02',
  candidates: [candidate('release'), candidate('pause-agreed'), candidate('attack')],
  notes: [],
  proposals: [
    { candidate: 1, ...event },
    { candidate: 2, ...notAnEvent },
    { candidate: 3, ...notAnEvent },
  ],
} as Extraction;

describe('the review page’s decisions', () => {
  it('starts from the proposed event, with the fields the report leaves out given empty', () => {
    expect(startingFields(event)).toEqual({
      type: 'release',
      party: 'hamas',
      count: '110',
      cohort: '',
      occurred: '',
    });
    expect(startingFields(notAnEvent)).toEqual({
      type: 'statement',
      occurred: '2023-12-02',
      text: 'A pause was reached',
    });
  });

  it('sends accept, accept as a statement (note), edit with typed fields, and reject; skips the rest', () => {
    const decisions = new Map<number, Decision>([
      [3, { action: 'reject', fields: {} }],
      [
        1,
        {
          action: 'edit',
          fields: { ...startingFields(event), cohort: ' hostages-women-children ', count: '105' },
        },
      ],
      [2, { action: 'accept', fields: startingFields(notAnEvent) }],
    ]);
    expect(decisionsToSend(extraction, decisions)).toEqual([
      {
        candidate: 1,
        kind: 'release',
        action: 'edit',
        fields: { type: 'release', party: 'hamas', count: 105, cohort: 'hostages-women-children' },
      },
      { candidate: 2, kind: 'pause-agreed', action: 'note' },
      { candidate: 3, kind: 'attack', action: 'reject' },
    ]);
    expect(decisionsToSend(extraction, new Map([[1, { action: 'skip', fields: {} }]]))).toEqual([]);
  });
});
