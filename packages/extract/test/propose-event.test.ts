import { readFileSync } from 'node:fs';
import { parseAgreement } from '@truce/core';
import { type Candidate, extract, proposeEvent } from '@truce/extract';
import { describe, expect, it } from 'vitest';

const parsed = parseAgreement(
  readFileSync(new URL('../../../examples/gaza-2023-pause/agreement.yaml', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the example agreement does not parse');
const agreement = parsed.value;

function only(text: string, published: string): Candidate {
  const { candidates } = extract(text, { published });
  expect(candidates).toHaveLength(1);
  return candidates[0]!;
}

describe('a candidate proposed as a ledger event of the 2023 example', () => {
  it('a release: the party and the cohort from the words, the count and the day', () => {
    const c = only('Hamas released 17 women and children on Sunday.', '2023-11-27');
    expect(proposeEvent(c, agreement, '2023-11-27')).toMatchObject({
      ok: true,
      fields: {
        type: 'release',
        party: 'hamas',
        cohort: 'hostages-women-children',
        count: 17,
        occurred: '2023-11-26',
      },
      missing: [],
    });
  });

  it('a release of foreign nationals picks the cohort that shares the most words', () => {
    const c = only('Hamas freed 10 foreign nationals on Friday.', '2023-11-25');
    const p = proposeEvent(c, agreement, '2023-11-25');
    expect(p.ok && p.fields.cohort).toBe('hostages-foreign-nationals');
  });

  it('a pause that took effect is the first phase started; with no date, the date is missing', () => {
    const dated = proposeEvent(
      only('The truce took effect on November 24.', '2023-11-25'),
      agreement,
      '2023-11-25',
    );
    expect(dated).toMatchObject({
      ok: true,
      fields: { type: 'phase-started', phase: 'pause', occurred: '2023-11-24' },
    });
    const undated = proposeEvent(only('The truce took effect.', '2023-11-25'), agreement, '2023-11-25');
    expect(undated).toMatchObject({ ok: true, missing: ['occurred'] });
  });

  it('an extension by a duration gives `by`', () => {
    const c = only('The truce was extended by two days on Monday.', '2023-11-28');
    expect(proposeEvent(c, agreement, '2023-11-28')).toMatchObject({
      ok: true,
      fields: { type: 'phase-extended', phase: 'pause', occurred: '2023-11-27' },
    });
  });

  it('what did not happen, and supplies cut, are not events, but can be noted as statements', () => {
    const planned = proposeEvent(
      only('Hamas will release 10 hostages on Monday.', '2023-11-26'),
      agreement,
      '2023-11-26',
    );
    expect(planned).toMatchObject({
      ok: false,
      reason: 'it is planned (“will”), not something that happened',
      note: { type: 'statement', occurred: '2023-11-26' },
    });
    // Nobody is said to have said it: the statement names no party (the subject is not the speaker).
    expect(planned.note.party).toBeUndefined();
    // Said by someone the report names: that party is the statement's.
    const said = proposeEvent(
      only('Hamas will release 10 hostages on Monday, a Qatari official said.', '2023-11-26'),
      agreement,
      '2023-11-26',
    );
    expect(said.note).toMatchObject({ type: 'statement', party: 'qatar' });
    // A pause "between Israel and Hamas" is a statement by neither.
    const between = proposeEvent(
      only('Officials said a pause would be reached between Israel and Hamas.', '2023-11-21'),
      agreement,
      '2023-11-21',
    );
    expect(between.note.party).toBeUndefined();
    const cut = proposeEvent(
      only('Israel decided to curtail the flow of fuel into the territory.', '2023-10-10'),
      agreement,
      '2023-10-10',
    );
    expect(cut).toMatchObject({ ok: false, reason: 'it reports supplies cut, not a delivery' });
  });
});
