import type { Status } from '@truce/core';

export interface IcsOptions {
  /** The DTSTAMP of every VEVENT (when the calendar was made): an RFC 3339 time or epoch milliseconds. Given, not read from the clock, so the same status always gives the same calendar. */
  readonly dtstamp: string | number;
  /** The PRODID; `-//Truce//Truce deadlines//EN` unless given. */
  readonly prodId?: string;
}

/** One upcoming deadline of a status: an obligation's next deadline, or the scheduled end of a phase not yet ended. */
export interface UpcomingDeadline {
  readonly uid: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly summary: string;
  readonly description: string;
}

/**
 * The upcoming deadlines of a status, soonest first: each obligation's `nextDeadline` and each phase's
 * `scheduledEnd` (when the phase has not ended or collapsed), at or after `asOf`.
 */
export function upcomingDeadlines(status: Status): UpcomingDeadline[] {
  const asOf = Date.parse(status.asOf);
  const agreement = status.agreement.id;
  const deadlines: UpcomingDeadline[] = [];
  for (const p of status.phases) {
    if (p.scheduledEnd === null || p.state === 'ended' || p.state === 'collapsed') continue;
    const at = Date.parse(p.scheduledEnd);
    deadlines.push({
      uid: `${agreement}/phase/${p.id}/${icsTime(at)}@truce`,
      at,
      summary: `${p.name}: scheduled end`,
      description: p.explanation.length ? p.explanation.join('\n') : `${p.name} is scheduled to end.`,
    });
  }
  for (const o of status.obligations) {
    if (o.nextDeadline === null) continue;
    const at = Date.parse(o.nextDeadline);
    deadlines.push({
      uid: `${agreement}/obligation/${o.id}/${icsTime(at)}@truce`,
      at,
      summary: `${o.id}: deadline (${o.party})`,
      description: `${o.reason}\nClause: ${o.clause.ref}`,
    });
  }
  return deadlines.filter((d) => d.at >= asOf).sort((a, b) => a.at - b.at || (a.uid < b.uid ? -1 : 1));
}

/**
 * The upcoming deadlines of a status as an iCalendar (RFC 5545) VCALENDAR: one VEVENT per deadline with
 * a stable UID (agreement, obligation or phase, and time), DTSTAMP from `options`, DTSTART in UTC, SUMMARY
 * and DESCRIPTION (the reason). CRLF line ends; lines folded at 75 octets.
 */
export function formatDeadlinesIcs(status: Status, options: IcsOptions): string {
  const stamp = typeof options.dtstamp === 'number' ? options.dtstamp : Date.parse(options.dtstamp);
  if (!Number.isFinite(stamp))
    throw new TypeError(`dtstamp is not a time: ${JSON.stringify(options.dtstamp)}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//Truce//Truce deadlines//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${status.agreement.title}: deadlines`)}`,
  ];
  for (const d of upcomingDeadlines(status))
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(d.uid)}`,
      `DTSTAMP:${icsTime(stamp)}`,
      `DTSTART:${icsTime(d.at)}`,
      `SUMMARY:${escapeText(d.summary)}`,
      `DESCRIPTION:${escapeText(d.description)}`,
      'END:VEVENT',
    );
  lines.push('END:VCALENDAR');
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}

/** A UTC date-time as iCalendar writes it: `20231128T050000Z`. */
export function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** RFC 5545 TEXT: backslash, `;` and `,` escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line so no line exceeds 75 octets of UTF-8 (CRLF and a space before each continuation), never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation line starts with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
