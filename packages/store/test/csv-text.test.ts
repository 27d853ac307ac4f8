import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvField, parseCsv } from '../src/csv-text.ts';

describe('RFC 4180 CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(formatCsvField('plain')).toBe('plain');
    expect(formatCsvField('')).toBe('');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(formatCsvField(' padded ')).toBe('" padded "');
    expect(
      formatCsv([
        ['a', 'b'],
        ['1', ''],
      ]),
    ).toBe('a,b\r\n1,\r\n');
  });

  it('reads quotes, commas and line breaks inside fields, with the line each record starts on', () => {
    const text = 'id,note\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"first\r\nsecond\nthird"\r\n4,\r\n,\n"",x';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['id', 'note'] },
        { line: 2, fields: ['1', 'a, b'] },
        { line: 3, fields: ['2', 'say "hi"'] },
        { line: 4, fields: ['3', 'first\r\nsecond\nthird'] },
        { line: 7, fields: ['4', ''] },
        { line: 8, fields: ['', ''] },
        { line: 9, fields: ['', 'x'] },
      ],
      errors: [],
    });
  });

  it('round-trips any fields through format and parse', () => {
    const rows = [
      ['id', 'note', 'empty', 'unicode'],
      ['a"b', ',', '', 'שלום — “quoted”'],
      ['"', '""', '\n', ' x'],
      ['line\r\nbreak', 'end,', 'trailing ', '\t'],
    ];
    expect(parseCsv(formatCsv(rows)).records.map((r) => r.fields)).toEqual(rows);
  });

  it('accepts LF line ends, a missing final line end, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('reports a stray quote or an unclosed quoted field with its line, and reads on', () => {
    const { records, errors } = parseCsv('a,b\r\n1,x"y\r\n2,"ok"junk\r\n3,4\r\n5,"never closed\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 4]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(errors[0]?.message).toMatch(/unquoted/);
    expect(errors[2]?.message).toMatch(/never closed/);
  });
});
