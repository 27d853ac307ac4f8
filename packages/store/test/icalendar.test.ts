import { evaluate, parseAgreement, parseLedger } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatDeadlinesIcs, icsTime } from '../src/icalendar.ts';
import { exampleAgreement, exampleLedgerText } from './example.ts';

function exampleStatus(asOf: string) {
  const agreement = parseAgreement(exampleAgreement(), 'agreement.yaml');
  if (!agreement.ok) throw new Error('the example agreement does not parse');
  const ledger = parseLedger(exampleLedgerText(), agreement.value, 'ledger.yaml');
  if (!ledger.ok) throw new Error('the example ledger does not parse');
  return evaluate(agreement.value, ledger.value.events, { asOf: Date.parse(asOf) });
}

/** The content lines of an iCalendar text, unfolded. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

describe('iCalendar export of upcoming deadlines', () => {
  const status = exampleStatus('2023-11-26T12:00:00+02:00');
  const ics = formatDeadlinesIcs(status, { dtstamp: '2023-11-26T10:00:00Z' });

  it('has a VEVENT for the pause’s scheduled end at 05:00 UTC on 28 November', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const events = ics
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((e) => unfold(`BEGIN:VEVENT${e}`));
    const pauseEnd = events.find(
      (e) => e.includes('DTSTART:20231128T050000Z') && e.some((l) => /\/phase\//.test(l)),
    );
    expect(pauseEnd).toBeDefined();
    expect(pauseEnd).toContain('DTSTAMP:20231126T100000Z');
    expect(pauseEnd?.some((l) => l.startsWith(`UID:${status.agreement.id}/phase/`))).toBe(true);
    expect(pauseEnd?.some((l) => l.startsWith('SUMMARY:'))).toBe(true);
    expect(pauseEnd?.some((l) => l.startsWith('DESCRIPTION:'))).toBe(true);
    for (const event of events) {
      expect(event.filter((l) => /^(UID|DTSTAMP|DTSTART|SUMMARY|DESCRIPTION):/.test(l))).toHaveLength(5);
      expect(event.find((l) => l.startsWith('DTSTART:'))).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
    }
  });

  it('ends every line with CRLF and folds lines longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // the reasons are long: something was folded
    expect(physical.some((l) => Buffer.byteLength(l, 'utf8') === 75)).toBe(true);
  });

  it('is the same for the same status and stamp, and lists only what is still ahead', () => {
    expect(formatDeadlinesIcs(status, { dtstamp: Date.parse('2023-11-26T10:00:00Z') })).toBe(ics);
    const after = formatDeadlinesIcs(exampleStatus('2023-12-01T12:00:00+02:00'), { dtstamp: 0 });
    expect(after).not.toContain('DTSTART:20231128T050000Z');
  });

  it('folds by octets without splitting a character, and escapes TEXT', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(icsTime(Date.parse('2023-11-28T07:00:00+02:00'))).toBe('20231128T050000Z');
  });
});
