import type { Discrepancy, Status } from '@truce/core';
import { formatCount } from './readable-time.ts';
import type { TextStyle } from './text-style.ts';
import { formatTable } from './text-table.ts';

type Report = Discrepancy['reports'][number];

function sourcesInWords(r: Report): string {
  if (!r.sources.length) return 'no source given';
  return r.sources.map((s) => (s.attribution ? `${s.outlet} (${s.attribution})` : s.outlet)).join('; ');
}

function discrepancyLines(d: Discrepancy, n: number, style: TextStyle): string[] {
  const used = d.used.eventId === null ? 'computed from the ledger' : `from ${d.used.eventId}`;
  const table = formatTable(
    [
      { header: 'event', cell: (r: Report) => r.eventId },
      {
        header: 'figure',
        cell: (r) => formatCount(r.figure),
        align: 'right',
        paint: (t, r) => (r.eventId === d.used.eventId ? style.bold(t) : t),
      },
      { header: 'status', cell: (r) => r.status },
      { header: 'grade', cell: (r) => r.grade ?? '—' },
      { header: 'sources', cell: sourcesInWords },
    ],
    d.reports,
    style,
    '     ',
  );
  return [
    `  ${n}. ${style.bold(d.fact)}: ${d.description}`,
    ...table,
    `     Used: ${formatCount(d.used.figure)} (${used}) — ${d.why}`,
    ...(d.explanation ? [`     ${d.explanation}`] : []),
  ];
}

/** The discrepancies section: each disagreement with its figures and sources, the figure used and why. */
export function formatDiscrepancies(status: Status, style: TextStyle): string[] {
  if (!status.discrepancies.length) return [style.bold('Discrepancies'), '  No reports disagree.'];
  return [
    style.bold('Discrepancies'),
    ...status.discrepancies.flatMap((d, i) => [...(i ? [''] : []), ...discrepancyLines(d, i + 1, style)]),
  ];
}
