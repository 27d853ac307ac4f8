import type { CompiledObligation } from './compiled-agreement.ts';
import { type JudgeContext, type Judgement, num, phaseOver, when, window } from './judgement.ts';
import { type ReleaseKey, sumReleased } from './ledger-fold.ts';
import { resolveDeadline } from './phase-timeline.ts';
import type { ObligationState } from './status.ts';

type Reading = 'best' | 'low' | 'high';

/** Release N persons of the cohorts by a deadline, or tranche by tranche on a schedule. */
export function judgeRelease(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, run } = w;
  const { counted, excluded } = ctx.lists.get(o.id)!;
  const mine = (k: ReleaseKey) => !k.outside && k.party === o.party && o.cohorts.has(k.cohort);
  // Releases after the phase ended are not under it; they are listed as left out.
  const cap = Math.min(ctx.asOf, run.actualEnd ?? Number.POSITIVE_INFINITY);
  const releasedBy = (t: number, reading: Reading) =>
    sumReleased(ctx.book, mine, start, Math.min(t, cap), 'best') +
    (reading === 'best' ? 0 : sumReleased(ctx.book, mine, start, Math.min(t, cap), reading));
  const delivered = releasedBy(ctx.asOf, 'best');
  const low = releasedBy(ctx.asOf, 'low');
  const high = releasedBy(ctx.asOf, 'high');
  const cohorts = [...o.cohorts].join(', ');
  const listed = counted.entries();
  const parts =
    counted.total <= 12 && listed.length === counted.total
      ? listed.map((c) => num(c.amount ?? 0)).join(' + ')
      : `${num(counted.total)} releases`;
  const arithmetic = [
    `released of ${cohorts} by ${o.party} under the framework since ${when(ctx, start)}: ${parts || '0'} = ${num(delivered)}`,
  ];
  const range = low !== high ? { low, high } : null;
  const base = { counted, excluded, range, delivered, arithmetic };

  if (!o.tranches.length) {
    const over = phaseOver(run, ctx.asOf);
    return {
      ...base,
      state: over ? 'ended' : 'in-effect',
      reason: `the clause sets no number; ${num(delivered)} released${over ? ` before ${run.phase.name} ended` : ' so far'}`,
      due: null,
      nextDeadline: null,
      upcoming: [],
    };
  }
  const tranches = o.tranches
    .map((t) => ({ count: t.count, by: resolveDeadline(t.by, ctx.runs, ctx.agreement.zone) }))
    .sort((a, b) => (a.by ?? Number.POSITIVE_INFINITY) - (b.by ?? Number.POSITIVE_INFINITY));
  const due = tranches.reduce((s, t) => s + t.count, 0);
  const stateFor = (
    reading: Reading,
    total: number,
  ): { state: ObligationState; reason: string; next: number | null } => {
    let owed = 0;
    let next: number | null = null;
    for (const t of tranches) {
      owed += t.count;
      if (t.by === null) continue;
      if (t.by > ctx.asOf) {
        if (next === null && total < owed) next = t.by;
        continue;
      }
      const by = releasedBy(t.by, reading);
      if (by < owed && run.actualEnd !== null && run.actualEnd < t.by && total < due)
        return {
          state: 'ended',
          reason: `${run.phase.name} ended before the deadline with ${num(total)} of ${num(due)} released`,
          next: null,
        };
      if (by < owed) {
        if (total >= due)
          return {
            state: 'fulfilled',
            reason: `fulfilled late: ${num(total)} of ${num(due)}, but only ${num(by)} of ${num(owed)} by ${when(ctx, t.by)}`,
            next: null,
          };
        if (!phaseOver(run, ctx.asOf))
          return {
            state: 'overdue',
            reason: `${num(by)} of ${num(owed)} released by the deadline ${when(ctx, t.by)}`,
            next: t.by,
          };
        return total > 0
          ? {
              state: 'partly-fulfilled',
              reason: `${num(total)} of ${num(due)} released when ${run.phase.name} ended`,
              next: null,
            }
          : {
              state: 'violated',
              reason: `none of ${num(due)} released by ${when(ctx, t.by)}, and ${run.phase.name} has ended`,
              next: null,
            };
      }
    }
    if (total >= due)
      return {
        state: 'fulfilled',
        reason: `${num(total)} released of ${o.source.kind === 'release' && o.source.atLeast ? 'at least ' : ''}${num(due)} due`,
        next: null,
      };
    if (phaseOver(run, ctx.asOf))
      return {
        state: 'ended',
        reason: `${run.phase.name} ended before the deadline with ${num(total)} of ${num(due)} released`,
        next: null,
      };
    if (tranches.some((t) => t.by === null))
      return {
        state: 'indeterminate',
        reason: 'a deadline depends on a phase that has not started',
        next: null,
      };
    return {
      state: 'in-effect',
      reason: `${num(total)} of ${num(due)} released; the next deadline is ${next === null ? 'not set' : when(ctx, next)}`,
      next,
    };
  };
  const best = stateFor('best', delivered);
  let { state, reason } = best;
  if (range) {
    const lo = stateFor('low', low);
    const hi = stateFor('high', high);
    if (lo.state !== hi.state) {
      state = 'disputed';
      reason = `reports disagree: with the lowest figures ${num(low)} (${lo.state}), with the highest ${num(high)} (${hi.state}); the evidence policy uses ${num(delivered)} (${best.state})`;
    }
  }
  for (const t of tranches) if (t.by !== null) arithmetic.push(`${num(t.count)} due by ${when(ctx, t.by)}`);
  arithmetic.push(
    `${num(delivered)} ${delivered >= due ? '≥' : '<'} ${num(due)}: ${delivered >= due ? 'all due released' : `${num(due - delivered)} remaining`}`,
  );
  return {
    ...base,
    state,
    reason,
    due,
    ratio: due ? delivered / due : null,
    nextDeadline: best.next,
    upcoming: tranches
      .filter((t) => t.by !== null && t.by > ctx.asOf)
      .map((t) => ({ at: t.by!, what: `${o.id}: ${num(t.count)} due` })),
  };
}
