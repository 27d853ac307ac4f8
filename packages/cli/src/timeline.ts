import {
  formatInstant,
  formatReadable,
  type LedgerEvent,
  type ObligationStatus,
  type PeriodStatus,
  type PhaseStatus,
  STATE_WORDS,
  type Status,
} from '@truce/core';
import { formatCount } from './readable-time.ts';
import { dayStart, daysBetween, localDate, visibleEvents } from './timeline-days.ts';
import { type TimelineEntry, timelineEntries } from './timeline-entries.ts';

/** A deadline on the timeline and how it went, as the evaluation judged it. */
export interface TimelineDeadline {
  readonly at: string;
  readonly obligation: string;
  /** `met`, `missed`, `due` (still ahead), or the state the obligation was in (`ended with the agreement`). */
  readonly outcome: string;
  readonly detail: string;
}

/** An obligation or a phase whose state changed during a day (judged at the end of the day). */
export interface TimelineChange {
  readonly kind: 'obligation' | 'phase';
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface TimelineDay {
  readonly date: string;
  /** `Fri 24 Nov 2023`. */
  readonly label: string;
  /** The day of each running phase: day 1 is the day it started. */
  readonly phaseDays: readonly { readonly phase: string; readonly day: number }[];
  readonly events: readonly TimelineEntry[];
  readonly deadlines: readonly TimelineDeadline[];
  readonly changes: readonly TimelineChange[];
}

export type TimelinePhase = Omit<PhaseStatus, 'day' | 'days' | 'released' | 'explanation'>;

/** The deal day by day, as of a moment of the world and as known at a moment of the record. */
export interface Timeline {
  readonly agreement: Status['agreement'];
  readonly asOf: string;
  readonly knownAt: string | null;
  readonly evidence: Status['evidence'];
  readonly phases: readonly TimelinePhase[];
  readonly days: readonly TimelineDay[];
  /** Deadlines after the as-of time (for a rate, only each obligation's next period). */
  readonly upcoming: readonly TimelineDeadline[];
  /** False when the timeline was too long to evaluate every day: states were followed on days where something happened or fell due. */
  readonly everyDayFollowed: boolean;
}

/** The status at the end of a followed day (for the as-of day: at the as-of time). */
export interface DailyStatus {
  readonly date: string;
  readonly status: Status;
}

export interface TimelineInput {
  /** At the as-of time, as known at the known-at time. */
  readonly status: Status;
  readonly events: readonly LedgerEvent[];
  readonly dates: readonly string[];
  /** At the start of the first date. */
  readonly before: Status;
  readonly daily: readonly DailyStatus[];
}

const PERIOD_OUTCOME: Record<PeriodStatus['state'], string> = {
  met: 'met',
  short: 'missed',
  unknown: 'no report',
  pending: 'due',
  'covered-by-span': 'in a report over several periods',
};

function periodDeadline(o: ObligationStatus, p: PeriodStatus, asOf: number): TimelineDeadline {
  const figures = `${p.delivered === null ? '—' : formatCount(p.delivered)} of ${formatCount(p.due)}`;
  // A period still open is due whatever it holds so far; only a closed one is met or missed.
  const open = Date.parse(p.end) > asOf;
  return {
    at: p.end,
    obligation: o.id,
    outcome: open ? 'due' : PERIOD_OUTCOME[p.state],
    detail: `period ${p.index}: ${figures}${open ? ' so far' : ''}${p.note ? ` (${p.note})` : ''}`,
  };
}

/** How a deadline went, from the first status at or after it: met, missed, or the state it was in. */
function outcomeAfter(
  id: string,
  at: number,
  statuses: readonly Status[],
): { outcome: string; detail: string } {
  const after = statuses.find((s) => Date.parse(s.asOf) >= at)?.obligations.find((o) => o.id === id);
  if (!after) return { outcome: 'due', detail: '' };
  const stillThere = after.nextDeadline !== null && Date.parse(after.nextDeadline) === at;
  if (['overdue', 'violated', 'partly-fulfilled'].includes(after.state))
    return { outcome: 'missed', detail: after.reason };
  if (after.state === 'fulfilled' || (after.state === 'in-effect' && !stillThere))
    return { outcome: 'met', detail: after.reason };
  return { outcome: STATE_WORDS[after.state], detail: after.reason };
}

/** Every deadline seen: each period's end, and each next deadline an obligation had on any day. */
function deadlines(input: TimelineInput): TimelineDeadline[] {
  const statuses = [input.before, ...input.daily.map((d) => d.status), input.status];
  const found: TimelineDeadline[] = [];
  for (const o of input.status.obligations) {
    if (o.periods) {
      found.push(...o.periods.map((p) => periodDeadline(o, p, Date.parse(input.status.asOf))));
      continue;
    }
    const seen = new Set<number>();
    for (const s of statuses) {
      const next = s.obligations.find((x) => x.id === o.id)?.nextDeadline;
      if (next) seen.add(Date.parse(next));
    }
    for (const at of [...seen].sort((a, b) => a - b))
      found.push({
        at: formatInstant(at, input.status.agreement.timeZone),
        obligation: o.id,
        ...outcomeAfter(o.id, at, statuses),
      });
  }
  return found.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function changes(from: Status, to: Status): TimelineChange[] {
  const out: TimelineChange[] = [];
  for (const p of to.phases) {
    const was = from.phases.find((x) => x.id === p.id)?.state;
    if (was !== undefined && was !== p.state)
      out.push({ kind: 'phase', id: p.id, from: was, to: p.state, reason: p.endReason ?? '' });
  }
  for (const o of to.obligations) {
    const was = from.obligations.find((x) => x.id === o.id)?.state;
    if (was !== undefined && was !== o.state)
      out.push({
        kind: 'obligation',
        id: o.id,
        from: STATE_WORDS[was],
        to: STATE_WORDS[o.state],
        reason: o.reason,
      });
  }
  return out;
}

function phaseDays(status: Status, date: string): TimelineDay['phaseDays'] {
  const zone = status.agreement.timeZone;
  return status.phases.flatMap((p) => {
    if (p.actualStart === null) return [];
    const first = localDate(Date.parse(p.actualStart), zone);
    const running = p.actualEnd === null || dayStart(date, zone) < Date.parse(p.actualEnd);
    return first <= date && running ? [{ phase: p.id, day: daysBetween(first, date) + 1 }] : [];
  });
}

/**
 * The timeline of a deal: its phases planned against actual, then day by day (in the agreement's
 * zone) the events with their ids, the deadlines that fell that day and how they went, and the
 * obligations and phases whose state changed — every judgement read from evaluated statuses.
 */
export function buildTimeline(input: TimelineInput): Timeline {
  const { status } = input;
  const zone = status.agreement.timeZone;
  const asOf = Date.parse(status.asOf);
  const entries = timelineEntries(status, visibleEvents(status, input.events));
  const all = deadlines(input);
  const changesOn = new Map<string, TimelineChange[]>();
  let previous = input.before;
  for (const d of input.daily) {
    changesOn.set(d.date, changes(previous, d.status));
    previous = d.status;
  }
  const entriesOn = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const date = e.occurred.slice(0, 10);
    const list = entriesOn.get(date);
    if (list) list.push(e);
    else entriesOn.set(date, [e]);
  }
  const days = input.dates.flatMap((date): TimelineDay[] => {
    const day: TimelineDay = {
      date,
      label: formatReadable(dayStart(date, zone), zone).split(' ').slice(0, 4).join(' '),
      phaseDays: phaseDays(status, date),
      events: entriesOn.get(date) ?? [],
      deadlines: all.filter((d) => Date.parse(d.at) <= asOf && localDate(Date.parse(d.at), zone) === date),
      changes: changesOn.get(date) ?? [],
    };
    const empty = !day.events.length && !day.deadlines.length && !day.changes.length;
    return empty && !day.phaseDays.length ? [] : [day];
  });
  const nextPeriod = new Set<string>();
  const upcoming = all.filter((d) => {
    if (Date.parse(d.at) <= asOf) return false;
    if (nextPeriod.has(d.obligation)) return false;
    nextPeriod.add(d.obligation);
    return true;
  });
  const phases = status.phases.map(({ day: _d, days: _n, released: _r, explanation: _e, ...rest }) => rest);
  return {
    agreement: status.agreement,
    asOf: status.asOf,
    knownAt: status.knownAt,
    evidence: status.evidence,
    phases,
    days,
    upcoming,
    everyDayFollowed: input.daily.length === input.dates.length,
  };
}
