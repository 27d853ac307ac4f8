import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../src/load-example.ts';
import { eventFromFlags } from '../src/record-command.ts';
import { fieldsFor, TYPE_FIELD } from '../src/record-fields.ts';
import { checkEvent } from '../src/record-prompts.ts';
import { ROOT } from './run-truce.ts';

const { agreement } = loadExample(join(ROOT, 'examples/gaza-2023-pause'));
const NOW = Date.parse('2023-11-30T10:15:00+02:00');
const keys = (type: string) => fieldsFor(type, agreement, NOW).map((f) => f.key);

describe('truce record: the questions for each type', () => {
  it('asks a release for its party, cohort and count, and a talk for none of them', () => {
    expect(keys('release')).toEqual([
      ...['party', 'cohort', 'count', 'occurred', 'recorded'],
      ...['sourceOutlet', 'status', 'outsideFramework', 'note'],
    ]);
    expect(keys('talks-held')).toEqual(['occurred', 'recorded', 'sourceOutlet', 'status', 'note']);
    expect(keys('withdrawal')).toEqual([
      'party',
      'area',
      'occurred',
      'recorded',
      'sourceOutlet',
      'status',
      'note',
    ]);
  });

  it('offers the agreement’s ids and takes an answer by name or by number', () => {
    const [party, cohort] = fieldsFor('release', agreement, NOW);
    expect(cohort?.choices).toEqual(agreement.document.cohorts.map((c) => c.id));
    expect(cohort?.read('2')).toEqual({ value: 'hostages-foreign-nationals' });
    expect(party?.read('rescue')).toEqual({ value: 'rescue' });
    expect(party?.read('hamaz')).toEqual({ error: expect.stringContaining('did you mean `hamas`?') });
    expect(TYPE_FIELD.read('12')).toEqual({
      error: expect.stringContaining('is not one of release, aid-delivery'),
    });
  });

  it('defaults the times to now in the agreement’s zone, and reads them there', () => {
    const occurred = fieldsFor('talks-held', agreement, NOW)[0]!;
    expect(occurred.default).toBe('2023-11-30T10:15');
    expect(occurred.read('2023-02-30')).toEqual({ error: expect.stringContaining('is not a date') });
  });
});

describe('truce record: the whole event checked as the store checks it', () => {
  it('names the field of each issue, with the core’s reason', () => {
    const doc = eventFromFlags({
      type: 'release',
      party: 'nobody',
      cohort: 'hostages-women-children',
      count: 3,
      occurred: '2023-11-30T20:00',
      recorded: '2023-11-30T21:00',
    });
    expect(checkEvent(doc, agreement)).toEqual([
      { field: 'party', message: expect.stringContaining('`nobody` is not a party or mediator') },
    ]);
    expect(checkEvent({ ...doc, party: 'hamas' }, agreement)).toEqual([]);
  });

  it('takes a withdrawal from flags once --area names where, and says what is missing without it', () => {
    const flags = {
      type: 'withdrawal',
      party: 'israel',
      occurred: '2023-11-30',
      recorded: '2023-11-30T21:00',
    };
    expect(checkEvent(eventFromFlags({ ...flags, area: 'Salah al-Din Road' }), agreement)).toEqual([]);
    expect(checkEvent(eventFromFlags(flags), agreement)).toEqual([
      { field: 'area', message: expect.any(String) },
    ]);
  });
});
