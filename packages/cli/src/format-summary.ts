import type { PhaseStatus, ReleaseTotal, Status } from '@truce/core';
import { describeDuration, formatCount, plural, readableTime } from './readable-time.ts';
import type { TextStyle } from './text-style.ts';
import { formatTable } from './text-table.ts';

const ENDINGS: Record<NonNullable<PhaseStatus['endReason']>, string> = {
  expired: 'ended when its time ran out',
  completed: 'ended with its terms completed',
  terminated: 'was ended by a recorded decision',
  collapsed: 'collapsed',
};

const phaseLabel = (p: PhaseStatus) => `Phase "${p.name}"`;

function extensionsInWords(p: PhaseStatus, zone: string): string {
  return p.extensions
    .map((e) => `+${describeDuration(e.by)} agreed ${readableTime(e.agreedAt, zone)}`)
    .join(', ');
}

function runningLine(p: PhaseStatus, zone: string): string {
  const progress =
    p.day !== null && p.days !== null
      ? `day ${p.day} of ${p.days}`
      : `running since ${readableTime(p.actualStart, zone)}`;
  const extended = p.extensions.length
    ? `; extended ${plural(p.extensions.length, 'time')} (${extensionsInWords(p, zone)})`
    : '';
  return `${phaseLabel(p)} is running: ${progress}, scheduled to end ${readableTime(p.scheduledEnd, zone)}${extended}.`;
}

function endedLine(p: PhaseStatus, zone: string): string {
  const how = p.state === 'collapsed' ? ENDINGS.collapsed : ENDINGS[p.endReason ?? 'expired'];
  const after = p.extensions.length
    ? `after ${plural(p.extensions.length, 'extension')} (${extensionsInWords(p, zone)})`
    : 'with no extension';
  return `${phaseLabel(p)} ${how} on ${readableTime(p.actualEnd, zone)}, ${after}; it began ${readableTime(p.actualStart, zone)}.`;
}

function waitingLine(p: PhaseStatus, zone: string): string {
  if (p.state === 'awaiting-event' || p.plannedStart === null)
    return `Next: ${phaseLabel(p)} starts when its start is recorded.`;
  return `Next: ${phaseLabel(p)} is planned to start ${readableTime(p.plannedStart, zone)}.`;
}

/** Which phase is running (day N of M, scheduled end), or how the last one ended, and what comes next. */
function phaseSummary(phases: readonly PhaseStatus[], zone: string): string[] {
  const running = phases.filter((p) => p.state === 'running');
  const started = phases.filter((p) => p.actualStart !== null);
  const lastStarted = phases.indexOf(started[started.length - 1]!);
  const lines = running.length
    ? running.map((p) => runningLine(p, zone))
    : lastStarted >= 0
      ? [endedLine(phases[lastStarted]!, zone)]
      : ['No phase has started yet.'];
  const next = phases.find(
    (p, i) => i > lastStarted && (p.state === 'not-started' || p.state === 'awaiting-event'),
  );
  if (next && !running.length) lines.push(waitingLine(next, zone));
  return lines;
}

function releaseSummary(released: readonly ReleaseTotal[], style: TextStyle): string[] {
  if (released.every((r) => r.total === 0)) return ['Released so far: nobody.'];
  return [
    'Released so far, by the party that released them:',
    ...formatTable(
      [
        { header: 'party', cell: (r: ReleaseTotal) => r.party },
        { header: 'under the agreement', cell: (r) => formatCount(r.inFramework), align: 'right' },
        { header: 'outside it', cell: (r) => formatCount(r.outsideFramework), align: 'right' },
        { header: 'in all', cell: (r) => formatCount(r.total), align: 'right' },
      ],
      released,
      style,
    ),
  ];
}

function attentionSummary(status: Status, style: TextStyle): string[] {
  const groups = (['overdue', 'violated', 'disputed'] as const)
    .map((state) => ({ state, ids: status.obligations.filter((o) => o.state === state).map((o) => o.id) }))
    .filter((g) => g.ids.length);
  const lines = groups.length
    ? [
        style.red(
          `Needs attention: ${groups.map((g) => `${g.ids.length} ${g.state} (${g.ids.join(', ')})`).join('; ')}.`,
        ),
      ]
    : [style.green('Nothing is overdue, violated or disputed.')];
  const n = status.discrepancies.length;
  if (n) lines.push(style.yellow(`Reports disagree on ${plural(n, 'fact')}: see Discrepancies below.`));
  return lines;
}

/**
 * The opening lines of a status report: title, times, the current phase, releases in total per side,
 * and what is overdue, violated or disputed.
 */
export function formatSummary(status: Status, style: TextStyle): string[] {
  const { title, id, version, timeZone: zone } = status.agreement;
  const standing = status.agreement.status === 'agreed' ? '' : ` — ${status.agreement.status}, not in force`;
  return [
    style.bold(`${title}${standing}`) + style.dim(` (${id}, version ${version})`),
    `As of ${readableTime(status.asOf, zone)}, ${status.knownAt ? `as known at ${readableTime(status.knownAt, zone)}` : 'with everything recorded so far'} (${zone} time; evidence: ${status.evidence}).`,
    ...phaseSummary(status.phases, zone),
    ...releaseSummary(status.released, style),
    ...attentionSummary(status, style),
  ];
}
