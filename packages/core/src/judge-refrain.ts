import { BoundedList } from './bounded-list.ts';
import type { CompiledObligation } from './compiled-agreement.ts';
import { addSetAside, type JudgeContext, type Judgement, phaseOver, when, window } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { toLocal } from './zoned-time.ts';

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Cease an activity, possibly only in an area or between given hours; judged on reported violations. */
export function judgeRefrain(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, end, run } = w;
  const src = o.source.kind === 'refrain' ? o.source : undefined;
  const counted: { event: LedgerEvent; amount: null; note: string }[] = [];
  const excluded: { event: LedgerEvent; reason: string }[] = [];
  const matches = (v: Extract<LedgerEvent, { type: 'violation' }>) =>
    v.party === o.party &&
    (v.obligation === o.id ||
      (v.obligation === undefined &&
        v.activity === src?.activity &&
        (v.area === undefined ||
          src?.area === undefined ||
          v.area.toLowerCase() === src.area.toLowerCase())));
  for (const v of ctx.index.violations) {
    if (!matches(v)) continue;
    if (v.outsideFramework) excluded.push({ event: v, reason: 'outside the framework' });
    else if (v.at < start || (end !== null && v.at >= end))
      excluded.push({ event: v, reason: `outside ${run.phase.name}` });
    else if (o.window && !inWindow(v.at, o.window, ctx.agreement.zone))
      excluded.push({
        event: v,
        reason: `outside the daily window ${hhmm(o.window.from)}–${hhmm(o.window.to)}`,
      });
    else
      counted.push({
        event: v,
        amount: null,
        note: `${v.status}${v.reportedBy ? `, reported by ${v.reportedBy}` : ''}`,
      });
  }
  const left = new BoundedList(ctx.limit);
  for (const x of excluded) left.add(x.event, null, x.reason);
  addSetAside(left, ctx, (e) => e.type === 'violation' && e.party === o.party);
  const found = new BoundedList(ctx.limit);
  for (const c of counted) found.add(c.event, null, c.note);
  const established = counted.filter(
    (c) => c.event.status === 'confirmed' || c.event.status === 'corroborated',
  );
  const scope = `${src?.activity ?? 'the activity'}${src?.area ? ` in ${src.area}` : ''}${o.window ? ` between ${hhmm(o.window.from)} and ${hhmm(o.window.to)}` : ''}`;
  const arithmetic = [
    `${counted.length} violation report(s) of ${scope} by ${o.party} during ${run.phase.name}; ${established.length} confirmed or corroborated`,
  ];
  const over = phaseOver(run, ctx.asOf);
  let state: Judgement['state'];
  let reason: string;
  if (established.length) {
    state = 'violated';
    reason = `violation ${established[0]!.event.status} at ${when(ctx, established[0]!.event.at)} (${established.map((c) => c.event.id).join(', ')})`;
  } else if (counted.length) {
    state = 'disputed';
    reason = `${counted.length} violation report(s), none corroborated: ${counted.map((c) => `${c.event.id} (${c.note})`).join('; ')}`;
  } else if (over) {
    state = run.endReason === 'collapsed' ? 'ended' : 'fulfilled';
    reason =
      run.endReason === 'collapsed'
        ? `${run.phase.name} collapsed; no violation by ${o.party} is recorded`
        : `no violation recorded while ${run.phase.name} ran`;
  } else {
    state = 'in-effect';
    reason = `in effect since ${when(ctx, start)}; no violation recorded`;
  }
  return {
    state,
    reason,
    due: null,
    delivered: null,
    range: null,
    nextDeadline: null,
    counted: found,
    excluded: left,
    arithmetic,
    upcoming:
      !over && end !== null && end > ctx.asOf
        ? [{ at: end, what: `${o.id}: ends with ${run.phase.name}` }]
        : [],
  };
}

function inWindow(t: number, win: { from: number; to: number }, zone: string): boolean {
  const l = toLocal(t, zone);
  const m = l.hour * 60 + l.minute;
  return win.from <= win.to ? m >= win.from && m < win.to : m >= win.from || m < win.to;
}
