/** An ISO 8601 duration, split into calendar parts (years, months, weeks, days) and clock parts. */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration such as `P4D`, `PT12H` or `P1DT6H`; returns undefined when it is not one.
 * @example parseDuration('P4D') // { days: 4, … }
 */
export function parseDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** The duration written back in ISO 8601 form. */
export function formatDuration(d: Duration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.weeks ? `${d.weeks}W` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}${d.seconds ? `${d.seconds}S` : ''}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** Multiplies every part of a duration by a whole number. */
export function scaleDuration(d: Duration, factor: number): Duration {
  return {
    years: d.years * factor,
    months: d.months * factor,
    weeks: d.weeks * factor,
    days: d.days * factor,
    hours: d.hours * factor,
    minutes: d.minutes * factor,
    seconds: d.seconds * factor,
  };
}

/** Adds two durations part by part. */
export function addDurations(a: Duration, b: Duration): Duration {
  return {
    years: a.years + b.years,
    months: a.months + b.months,
    weeks: a.weeks + b.weeks,
    days: a.days + b.days,
    hours: a.hours + b.hours,
    minutes: a.minutes + b.minutes,
    seconds: a.seconds + b.seconds,
  };
}

/** Nominal length in days (a month as 30 days, a year as 365), for comparing against caps and for reports. */
export function nominalDays(d: Duration): number {
  return (
    d.years * 365 + d.months * 30 + d.weeks * 7 + d.days + d.hours / 24 + d.minutes / 1440 + d.seconds / 86400
  );
}

export const ZERO_DURATION: Duration = parseDuration('PT0S')!;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-two': 42,
  sixty: 60,
  ninety: 90,
};

const UNITS: Record<string, string> = {
  year: 'Y',
  years: 'Y',
  month: 'M',
  months: 'M',
  week: 'W',
  weeks: 'W',
  day: 'D',
  days: 'D',
  hour: 'H',
  hours: 'H',
  minute: 'm',
  minutes: 'm',
  second: 'S',
  seconds: 'S',
  y: 'Y',
  w: 'W',
  d: 'D',
  h: 'H',
};

/**
 * Guesses the ISO 8601 duration a person meant by words such as `four days`, `30-day` or `4d`,
 * so that an error message can say "did you mean `P4D`?".
 */
export function suggestDuration(text: string): string | undefined {
  const m = /^\s*([a-z-]+|\d+)[\s-]*([a-z]+)\s*$/i.exec(text.trim().toLowerCase());
  if (!m) {
    const upper = text.trim().toUpperCase().replace(/\s+/g, '');
    return parseDuration(upper) ? upper : undefined;
  }
  const amount = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
  const unit = UNITS[m[2]!];
  if (amount === undefined || unit === undefined) return undefined;
  if (unit === 'H' || unit === 'S') return `PT${amount}${unit}`;
  if (unit === 'm') return `PT${amount}M`;
  return `P${amount}${unit}`;
}
