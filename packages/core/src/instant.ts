import { atWallClock, fromLocal, isValidZone, toLocal } from './zoned-time.ts';

/** How finely a time is known. */
export type Precision = 'second' | 'minute' | 'hour' | 'day' | 'month';

/** A time as written, resolved to the range of instants it can mean. */
export interface ResolvedTime {
  /** The first instant the text can mean (epoch milliseconds). */
  readonly start: number;
  /** The first instant after the range (exclusive). */
  readonly end: number;
  readonly precision: Precision;
}

const FULL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Resolves an RFC 3339 time (`2023-11-24T07:00:00+02:00`), a local time (`2023-11-24T07:00`, read in
 * `zone`), a date (`2023-11-24`, day precision) or a month (`2023-11`). Returns a message on failure.
 */
export function resolveTime(text: string, zone: string | undefined): ResolvedTime | { error: string } {
  const full = FULL.exec(text);
  if (full) {
    const [, y, mo, d, h, mi, s, frac, off] = full;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (month < 1 || month > 12) return { error: `month ${mo} does not exist` };
    if (day < 1 || day > daysInMonth(year, month))
      return { error: `${y}-${mo}-${d} is not a date: that month has ${daysInMonth(year, month)} days` };
    if (hour > 23 || minute > 59 || second > 59) return { error: `${h}:${mi} is not a time of day` };
    const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
    let start: number;
    if (off) {
      const offset =
        off.toUpperCase() === 'Z'
          ? 0
          : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
      start = Date.UTC(year, month - 1, day, hour, minute, second) + ms - offset * 60000;
    } else {
      if (!zone) return { error: 'a time without an offset needs a time zone' };
      if (!isValidZone(zone)) return { error: `${zone} is not an IANA time zone` };
      start = fromLocal({ year, month, day, hour, minute, second }, zone) + ms;
    }
    const precision: Precision = s === undefined ? 'minute' : 'second';
    return { start, end: start + (precision === 'minute' ? 60000 : 1000), precision };
  }
  const date = DATE.exec(text);
  if (date) {
    if (!zone) return { error: 'a date needs a time zone to say when its day begins' };
    if (!isValidZone(zone)) return { error: `${zone} is not an IANA time zone` };
    const year = Number(date[1]);
    const month = Number(date[2]);
    if (month < 1 || month > 12) return { error: `month ${date[2]} does not exist` };
    if (date[3] === undefined) {
      const start = fromLocal({ year, month, day: 1, hour: 0, minute: 0, second: 0 }, zone);
      const end = fromLocal(
        {
          year: month === 12 ? year + 1 : year,
          month: (month % 12) + 1,
          day: 1,
          hour: 0,
          minute: 0,
          second: 0,
        },
        zone,
      );
      return { start, end, precision: 'month' };
    }
    const day = Number(date[3]);
    if (day < 1 || day > daysInMonth(year, month))
      return { error: `${text} is not a date: that month has ${daysInMonth(year, month)} days` };
    const start = fromLocal({ year, month, day, hour: 0, minute: 0, second: 0 }, zone);
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    const end = fromLocal(
      {
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      zone,
    );
    return { start, end, precision: 'day' };
  }
  return {
    error: `\`${text}\` is not an RFC 3339 time; write e.g. 2023-11-24T07:00:00+02:00, 2023-11-24T07:00 (local) or 2023-11-24`,
  };
}

/**
 * Widens a resolved time to a coarser precision in the zone: an hour-precision report of 16:20 means
 * 16:00–17:00, a day-precision one the whole local day.
 */
export function widen(t: ResolvedTime, precision: Precision | undefined, zone: string): ResolvedTime {
  if (!precision || precision === t.precision) return t;
  const order: Precision[] = ['second', 'minute', 'hour', 'day', 'month'];
  if (order.indexOf(precision) < order.indexOf(t.precision)) return t;
  const l = toLocal(t.start, zone);
  const at = (year: number, month: number, day: number, hour: number, minute: number, second: number) =>
    atWallClock(year, month, day, hour, minute, second, zone);
  switch (precision) {
    case 'minute':
      return {
        start: at(l.year, l.month, l.day, l.hour, l.minute, 0),
        end: at(l.year, l.month, l.day, l.hour, l.minute + 1, 0),
        precision,
      };
    case 'hour':
      return {
        start: at(l.year, l.month, l.day, l.hour, 0, 0),
        end: at(l.year, l.month, l.day, l.hour + 1, 0, 0),
        precision,
      };
    case 'day':
      return {
        start: at(l.year, l.month, l.day, 0, 0, 0),
        end: at(l.year, l.month, l.day + 1, 0, 0, 0),
        precision,
      };
    default:
      return { start: at(l.year, l.month, 1, 0, 0, 0), end: at(l.year, l.month + 1, 1, 0, 0, 0), precision };
  }
}
