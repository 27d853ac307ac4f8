import { readFileSync } from 'node:fs';
import { parseAgreement } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { parseAcledCsv } from '../src/index.ts';
import { exampleAgreement } from './example.ts';

const csv = readFileSync(new URL('fixtures/acled-sample.csv', import.meta.url), 'utf8');
const parsed = parseAgreement(exampleAgreement(), 'agreement.yaml');
if (!parsed.ok) throw new Error('the example agreement does not parse');
const agreement = parsed.value;
const recorded = '2023-12-02T00:00:00Z';

describe('ACLED CSV mapping', () => {
  const { records, bad } = parseAcledCsv(csv, { agreement, recorded });

  it('maps violence to reported violations by the party actor1 names, with the place, sources and note', () => {
    const shelling = records.find((r) => r.doc.id === 'acled-tst0001');
    expect(shelling?.line).toBe(2);
    expect(shelling?.doc).toEqual({
      id: 'acled-tst0001',
      type: 'violation',
      party: 'israel',
      activity: 'Shelling/artillery/missile attack',
      area: 'Khan Yunis, Gaza Strip',
      occurred: { at: '2023-11-25', precision: 'day' },
      recorded: '2023-11-26T12:00:00Z',
      status: 'reported',
      sources: [
        { outlet: 'Example Wire', attribution: 'ACLED TST0001' },
        { outlet: 'Other Example Wire', attribution: 'ACLED TST0001' },
      ],
      note: 'Illustrative row, not ACLED data: shelling reported east of the town during the pause.',
    });
  });

  it('keeps ACLED’s time precision: a week is the seven days around the date, a month the month', () => {
    const clash = records.find((r) => r.doc.id === 'acled-tst0002')?.doc;
    expect(clash).toMatchObject({
      party: 'hamas',
      occurred: { from: '2023-11-23', to: '2023-11-29', precision: 'day' },
      recorded,
      note: 'Illustrative row: an exchange of fire reported in the north. Fatalities (ACLED): 2.',
    });
  });

  it('maps strategic developments to statements, with a mediator as the party', () => {
    expect(records.find((r) => r.doc.id === 'acled-tst0003')?.doc).toMatchObject({
      type: 'statement',
      party: 'qatar',
      text: 'Agreement: Illustrative row: an extension announced by the mediator.',
    });
  });

  it('reports by line the rows it cannot map: other event types, unknown actors, bad dates', () => {
    expect(bad.map((b) => [b.line, b.path[0]])).toEqual([
      [5, 'event_type'],
      [6, 'actor1'],
      [7, 'event_date'],
    ]);
    expect(bad[1]?.message).toContain("--actor 'Unidentified Armed Group (Palestine)=ID'");
  });

  it('takes an explicit actor mapping for names it cannot match', () => {
    const mapped = parseAcledCsv(csv, {
      agreement,
      recorded,
      actors: { 'Unidentified Armed Group (Palestine)': 'hamas' },
    });
    expect(mapped.records.find((r) => r.doc.id === 'acled-tst0005')?.doc).toMatchObject({
      party: 'hamas',
      occurred: { at: '2023-11', precision: 'month' },
    });
    expect(mapped.bad.map((b) => b.line)).toEqual([5, 7]);
  });

  it('refuses a file without ACLED’s header, naming the missing columns', () => {
    const result = parseAcledCsv('id,type\nx,y\n', { agreement, recorded });
    expect(result.records).toEqual([]);
    expect(result.bad[0]).toMatchObject({ line: 1, message: expect.stringContaining('event_id_cnty') });
  });
});
