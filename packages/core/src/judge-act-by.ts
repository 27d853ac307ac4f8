import { BoundedList } from './bounded-list.ts';
import type { CompiledObligation } from './compiled-agreement.ts';
import { type JudgeContext, type Judgement, phaseOver, when, window } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { resolveDeadline } from './phase-timeline.ts';

/** Do something once by a deadline (act-by), or leave an area / allow movement by one (withdraw). */
export function judgeActBy(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { run } = w;
  const src = o.source;
  const wanted = src.kind === 'withdraw' ? 'withdrawal' : src.kind === 'act-by' ? src.action : '';
  const done = (e: LedgerEvent) => {
    if (e.type !== wanted || e.outsideFramework) return false;
    if (e.type === 'talks-held') return e.parties.length === 0 || e.parties.includes(o.party);
    if (e.type === 'withdrawal')
      return (
        e.party === o.party && (src.kind !== 'withdraw' || e.area.toLowerCase() === src.area.toLowerCase())
      );
    if (e.type === 'list-handed-over' || e.type === 'statement') return e.party === o.party;
    return false;
  };
  const acts = ctx.index.acts.filter(done).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const first = acts[0];
  const by = resolveDeadline(o.by!, ctx.runs, ctx.agreement.zone);
  const what = src.kind === 'withdraw' ? `${src.action} (${src.area})` : wanted;
  const arithmetic = [
    `looking for a ${wanted} event by ${o.party}${by !== null ? ` by ${when(ctx, by)}` : ''}: ${acts.length} found`,
  ];
  const counted = new BoundedList(ctx.limit);
  for (const e of acts) counted.add(e, 1);
  const base = {
    due: 1,
    range: null,
    counted,
    excluded: new BoundedList(ctx.limit),
    arithmetic,
  };
  if (first) {
    const late = by !== null && first.at > by;
    return {
      ...base,
      state: 'fulfilled',
      reason: `${what} done ${when(ctx, first.at)} (${first.id})${late ? `, after the deadline ${when(ctx, by)}` : ''}`,
      delivered: 1,
      nextDeadline: null,
      upcoming: [],
    };
  }
  if (by === null)
    return {
      ...base,
      state: 'indeterminate',
      reason: 'the deadline depends on a phase that has not started',
      delivered: first ? 1 : 0,
      nextDeadline: null,
      upcoming: [],
    };
  if (phaseOver(run, ctx.asOf) && run.actualEnd! < by)
    return {
      ...base,
      state: 'ended',
      reason: `${run.phase.name} ended before the deadline; no ${what} recorded`,
      delivered: 0,
      nextDeadline: null,
      upcoming: [],
    };
  if (ctx.asOf >= by) {
    const over = phaseOver(run, ctx.asOf);
    return {
      ...base,
      state: over ? 'violated' : 'overdue',
      reason: `no ${what} recorded by the deadline ${when(ctx, by)}`,
      delivered: 0,
      nextDeadline: by,
      upcoming: [],
    };
  }
  return {
    ...base,
    state: 'in-effect',
    reason: `${what} due by ${when(ctx, by)}`,
    delivered: 0,
    nextDeadline: by,
    upcoming: [{ at: by, what: `${o.id}: deadline` }],
  };
}
