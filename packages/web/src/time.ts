// Times as the status writes them: RFC 3339 text with the offset of the agreement's zone. They are shown
// as written (the wall-clock time of the agreement's zone), never converted to the reader's zone.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** "Sun 26 Nov 2023" for a date (YYYY-MM-DD) or the date part of a time. */
export function formatDay(text: string): string {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Sun 26 Nov 2023 23:59" for an RFC 3339 time, in the zone it is written in; "—" for null. */
export function formatTime(text: string | null | undefined): string {
  if (!text) return '—';
  const match = RFC3339.exec(text);
  if (!match) return text;
  return `${formatDay(text)} ${match[4]}:${match[5]}`;
}

/** "1 day 7 hours", "3 hours 20 minutes", "12 minutes": a span of time in words, to the minute. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

/** The offset of `timeZone` on `day` (YYYY-MM-DD) at midday, as "+02:00". */
export function offsetOn(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

/** The last minute of `day` in `timeZone`: "2023-11-26T23:59:00+02:00", the moment a day-by-day replay shows. */
export function endOfDay(day: string, timeZone: string): string {
  return `${day}T23:59:00${offsetOn(day, timeZone)}`;
}

/** The calendar day (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Every day from `first` to `last` (YYYY-MM-DD), both included. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  for (let t = Date.UTC(y, m - 1, d); ; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > last || out.length > 3660) break;
    out.push(day);
  }
  return out;
}
