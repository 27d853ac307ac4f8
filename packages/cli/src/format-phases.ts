import type { PhaseStatus, Status } from '@truce/core';
import { describeDuration, formatCount, plural, readableTime, shortTime, yearOf } from './readable-time.ts';
import type { TextStyle } from './text-style.ts';
import { formatTable } from './text-table.ts';

const STATES: Record<PhaseStatus['state'], string> = {
  'not-started': 'not started',
  'awaiting-event': 'awaiting event',
  running: 'running',
  ended: 'ended',
  collapsed: 'collapsed',
};

function eligibilityLines(p: PhaseStatus): string[] {
  const e = p.eligibility;
  if (!e) return [];
  const cap = e.capDays === null ? '' : `, capped at ${plural(e.capDays, 'day')} in all`;
  const verdict =
    e.agreedDays === e.eligibleDays
      ? 'as the rule allows'
      : e.agreedDays > e.eligibleDays
        ? `${plural(e.agreedDays - e.eligibleDays, 'day')} more than the rule gives`
        : `${plural(e.eligibleDays - e.agreedDays, 'day')} fewer than the rule gives`;
  return [
    `Extension rule: ${e.rule}`,
    `  ${plural(e.counted, 'release')} counted → eligible for ${plural(e.eligibleDays, 'day')}${cap}; agreed ${plural(e.agreedDays, 'day')} (${verdict}).`,
    ...(e.explanation ? [`  ${e.explanation}`] : []),
  ];
}

function releasedLines(p: PhaseStatus): string[] {
  const parts = p.released
    .filter((r) => r.total > 0)
    .map((r) => {
      const outside = r.outsideFramework
        ? ` (+${formatCount(r.outsideFramework)} outside the agreement)`
        : '';
      return `${r.party} ${formatCount(r.inFramework)}${outside}`;
    });
  return parts.length ? [`Released during the phase: ${parts.join('; ')}`] : [];
}

function detailLines(p: PhaseStatus, zone: string, style: TextStyle): string[] {
  const extensions = p.extensions.map(
    (e) =>
      `Extended by ${describeDuration(e.by)}, agreed ${readableTime(e.agreedAt, zone)}: ${e.cause} [${e.eventId}]`,
  );
  // The extensions are shown above with their causes; leave out the explanation's lines that repeat them.
  const shown = p.extensions.map((e) => `(${e.eventId})`);
  const story = p.explanation.filter((l) => !shown.some((id) => l.includes(id)));
  const lines = [
    ...releasedLines(p),
    ...extensions,
    ...eligibilityLines(p),
    ...story.map((l) => style.dim(l)),
  ];
  if (!lines.length) return [];
  return [`  ${style.bold(p.name)} (${p.id})`, ...lines.map((l) => `    ${l}`)];
}

/**
 * The phases section: planned against actual times in a table, then each extension with its cause and
 * the extension rule's eligibility against what was agreed.
 */
export function formatPhases(status: Status, style: TextStyle): string[] {
  const zone = status.agreement.timeZone;
  const year = yearOf(status.asOf, zone);
  const at = (iso: string | null) => shortTime(iso, zone, year);
  const table = formatTable(
    [
      { header: 'phase', cell: (p: PhaseStatus) => p.id },
      {
        header: 'state',
        cell: (p) => STATES[p.state],
        paint: (t, p) => (p.state === 'collapsed' ? style.red(t) : t),
      },
      { header: 'planned start', cell: (p) => at(p.plannedStart) },
      { header: 'planned end', cell: (p) => at(p.plannedEnd) },
      { header: 'actual start', cell: (p) => at(p.actualStart) },
      { header: 'actual end', cell: (p) => at(p.actualEnd) },
      { header: 'scheduled end', cell: (p) => at(p.scheduledEnd) },
      {
        header: 'day',
        cell: (p) => (p.day !== null && p.days !== null ? `${p.day}/${p.days}` : ''),
        align: 'right',
      },
      {
        header: 'extensions',
        cell: (p) => (p.extensions.length ? String(p.extensions.length) : ''),
        align: 'right',
      },
    ],
    status.phases,
    style,
  );
  const details = status.phases.flatMap((p) => detailLines(p, zone, style));
  return [style.bold('Phases'), ...table, ...(details.length ? ['', ...details] : [])];
}
