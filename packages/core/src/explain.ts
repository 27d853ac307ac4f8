import type { ObligationState, Status } from './status.ts';

/** Each obligation state in words a non-programmer reads. */
export const STATE_WORDS: Readonly<Record<ObligationState, string>> = {
  'not-in-effect': 'not yet in effect',
  'in-effect': 'in effect',
  fulfilled: 'fulfilled',
  'partly-fulfilled': 'partly fulfilled',
  overdue: 'overdue',
  violated: 'violated',
  suspended: 'suspended',
  ended: 'ended with the agreement',
  disputed: 'disputed',
  indeterminate: 'cannot tell yet',
};

/**
 * A plain-language account of one obligation's state: the clause, the events counted and left out
 * (each with its reason), and the arithmetic. Undefined when the status has no such obligation.
 * @example explain(status, 'hamas-release-50')?.join('\n')
 */
export function explain(status: Status, obligationId: string): string[] | undefined {
  const o = status.obligations.find((x) => x.id === obligationId);
  if (!o) return undefined;
  const lines = [
    `${o.id}: ${o.kind} owed by ${o.party} during ${o.phase}`,
    `Clause (${o.clause.ref}): "${o.clause.text}"`,
    `As of ${status.asOf}, ${status.knownAt ? `as known at ${status.knownAt}` : 'with everything recorded'} (evidence: ${status.evidence}):`,
    `  ${STATE_WORDS[o.state]} — ${o.reason}.`,
  ];
  if (o.due !== null || o.delivered !== null) {
    const range = o.deliveredRange ? ` (reports range ${o.deliveredRange.low}–${o.deliveredRange.high})` : '';
    lines.push(
      `  due ${o.due ?? '—'}, delivered ${o.delivered ?? '—'}${range}, remaining ${o.remaining ?? '—'}${o.ratio !== null ? `, ratio ${Math.round(o.ratio * 100) / 100}` : ''}`,
    );
  }
  if (o.nextDeadline) lines.push(`  next deadline ${o.nextDeadline}`);
  lines.push('', `Counted (${o.counted.length}):`);
  if (!o.counted.length) lines.push('  none');
  for (const c of o.counted)
    lines.push(
      `  - ${c.id} at ${c.at}${c.amount !== null ? `: ${c.amount}` : ''}${c.note ? ` (${c.note})` : ''}`,
    );
  lines.push('', `Left out (${o.excluded.length}):`);
  if (!o.excluded.length) lines.push('  none');
  for (const e of o.excluded) lines.push(`  - ${e.id}: ${e.reason}`);
  lines.push('', 'Arithmetic:');
  for (const a of o.arithmetic) lines.push(`  ${a}`);
  if (o.periods?.length) {
    lines.push('', 'By period:');
    for (const p of o.periods)
      lines.push(
        `  ${p.index}. ${p.start} → ${p.end}: due ${p.due}, delivered ${p.delivered ?? '—'} (${p.state})${p.note ? ` — ${p.note}` : ''}`,
      );
  }
  const related = status.discrepancies.filter((d) =>
    d.reports.some(
      (r) => o.counted.some((c) => c.id === r.eventId) || o.excluded.some((e) => e.id === r.eventId),
    ),
  );
  if (related.length) {
    lines.push('', 'Conflicting reports behind these figures:');
    for (const d of related) lines.push(`  ${d.fact}: ${d.description}; ${d.why}`);
  }
  return lines;
}
