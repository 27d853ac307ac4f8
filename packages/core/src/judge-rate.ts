import type { CompiledObligation } from './compiled-agreement.ts';
import { formatDuration } from './duration.ts';
import { type JudgeContext, type Judgement, num, phaseOver, when, window } from './judgement.ts';
import type { AidKey } from './ledger-fold.ts';
import type { PeriodStatus } from './status.ts';
import { addInZone, formatInstant } from './zoned-time.ts';

const MAX_PERIODS = 10_000;

/**
 * A quantity per period, judged period by period. A report covering several periods (an interval)
 * is judged against their sum; periods with no report are unknown, not short.
 */
export function judgeRate(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, run } = w;
  const { book } = ctx;
  const zone = ctx.agreement.zone;
  const item = o.source.kind === 'rate' ? o.source.item : '';
  const perPeriod = o.source.kind === 'rate' ? o.source.quantity : 0;
  const { counted, excluded } = ctx.lists.get(o.id)!;
  const end = w.end ?? ctx.asOf;
  const bounds: number[] = [start];
  while (bounds.length <= MAX_PERIODS && bounds[bounds.length - 1]! < end)
    bounds.push(addInZone(bounds[bounds.length - 1]!, o.period!, zone));
  bounds[bounds.length - 1] = Math.min(bounds[bounds.length - 1]!, end);
  const n = bounds.length - 1;
  const keys: number[] = [];
  const ours = (k: AidKey) => !k.outside && k.item === item && (k.party === undefined || k.party === o.party);
  book.aidKeys.forEach((k, i) => ours(k) && keys.push(i));
  const inPeriod = (series: typeof book.delivered, i: number, what: 'amount' | 'events' = 'amount') => {
    const to = Math.min(bounds[i + 1]!, ctx.asOf + 1) - 1;
    let sum = 0;
    for (const k of keys) sum += series.sum(k, bounds[i]!, to, what);
    return sum;
  };
  const slot = (t: number) => {
    let i = 0;
    while (i + 1 < n && bounds[i + 1]! <= t) i++;
    return i;
  };
  const spans = book.spans
    .filter(
      (e) =>
        ours({ item: e.item, party: e.party, outside: e.outsideFramework }) &&
        e.until >= start &&
        e.at < end &&
        // A report over an interval says nothing about its part before as-of until the interval is over.
        e.until <= ctx.asOf,
    )
    .map((e) => ({
      from: slot(e.at),
      to: slot(Math.min(e.until, end - 1)),
      quantity: e.quantity.best,
      event: e,
    }));
  const covered = new Array<number>(n).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.from; i <= s.to; i++) covered[i] = k;
  });
  const dueIn = (i: number) => {
    const full = addInZone(bounds[i]!, o.period!, zone) - bounds[i]!;
    return Math.round((perPeriod * (bounds[i + 1]! - bounds[i]!)) / full);
  };
  const periods: PeriodStatus[] = [];
  let shortfall = false;
  let unknown = 0;
  let delivered = 0;
  let low = 0;
  let high = 0;
  let due = 0;
  for (let i = 0; i < n; i++) {
    const d = dueIn(i);
    due += d;
    const complete = bounds[i + 1]! <= ctx.asOf;
    const reports = inPeriod(book.delivered, i, 'events');
    const got = inPeriod(book.delivered, i);
    let state: PeriodStatus['state'];
    if (covered[i]! >= 0) state = 'covered-by-span';
    else if (!reports) state = complete ? 'unknown' : 'pending';
    else state = got >= d ? 'met' : complete ? 'short' : 'pending';
    if (state === 'short') shortfall = true;
    if (state === 'unknown') unknown++;
    if (covered[i]! < 0) {
      delivered += got;
      low += got + inPeriod(book.deliveredLow, i);
      high += got + inPeriod(book.deliveredHigh, i);
    }
    periods.push({
      index: i + 1,
      start: formatInstant(bounds[i]!, zone),
      end: formatInstant(bounds[i + 1]!, zone),
      due: d,
      delivered: reports ? got : null,
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
    low += s.event.quantity.low;
    high += s.event.quantity.high;
    if (bounds[s.to + 1]! <= ctx.asOf && s.quantity < spanDue) shortfall = true;
    arithmetic.push(
      `periods ${s.from + 1}–${s.to + 1} are reported together (${s.event.id}): ${num(s.quantity)} of ${num(spanDue)} due (${Math.round((100 * s.quantity) / spanDue)}%)`,
    );
  }
  for (const p of periods)
    if (p.state === 'short') arithmetic.push(`period ${p.index}: ${num(p.delivered ?? 0)} of ${num(p.due)}`);
  if (unknown)
    arithmetic.push(
      `${unknown} period(s) with no report: ${periods
        .filter((p) => p.state === 'unknown')
        .map((p) => p.index)
        .join(', ')}`,
    );
  const over = phaseOver(run, ctx.asOf);
  const claims = ctx.index.violations.filter((v) => v.obligation === o.id && v.at <= ctx.asOf);
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
  if (claims.length)
    reason += `; ${claims.length} violation report(s) name this obligation (${claims.map((v) => `${v.id}, ${v.status}`).join('; ')})`;
  for (const v of claims)
    counted.add(v, null, `violation reported${v.reportedBy ? ` by ${v.reportedBy}` : ''} (${v.status})`);
  const current = periods.findIndex((p) => p.state === 'pending');
  return {
    state,
    reason,
    due,
    delivered,
    range: low !== high ? { low, high } : null,
    ratio: due ? delivered / due : null,
    nextDeadline: current >= 0 ? bounds[current + 1]! : null,
    counted,
    excluded,
    arithmetic,
    periods,
    upcoming:
      current >= 0 ? [{ at: bounds[current + 1]!, what: `${o.id}: period ${current + 1} closes` }] : [],
  };
}
