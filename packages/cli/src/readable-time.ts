import { formatReadable, parseDuration } from '@truce/core';

/** An RFC 3339 time from a status, as `Fri 24 Nov 2023 07:00` in the zone; `—` when there is none. */
export function readableTime(iso: string | null, zone: string): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatReadable(ms, zone);
}

/** A shorter form for tables, `24 Nov 07:00`, with the year only when it is not `year`. */
export function shortTime(iso: string | null, zone: string, year: number): string {
  const long = readableTime(iso, zone);
  const parts = long.split(' ');
  if (parts.length !== 5) return long;
  const [, day, month, y, clock] = parts;
  return Number(y) === year ? `${day} ${month} ${clock}` : `${day} ${month} ${y} ${clock}`;
}

/** The year an RFC 3339 time falls in, in the zone. */
export function yearOf(iso: string, zone: string): number {
  return Number(readableTime(iso, zone).split(' ')[3]);
}

/** `n word` with the word in the plural when n is not 1: `plural(2, 'day')` is `2 days`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** An ISO 8601 duration in words: `P1DT6H` is `1 day 6 hours`; text that is not a duration is kept. */
export function describeDuration(iso: string): string {
  const d = parseDuration(iso);
  if (!d) return iso;
  const parts: [number, string][] = [
    [d.years, 'year'],
    [d.months, 'month'],
    [d.weeks, 'week'],
    [d.days, 'day'],
    [d.hours, 'hour'],
    [d.minutes, 'minute'],
    [d.seconds, 'second'],
  ];
  const words = parts.filter(([n]) => n !== 0).map(([n, unit]) => plural(n, unit));
  return words.length ? words.join(' ') : 'no time';
}

/** A count for a report: `—` when unknown, thousands grouped, at most two decimals. */
export function formatCount(n: number | null): string {
  if (n === null) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
