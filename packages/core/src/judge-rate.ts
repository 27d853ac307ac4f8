import type { CompiledObligation } from './compiled-agreement.ts';
import { formatDuration } from './duration.ts';
import { type JudgeContext, type Judgement, num, phaseOver, setAsideFor, when, window } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { PeriodStatus } from './status.ts';
import { addInZone, formatInstant } from './zoned-time.ts';

type Aid = Extract<LedgerEvent, { type: 'aid-delivery' }>;
const MAX_PERIODS = 10_000;

/**
 * A quantity per period, judged period by period. A report covering several periods (an interval)
 * is judged against their sum; periods with no report are unknown, not short.
 */
export function judgeRate(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, run } = w;
  const zone = ctx.agreement.zone;
  const item = o.source.kind === 'rate' ? o.source.item : '';
  const perPeriod = o.source.kind === 'rate' ? o.source.quantity : 0;
  const end = w.end ?? ctx.asOf;
  const bounds: number[] = [start];
  while (bounds.length <= MAX_PERIODS && bounds[bounds.length - 1]! < end)
    bounds.push(addInZone(bounds[bounds.length - 1]!, o.period!, zone));
  bounds[bounds.length - 1] = Math.min(bounds[bounds.length - 1]!, end);
  const n = bounds.length - 1;
  const slot = (t: number) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const single = new Array<number>(n).fill(0);
  const reported = new Array<boolean>(n).fill(false);
  const spans: { from: number; to: number; quantity: number; event: Aid }[] = [];
  const counted: { event: LedgerEvent; amount: number }[] = [];
  const excluded: { event: LedgerEvent; reason: string }[] = [];
  let low = 0;
  let high = 0;
  for (const e of ctx.index.aid) {
    if (e.item !== item || (e.party !== undefined && e.party !== o.party)) continue;
    if (e.outsideFramework) excluded.push({ event: e, reason: 'delivered outside the framework' });
    else if (e.until < start || e.at >= end) excluded.push({ event: e, reason: `outside ${run.phase.name}` });
    else {
      const q = e.quantity.best;
      counted.push({ event: e, amount: q });
      const s = ctx.spread.get(e.id)?.get(item);
      if (e.until > e.at)
        spans.push({ from: slot(e.at), to: slot(Math.min(e.until, end - 1)), quantity: q, event: e });
      else {
        const i = slot(e.at);
        single[i]! += q;
        reported[i] = true;
        low += Math.min(e.quantity.low, s?.low ?? q);
        high += Math.max(e.quantity.high, s?.high ?? q);
      }
    }
  }
  excluded.push(...setAsideFor(ctx, (e) => e.type === 'aid-delivery' && e.item === item));
  const dueIn = (i: number) => {
    const full = addInZone(bounds[i]!, o.period!, zone) - bounds[i]!;
    return Math.round((perPeriod * (bounds[i + 1]! - bounds[i]!)) / full);
  };
  const covered = new Array<number>(n).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.from; i <= s.to; i++) covered[i] = k;
  });
  const periods: PeriodStatus[] = [];
  let shortfall = false;
  let unknown = 0;
  let delivered = 0;
  let due = 0;
  for (let i = 0; i < n; i++) {
    const d = dueIn(i);
    due += d;
    const complete = bounds[i + 1]! <= ctx.asOf;
    let state: PeriodStatus['state'];
    if (covered[i]! >= 0) state = 'covered-by-span';
    else if (!reported[i]) state = complete ? 'unknown' : 'pending';
    else state = single[i]! >= d ? 'met' : complete ? 'short' : 'pending';
    if (state === 'short') shortfall = true;
    if (state === 'unknown') unknown++;
    if (covered[i]! < 0) delivered += single[i]!;
    periods.push({
      index: i + 1,
      start: formatInstant(bounds[i]!, zone),
      end: formatInstant(bounds[i + 1]!, zone),
      due: d,
      delivered: reported[i] ? single[i]! : null,
      state,
    });
  }
  const arithmetic = [
    `${num(perPeriod)} ${item} due every ${formatDuration(o.period!)} from ${when(ctx, start)}: ${n} period(s), ${num(due)} in all`,
  ];
  for (const s of spans) {
    let spanDue = 0;
    for (let i = s.from; i <= s.to; i++) spanDue += dueIn(i);
    delivered += s.quantity;
    low += s.quantity;
    high += s.quantity;
    const complete = bounds[s.to + 1]! <= ctx.asOf;
    if (complete && s.quantity < spanDue) shortfall = true;
    arithmetic.push(
      `periods ${s.from + 1}–${s.to + 1} are reported together (${s.event.id}): ${num(s.quantity)} of ${num(spanDue)} due (${Math.round((100 * s.quantity) / spanDue)}%)`,
    );
  }
  const shortPeriods = periods.filter((p) => p.state === 'short');
  for (const p of shortPeriods)
    arithmetic.push(`period ${p.index}: ${num(p.delivered ?? 0)} of ${num(p.due)}`);
  if (unknown)
    arithmetic.push(
      `${unknown} period(s) with no report: ${periods
        .filter((p) => p.state === 'unknown')
        .map((p) => p.index)
        .join(', ')}`,
    );
  const over = phaseOver(run, ctx.asOf);
  const disputedClaims = ctx.index.violations.filter((v) => v.obligation === o.id && v.at <= ctx.asOf);
  let state: Judgement['state'];
  let reason: string;
  if (shortfall) {
    state = over ? (delivered > 0 ? 'partly-fulfilled' : 'violated') : 'overdue';
    reason = `${num(delivered)} of ${num(due)} ${item} reported in all; some periods fell short`;
  } else if (unknown) {
    state = 'indeterminate';
    reason = `no report covers ${unknown} of ${n} period(s), so the rate cannot be judged there`;
  } else {
    state = over ? 'fulfilled' : 'in-effect';
    reason = `every period reported so far met ${num(perPeriod)} ${item}`;
  }
  if (disputedClaims.length)
    reason += `; ${disputedClaims.length} violation report(s) name this obligation (${disputedClaims.map((v) => `${v.id}, ${v.status}`).join('; ')})`;
  const current = periods.findIndex((p) => p.state === 'pending');
  return {
    state,
    reason,
    due,
    delivered,
    range: low !== high ? { low, high } : null,
    ratio: due ? delivered / due : null,
    nextDeadline: current >= 0 ? bounds[current + 1]! : null,
    counted: [
      ...counted,
      ...disputedClaims.map((v) => ({
        event: v as LedgerEvent,
        amount: null,
        note: `violation reported${v.reportedBy ? ` by ${v.reportedBy}` : ''} (${v.status})`,
      })),
    ],
    excluded,
    arithmetic,
    periods,
    upcoming:
      current >= 0 ? [{ at: bounds[current + 1]!, what: `${o.id}: period ${current + 1} closes` }] : [],
  };
}
