import { formatInstant, type LedgerEvent, resolveTime, type Status } from '@truce/core';

/** The local date (`2023-11-24`) an instant falls on in the zone. */
export const localDate = (ms: number, zone: string): string => formatInstant(ms, zone).slice(0, 10);

/** The date after `date` (`2023-11-30` → `2023-12-01`). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Whole days from one date to another (`2023-11-24` → `2023-11-26` is 2). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first instant of a local date in the zone (epoch milliseconds). */
export function dayStart(date: string, zone: string): number {
  const resolved = resolveTime(date, zone);
  if ('error' in resolved) throw new RangeError(`${date}: ${resolved.error}`);
  return resolved.start;
}

/** The events a status could see: happened (began) by its as-of time and recorded by its known-at time. */
export function visibleEvents(status: Status, events: readonly LedgerEvent[]): LedgerEvent[] {
  const asOf = Date.parse(status.asOf);
  const knownAt = status.knownAt === null ? Number.POSITIVE_INFINITY : Date.parse(status.knownAt);
  return events.filter((e) => e.occurredStart <= asOf && e.recorded <= knownAt);
}

/** Above this many days, obligations are followed only on the days where something happens or falls due. */
export const MAX_FOLLOWED_DAYS = 400;

/**
 * The dates a timeline covers: from the earliest of its first event and its phases' starts to the
 * as-of date, and the dates on which to evaluate: every one, or past MAX_FOLLOWED_DAYS only the days
 * with events, phase starts or ends, or deadlines.
 */
export function timelineDates(
  status: Status,
  events: readonly LedgerEvent[],
): { readonly dates: readonly string[]; readonly followed: readonly string[] } {
  const zone = status.agreement.timeZone;
  const asOf = Date.parse(status.asOf);
  let first = Number.POSITIVE_INFINITY;
  for (const e of events) if (e.occurredStart < first) first = e.occurredStart;
  for (const p of status.phases)
    for (const t of [p.actualStart, p.plannedStart]) if (t !== null) first = Math.min(first, Date.parse(t));
  if (first > asOf) return { dates: [], followed: [] };
  const last = localDate(asOf, zone);
  const dates: string[] = [];
  for (let d = localDate(first, zone); d <= last; d = nextDate(d)) dates.push(d);
  if (dates.length <= MAX_FOLLOWED_DAYS) return { dates, followed: dates };
  const marked = new Set(events.map((e) => localDate(e.occurredStart, zone)));
  // Phase starts and ends and the deadlines the status knows are where states change without an event.
  const times = [
    ...status.phases.flatMap((p) => [
      p.plannedStart,
      p.plannedEnd,
      p.actualStart,
      p.actualEnd,
      p.scheduledEnd,
    ]),
    ...status.obligations.flatMap((o) => [o.nextDeadline, ...(o.periods ?? []).map((p) => p.end)]),
  ];
  for (const t of times) if (t !== null) marked.add(localDate(Date.parse(t), zone));
  return { dates, followed: dates.filter((d) => marked.has(d) || d === last) };
}
