import { formatInstant } from '@truce/core';
import { describeDuration, plural, readableTime } from './readable-time.ts';
import type { TextStyle } from './text-style.ts';
import type { Timeline, TimelineChange, TimelineDay, TimelineDeadline, TimelinePhase } from './timeline.ts';

const STATES: Record<TimelinePhase['state'], string> = {
  'not-started': 'not started',
  'awaiting-event': 'awaiting its starting event',
  running: 'running',
  ended: 'ended',
  collapsed: 'collapsed',
};

function phaseLines(p: TimelinePhase, zone: string, style: TextStyle): string[] {
  const at = (iso: string | null) => readableTime(iso, zone);
  const state = `${STATES[p.state]}${p.endReason ? ` (${p.endReason})` : ''}`;
  const actualEnd = p.actualEnd ?? (p.scheduledEnd ? `${at(p.scheduledEnd)} as scheduled` : '—');
  const lines = [
    `  ${style.bold(p.id)} — ${p.name}: ${p.state === 'collapsed' ? style.red(state) : state}`,
    `    planned  ${at(p.plannedStart)} → ${at(p.plannedEnd)}`,
    `    actual   ${at(p.actualStart)} → ${p.actualEnd ? at(p.actualEnd) : actualEnd}`,
  ];
  for (const e of p.extensions)
    lines.push(
      `    extended by ${describeDuration(e.by)}, agreed ${at(e.agreedAt)} [${e.eventId}]`,
      `      ${style.dim(e.cause.replace(/\s+/g, ' '))}`,
    );
  const rule = p.eligibility;
  if (rule)
    lines.push(
      `    extension rule: ${plural(rule.counted, 'release')} counted → eligible for ${plural(rule.eligibleDays, 'day')}; agreed ${plural(rule.agreedDays, 'day')}`,
    );
  return lines;
}

const TIME_WIDTH = 13;

function paintOutcome(d: TimelineDeadline, style: TextStyle): string {
  if (d.outcome === 'met') return style.green(d.outcome);
  if (d.outcome === 'missed') return style.red(d.outcome);
  return style.yellow(d.outcome);
}

function deadlineLine(d: TimelineDeadline, style: TextStyle, when: string): string {
  const detail = d.detail ? ` — ${d.detail}` : '';
  return `  ${when.padEnd(TIME_WIDTH)} deadline: ${d.obligation} ${paintOutcome(d, style)}${detail}`;
}

const dayLong = (time: string) => time === 'that day' || time.startsWith('to ');

function changeLines(day: TimelineDay): string[] {
  const label = 'by day end'.padEnd(TIME_WIDTH);
  // Obligations coming into effect with their phase say nothing more each: one line names them all.
  const starting = day.changes.filter((c) => c.from === 'not yet in effect' && c.to === 'in effect');
  const rest = day.changes.filter((c) => !starting.includes(c));
  const state = (s: string) => (c: TimelineChange) =>
    c.kind === 'phase' ? (STATES[s as TimelinePhase['state']] ?? s) : s;
  const line = (c: TimelineChange) =>
    `  ${label} ${c.id}: ${state(c.from)(c)} → ${state(c.to)(c)}${c.reason ? ` — ${c.reason}` : ''}`;
  const grouped =
    starting.length > 1 ? [`  ${label} in effect: ${starting.map((c) => c.id).join(', ')}`] : [];
  const phases = rest.filter((c) => c.kind === 'phase');
  const single = starting.length === 1 ? starting : [];
  return [
    ...phases.map(line),
    ...grouped,
    ...[...single, ...rest.filter((c) => c.kind !== 'phase')].map(line),
  ];
}

function dayLines(day: TimelineDay, zone: string, style: TextStyle): string[] {
  const phases = day.phaseDays.map((p) => ` · ${p.phase} day ${p.day}`).join('');
  // Timed events and deadlines in time order; events known only to the day (or a span) after them.
  const timed: { at: number; line: string }[] = [];
  const long: string[] = [];
  for (const e of day.events) {
    const notes = e.notes.length ? style.dim(` (${e.notes.join('; ')})`) : '';
    const line = `  ${e.time.padEnd(TIME_WIDTH)} ${e.summary}${notes} [${e.id}]`;
    if (dayLong(e.time)) long.push(line);
    else timed.push({ at: Date.parse(e.occurred), line });
  }
  for (const d of day.deadlines)
    timed.push({
      at: Date.parse(d.at),
      line: deadlineLine(d, style, formatInstant(Date.parse(d.at), zone).slice(11, 16)),
    });
  timed.sort((a, b) => a.at - b.at);
  const body = [...timed.map((t) => t.line), ...long, ...changeLines(day)];
  return [
    style.bold(`${day.label}${phases}`),
    ...(body.length ? body : [`  ${style.dim('nothing recorded')}`]),
  ];
}

/**
 * A timeline as text: a heading with the times it was taken at, the phases planned against actual
 * with each extension and its cause, then the deal day by day and the deadlines still ahead.
 */
export function formatTimeline(t: Timeline, style: TextStyle): string {
  const zone = t.agreement.timeZone;
  const known =
    t.knownAt === null ? 'everything recorded so far' : `as known at ${readableTime(t.knownAt, zone)}`;
  const head = [
    style.bold(`${t.agreement.title} (${t.agreement.id}, version ${t.agreement.version})`),
    `Timeline as of ${readableTime(t.asOf, zone)}, ${known}; evidence: ${t.evidence}. Times in ${zone}.`,
  ];
  const phases = [style.bold('Phases'), ...t.phases.flatMap((p) => phaseLines(p, zone, style))];
  const days = t.days.length
    ? t.days.flatMap((d) => ['', ...dayLines(d, zone, style)])
    : ['', style.dim('Nothing has happened yet by the as-of time.')];
  const note = t.everyDayFollowed
    ? []
    : [
        '',
        style.dim(
          'The timeline is long: states were followed only on days with events, phase starts and ends, or deadlines.',
        ),
      ];
  const ahead = t.upcoming.length
    ? [
        '',
        style.bold('Ahead'),
        ...t.upcoming.map((d) => deadlineLine(d, style, readableTime(d.at, zone).slice(4))),
      ]
    : [];
  return [...head, '', ...phases, ...days, ...note, ...ahead].join('\n');
}
