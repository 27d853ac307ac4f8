import { type ObligationState, type ObligationStatus, STATE_WORDS, type Status } from '@truce/core';
import { formatCount, shortTime, yearOf } from './readable-time.ts';
import type { TextStyle } from './text-style.ts';
import { formatTable } from './text-table.ts';

const STATES = STATE_WORDS;

/** Paints a state by how much it needs attention. */
function paintState(style: TextStyle, state: ObligationState): (text: string) => string {
  switch (state) {
    case 'overdue':
    case 'violated':
      return style.red;
    case 'disputed':
    case 'partly-fulfilled':
    case 'suspended':
    case 'indeterminate':
      return style.yellow;
    case 'fulfilled':
      return style.green;
    case 'not-in-effect':
    case 'ended':
      return style.dim;
    case 'in-effect':
      return (text) => text;
  }
}

function delivered(o: ObligationStatus): string {
  const best = formatCount(o.delivered);
  const r = o.deliveredRange;
  if (!r || (r.low === r.high && r.low === o.delivered)) return best;
  return `${best} (${formatCount(r.low)}–${formatCount(r.high)})`;
}

function ratio(o: ObligationStatus): string {
  if (o.ratio === null) return '';
  if (o.kind === 'reciprocal-release') return `${formatCount(o.ratio)} per 1`;
  return `${Math.round(o.ratio * 100)}%`;
}

/** The obligations section: a table of states and figures, then each obligation's reason in one line. */
export function formatObligations(status: Status, style: TextStyle): string[] {
  if (!status.obligations.length) return [style.bold('Obligations'), '  The agreement lists no obligations.'];
  const zone = status.agreement.timeZone;
  const year = yearOf(status.asOf, zone);
  const table = formatTable(
    [
      { header: 'obligation', cell: (o: ObligationStatus) => o.id },
      { header: 'party', cell: (o) => o.party },
      { header: 'state', cell: (o) => STATES[o.state], paint: (t, o) => paintState(style, o.state)(t) },
      { header: 'due', cell: (o) => formatCount(o.due), align: 'right' },
      { header: 'delivered', cell: delivered, align: 'right' },
      { header: 'remaining', cell: (o) => formatCount(o.remaining), align: 'right' },
      { header: 'achieved', cell: ratio, align: 'right' },
      {
        header: 'next deadline',
        cell: (o) => (o.nextDeadline === null ? '—' : shortTime(o.nextDeadline, zone, year)),
      },
    ],
    status.obligations,
    style,
  );
  const width = Math.max(...status.obligations.map((o) => o.id.length));
  const reasons = status.obligations.map(
    (o) => `  ${o.id.padEnd(width)}  ${o.reason} ${style.dim(`[${o.clause.ref}]`)}`,
  );
  return [style.bold('Obligations'), ...table, '', 'Why:', ...reasons];
}
