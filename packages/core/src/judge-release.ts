import type { CompiledObligation } from './compiled-agreement.ts';
import { type JudgeContext, type Judgement, num, phaseOver, setAsideFor, when, window } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { resolveDeadline } from './phase-timeline.ts';
import type { ObligationState } from './status.ts';

type Release = Extract<LedgerEvent, { type: 'release' }>;

/** What a release event contributes to a set of cohorts: best, and the low–high spread of reports. */
export function releaseAmount(e: Release, cohorts: ReadonlySet<string>, ctx: JudgeContext) {
  let best = 0;
  let low = 0;
  let high = 0;
  const spread = ctx.spread.get(e.id);
  for (const r of e.released) {
    if (!cohorts.has(r.cohort)) continue;
    const s = spread?.get(r.cohort);
    best += r.best;
    low += Math.min(r.low, s?.low ?? r.low);
    high += Math.max(r.high, s?.high ?? r.high);
  }
  return { best, low, high };
}

const touches = (e: Release, cohorts: ReadonlySet<string>) => e.released.some((r) => cohorts.has(r.cohort));

/** Release N persons of the cohorts by a deadline, or tranche by tranche on a schedule. */
export function judgeRelease(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, run } = w;
  const zone = ctx.agreement.zone;
  const counted: { event: LedgerEvent; amount: number; at: number; low: number; high: number }[] = [];
  const excluded: { event: LedgerEvent; reason: string }[] = [];
  for (const e of ctx.index.releases) {
    if (e.party !== o.party || !touches(e, o.cohorts)) continue;
    if (e.outsideFramework) excluded.push({ event: e, reason: 'released outside the framework' });
    else if (e.credited < start) excluded.push({ event: e, reason: `before ${run.phase.name} started` });
    else if (e.credited > ctx.asOf) excluded.push({ event: e, reason: 'credited after the as-of time' });
    else {
      const a = releaseAmount(e, o.cohorts, ctx);
      counted.push({ event: e, amount: a.best, at: e.credited, low: a.low, high: a.high });
    }
  }
  excluded.push(
    ...setAsideFor(ctx, (e) => e.type === 'release' && e.party === o.party && touches(e, o.cohorts)),
  );
  counted.sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : 1));
  let delivered = 0;
  let low = 0;
  let high = 0;
  for (const c of counted) {
    delivered += c.amount;
    low += c.low;
    high += c.high;
  }
  const cohorts = [...o.cohorts].join(', ');
  const parts =
    counted.length <= 12 ? counted.map((c) => num(c.amount)).join(' + ') : `${counted.length} releases`;
  const arithmetic = [
    `released of ${cohorts} by ${o.party} under the framework since ${when(ctx, start)}: ${parts || '0'} = ${num(delivered)}`,
  ];
  const base = {
    counted: counted.map((c) => ({ event: c.event, amount: c.amount })),
    excluded,
    range: low !== high ? { low, high } : null,
  };

  if (!o.tranches.length) {
    const over = phaseOver(run, ctx.asOf);
    return {
      ...base,
      state: over ? 'ended' : 'in-effect',
      reason: `the clause sets no number; ${num(delivered)} released${over ? ` before ${run.phase.name} ended` : ' so far'}`,
      due: null,
      delivered,
      nextDeadline: null,
      arithmetic,
      upcoming: [],
    };
  }
  const tranches = o.tranches
    .map((t) => ({ count: t.count, by: resolveDeadline(t.by, ctx.runs, zone) }))
    .sort((a, b) => (a.by ?? Number.POSITIVE_INFINITY) - (b.by ?? Number.POSITIVE_INFINITY));
  const due = tranches.reduce((s, t) => s + t.count, 0);
  const stateFor = (
    got: (by: number) => number,
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
      const by = got(t.by);
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
  const byDeadline = (pick: 'amount' | 'low' | 'high') => (by: number) => {
    let s = 0;
    for (const c of counted) if (c.at <= by) s += c[pick];
    return s;
  };
  const best = stateFor(byDeadline('amount'), delivered);
  let { state, reason } = best;
  if (low !== high) {
    const lo = stateFor(byDeadline('low'), low);
    const hi = stateFor(byDeadline('high'), high);
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
    delivered,
    ratio: due ? delivered / due : null,
    nextDeadline: best.next,
    arithmetic,
    upcoming: tranches
      .filter((t) => t.by !== null && t.by > ctx.asOf)
      .map((t) => ({ at: t.by!, what: `${o.id}: ${num(t.count)} due` })),
  };
}
