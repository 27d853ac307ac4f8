import { type Agreement, type LedgerEvent, parseLedger } from '@truce/core';
import type { SimModel, TraceEntry } from '../src/index.ts';

const DAY = 86_400_000;

/**
 * Writes a simulated run's trace as a real ledger file and parses it with the core's parseLedger,
 * so that the evaluator can judge the run exactly as it would judge a recorded deal.
 */
export function traceLedger(
  agreement: Agreement,
  model: SimModel,
  trace: readonly TraceEntry[],
): LedgerEvent[] {
  const time = (day: number) => new Date(Math.round(model.asOf + day * DAY)).toISOString();
  const events = trace.map((t, i) => {
    const base = { id: `sim-${i}`, occurred: time(t.day), recorded: time(t.day), status: 'confirmed' };
    if (t.type === 'release')
      return {
        ...base,
        type: 'release',
        party: agreement.cohortHeldBy.get(t.cohort),
        released: [{ cohort: t.cohort, count: t.count }],
      };
    if (t.type === 'phase-extended') return { ...base, type: t.type, phase: t.phase, by: `P${t.byDays}D` };
    return { ...base, type: t.type, phase: t.phase };
  });
  const parsed = parseLedger(JSON.stringify({ agreement: agreement.id, events }), agreement, 'trace.json');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return [...parsed.value.events];
}
