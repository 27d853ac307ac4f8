import type { Duration } from './duration.ts';

/** Wall-clock fields of a local date and time. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the name is an IANA time zone this runtime knows. */
export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function localFromIntl(ms: number, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function offsetFromIntl(ms: number, zone: string): number {
  const s = Math.floor(ms / 1000) * 1000;
  const l = localFromIntl(s, zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - s;
}

const QUARTER = 900_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in milliseconds. Asking Intl is slow, so the offset is
 * kept per quarter hour, and only for quarters with no change of offset inside them.
 */
export function offsetAt(ms: number, zone: string): number {
  let cache = offsets.get(zone);
  if (cache === undefined) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const q = Math.floor(ms / QUARTER);
  const cached = cache.get(q);
  if (cached !== undefined) return cached;
  const first = offsetFromIntl(q * QUARTER, zone);
  const last = offsetFromIntl(q * QUARTER + QUARTER - 1000, zone);
  if (first !== last) return offsetFromIntl(ms, zone);
  if (cache.size > 100_000) cache.clear();
  cache.set(q, first);
  return first;
}

/** The wall-clock fields of an instant (epoch milliseconds) in a zone. */
export function toLocal(ms: number, zone: string): LocalDateTime {
  return utcFields(new Date(ms + offsetAt(ms, zone)));
}

/** The UTC fields of a date, as wall-clock fields. */
function utcFields(d: Date): LocalDateTime {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant at which the zone's clocks show the given wall time (the earlier one in a repeated hour). */
export function fromLocal(local: LocalDateTime, zone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = asUtc - offsetAt(asUtc, zone);
  const second = asUtc - offsetAt(first, zone);
  return Math.min(first, second);
}

/**
 * Adds a duration in a zone: years, months, weeks and days move the wall clock (so `P1D` across a
 * daylight-saving change is still "same time tomorrow"), hours, minutes and seconds are exact.
 */
export function addInZone(ms: number, d: Duration, zone: string): number {
  let t = ms;
  if (d.years || d.months || d.weeks || d.days) {
    const l = toLocal(ms, zone);
    t =
      atWallClock(
        l.year + d.years,
        l.month + d.months,
        l.day + d.weeks * 7 + d.days,
        l.hour,
        l.minute,
        l.second,
        zone,
      ) +
      (ms % 1000);
  }
  return t + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/**
 * The instant the zone's clocks show a wall time whose fields may overflow (month 13, day 32,
 * hour 24): they roll over as calendars do, then the zone is applied.
 */
export function atWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string,
): number {
  return fromLocal(utcFields(new Date(Date.UTC(year, month - 1, day, hour, minute, second))), zone);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// The last instant formatted: listed events come in time order, and often several share an instant.
let last = { ms: Number.NaN, zone: '', text: '' };

/** RFC 3339 text of an instant with the zone's offset at that instant, e.g. `2023-11-24T07:00:00+02:00`. */
export function formatInstant(ms: number, zone: string): string {
  if (ms === last.ms && zone === last.zone) return last.text;
  const off = offsetAt(ms, zone);
  const l = toLocal(ms, zone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60000;
  const text = `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  last = { ms, zone, text };
  return text;
}

/** A short readable form for reports: `Fri 24 Nov 2023 07:00`. */
export function formatReadable(ms: number, zone: string): string {
  const l = toLocal(ms, zone);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][
    new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay()
  ];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    l.month - 1
  ];
  return `${weekday} ${l.day} ${month} ${l.year} ${pad(l.hour)}:${pad(l.minute)}`;
}
