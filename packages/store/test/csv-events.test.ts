import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical-json.ts';
import { CSV_COLUMNS, formatEventsCsv, parseEventsCsv } from '../src/csv-events.ts';
import { parseCsv } from '../src/csv-text.ts';

const base = {
  occurred: '2023-11-24',
  recorded: '2023-11-24T20:00',
  status: 'reported',
  outsideFramework: false,
};

describe('events as CSV', () => {
  it('brings back exactly what no column can hold, through `extra`', () => {
    const events = [
      { ...base, id: 'q1', type: 'aid-delivery', item: 'trucks', quantity: { best: 5 } },
      { ...base, id: 'q2', type: 'aid-delivery', item: 'trucks', quantity: { best: 5, low: 3 } },
      { ...base, id: 'q3', type: 'list-handed-over', party: 'hamas', count: { best: 5 } },
      { ...base, id: 'n1', type: 'talks-held', note: '', parties: ['a', 'b'] },
      {
        ...base,
        id: 'r1',
        type: 'release',
        party: 'p',
        released: [
          { cohort: 'c', count: { best: 2, high: 3 } },
          { cohort: 'd', count: 1 },
        ],
      },
      { ...base, id: 's1', type: 'talks-held', sources: [{ outlet: 'A' }, { outlet: 'B', credibility: 2 }] },
      { ...base, id: 's2', type: 'talks-held', sources: ['KEY'] },
      {
        ...base,
        id: 'o1',
        type: 'talks-held',
        occurred: { from: '2023-11-25T16:00', to: '2023-11-25T23:59' },
      },
      { ...base, id: 'odd', type: 'talks-held', party: 7, outsideFramework: 'yes' },
    ];
    const csv = formatEventsCsv(events);
    const parsed = parseEventsCsv(csv);
    expect(parsed.bad).toEqual([]);
    expect(parsed.records.map((r) => canonicalJson(r.doc))).toEqual(events.map(canonicalJson));
    expect(parsed.records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('writes the documented header and uses the plain columns when they fit', () => {
    const csv = formatEventsCsv([
      {
        ...base,
        id: 'r1',
        type: 'release',
        party: 'hamas',
        released: [{ cohort: 'hostages', count: { best: 12, low: 10 } }],
        sources: [{ outlet: 'Outlet, with comma', url: 'https://x', credibility: 2, reliability: 'B' }],
        note: 'a "note"',
      },
      {
        ...base,
        id: 'r2',
        type: 'release',
        party: 'israel',
        released: [
          { cohort: 'a', count: 2 },
          { cohort: 'b', count: 3 },
        ],
      },
    ]);
    const [header, first, second] = parseCsv(csv).records.map((r) =>
      Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r.fields[i]])),
    );
    expect(Object.keys(header ?? {})).toEqual([...CSV_COLUMNS]);
    expect(first).toMatchObject({
      cohort: 'hostages',
      count: '12',
      count_low: '10',
      count_high: '',
      source_outlet: 'Outlet, with comma',
      source_reliability: 'B',
      source_credibility: '2',
      note: 'a "note"',
      outside_framework: 'false',
      extra: '',
    });
    expect(second).toMatchObject({ cohort: 'a=2;b=3', count: '', extra: '' });
  });

  it('reads a file with only some columns, in any order, and reports bad values by line and column', () => {
    const parsed = parseEventsCsv(
      [
        'type,id,occurred,recorded,outside_framework,quantity,item',
        'aid-delivery,a1,2023-11-24,2023-11-24,true,200,trucks',
        'aid-delivery,a2,2023-11-24,2023-11-24,maybe,lots,trucks',
        'aid-delivery,a3,2023-11-24',
      ].join('\n'),
    );
    expect(parsed.records).toEqual([
      {
        line: 2,
        doc: {
          id: 'a1',
          type: 'aid-delivery',
          occurred: '2023-11-24',
          recorded: '2023-11-24',
          outsideFramework: true,
          quantity: 200,
          item: 'trucks',
        },
      },
    ]);
    expect(parsed.bad.map((b) => [b.line, b.path])).toEqual([
      [3, ['outside_framework']],
      [3, ['quantity']],
      [4, []],
    ]);
  });
});
