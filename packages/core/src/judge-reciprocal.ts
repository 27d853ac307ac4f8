import type { CompiledObligation } from './compiled-agreement.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { type JudgeContext, type Judgement, num, phaseOver, when, window } from './judgement.ts';
import { type ReleaseKey, sumReleased } from './ledger-fold.ts';
import { MinuteRun, minuteOf, startOfMinute } from './minute-series.ts';
import type { PeriodStatus } from './status.ts';
import { addInZone, formatInstant } from './zoned-time.ts';

const DAY = parseDuration('P1D')!;
// Owed and paid by minute, kept from one judgement to the next: a week of minutes is no garbage.
const owed = new MinuteRun();
const paid = new MinuteRun();

/**
 * Release persons at a ratio to what the other side released, each tranche due within the allowed
 * lag. Judged minute by minute on the folded ledger: at every minute, what was released so far must
 * cover what had become due.
 */
export function judgeReciprocal(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, run } = w;
  const { book } = ctx;
  const zone = ctx.agreement.zone;
  const { counted, excluded } = ctx.lists.get(o.id)!;
  const mine = (k: ReleaseKey) => !k.outside && k.party === o.party && o.cohorts.has(k.cohort);
  const theirs = (k: ReleaseKey) => !k.outside && k.party !== o.party && o.ratio.has(k.cohort);
  // Owed falls due at the other side's release plus the lag; walk owed and paid in minute order.
  const lagMinutes = Math.round((addInZone(start, o.lag!, zone) - start) / 60_000);
  // The other side's releases count until the phase ends; this party's, until the lag after that.
  const end = run.actualEnd ?? Number.POSITIVE_INFINITY;
  const theirsUntil = Math.min(ctx.asOf, end);
  const mineUntilEnd = end === Number.POSITIVE_INFINITY ? end : addInZone(end, o.lag!, zone);
  const mineUntil = Math.min(ctx.asOf, mineUntilEnd);
  // Owed (the other side's releases times the ratio, due a lag later) and paid, by minute.
  owed.clear();
  paid.clear();
  let owedKeys = 0;
  let paidKeys = 0;
  for (let k = 0; k < book.releaseKeys.length; k++) {
    const key = book.releaseKeys[k]!;
    if (theirs(key)) {
      book.released.collect(k, start, theirsUntil, o.ratio.get(key.cohort)!, owed);
      owedKeys++;
    }
    if (mine(key)) {
      book.released.collect(k, start, mineUntil, 1, paid);
      paidKeys++;
    }
  }
  if (owedKeys > 1) owed.sort();
  if (paidKeys > 1) paid.sort();
  let otherTotal = 0;
  for (const k of book.releaseKeys.keys())
    if (theirs(book.releaseKeys[k]!)) otherTotal += book.released.sum(k, start, theirsUntil);
  const asOfMinute = minuteOf(ctx.asOf);
  let owedTotal = 0;
  let owedDue = 0;
  let delivered = 0;
  let firstShort: { at: number; owed: number; paid: number } | null = null;
  let next: number | null = null;
  // Walk both in minute order; at each minute where something falls due, what was paid must cover it.
  let i = 0;
  let j = 0;
  while (i < owed.length || j < paid.length) {
    const dueAt = i < owed.length ? owed.minutes[i]! + lagMinutes : Number.POSITIVE_INFINITY;
    const paidAt = j < paid.length ? paid.minutes[j]! : Number.POSITIVE_INFINITY;
    const m = Math.min(dueAt, paidAt);
    let owedHere = 0;
    for (; i < owed.length && owed.minutes[i]! + lagMinutes === m; i++) owedHere += owed.amounts[i]!;
    for (; j < paid.length && paid.minutes[j] === m; j++) delivered += paid.amounts[j]!;
    owedTotal += owedHere;
    if (m <= asOfMinute) owedDue += owedHere;
    if (owedHere === 0 || delivered + 1e-9 >= owedTotal) continue;
    if (m <= asOfMinute) firstShort ??= { at: startOfMinute(m), owed: owedTotal, paid: delivered };
    else next ??= startOfMinute(m);
  }
  const ownLow = delivered + sumReleased(book, mine, start, mineUntil, 'low');
  const ownHigh = delivered + sumReleased(book, mine, start, mineUntil, 'high');
  const rule = [...o.ratio].map(([c, k]) => `${num(k)} for each of ${c}`).join(', ');
  const arithmetic = [
    `${o.party} owes ${rule}, each within ${formatDuration(o.lag!)} of their release`,
    `released by the other side under the framework: ${num(otherTotal)} → owed ${num(owedTotal)}`,
    `released by ${o.party}: ${num(delivered)}; achieved ratio ${otherTotal ? num(delivered / otherTotal) : '—'} : 1`,
  ];
  // Once the phase has ended nothing more becomes owed; what is owed may still come within the lag.
  const over = phaseOver(run, ctx.asOf) && (ctx.asOf >= mineUntilEnd || delivered + 1e-9 >= owedTotal);
  let state: Judgement['state'];
  let reason: string;
  if (firstShort && delivered + 1e-9 < owedDue) {
    state = over ? (delivered > 0 ? 'partly-fulfilled' : 'violated') : 'overdue';
    reason = `${num(firstShort.paid)} of ${num(firstShort.owed)} owed had been released by ${when(ctx, firstShort.at)}`;
  } else if (firstShort) {
    state = over ? 'fulfilled' : 'in-effect';
    reason = `all ${num(owedTotal)} owed released, but late: ${num(firstShort.paid)} of ${num(firstShort.owed)} by ${when(ctx, firstShort.at)}`;
  } else {
    state = over ? 'fulfilled' : 'in-effect';
    reason = `${num(delivered)} released for ${num(otherTotal)}: ${over ? 'every tranche on time' : 'up to date'}${next ? `; ${num(owedTotal - delivered)} more due by ${when(ctx, next)}` : ''}`;
  }
  if (ownLow !== ownHigh && state !== 'in-effect') {
    const lowShort = ownLow + 1e-9 < owedTotal;
    const highShort = ownHigh + 1e-9 < owedTotal;
    if (lowShort !== highShort) {
      reason = `reports disagree: ${num(ownLow)} to ${num(ownHigh)} released against ${num(owedTotal)} owed; the evidence policy uses ${num(delivered)} (${state})`;
      state = 'disputed';
    }
  }
  return {
    state,
    reason,
    due: owedTotal,
    delivered,
    range: ownLow !== ownHigh ? { low: ownLow, high: ownHigh } : null,
    ratio: otherTotal ? delivered / otherTotal : null,
    nextDeadline: next,
    counted,
    excluded,
    arithmetic,
    periods: dailyRows(o, ctx, start, w.end, mine, theirs),
    upcoming: next ? [{ at: next, what: `${o.id}: ${num(owedTotal - delivered)} owed` }] : [],
  };
}

/** One row per day of the phase: what the other side released, what that made owed, and what was released. */
function dailyRows(
  o: CompiledObligation,
  ctx: JudgeContext,
  start: number,
  end: number | null,
  mine: (k: ReleaseKey) => boolean,
  theirs: (k: ReleaseKey) => boolean,
): PeriodStatus[] {
  const zone = ctx.agreement.zone;
  const stop = Math.min(end ?? ctx.asOf, ctx.asOf);
  const bounds: number[] = [start];
  while (bounds.length < 400 && bounds[bounds.length - 1]! < stop)
    bounds.push(addInZone(bounds[bounds.length - 1]!, DAY, zone));
  const rows: PeriodStatus[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = Math.min(bounds[i + 1]!, ctx.asOf + 1) - 1;
    let owed = 0;
    for (const [cohort, ratio] of o.ratio)
      owed += ratio * sumReleased(ctx.book, (k) => theirs(k) && k.cohort === cohort, from, to);
    const paid = sumReleased(ctx.book, mine, from, to);
    const pending = bounds[i + 1]! > ctx.asOf;
    rows.push({
      index: i + 1,
      start: formatInstant(from, zone),
      end: formatInstant(bounds[i + 1]!, zone),
      due: owed,
      delivered: paid,
      state: paid + 1e-9 >= owed ? 'met' : pending ? 'pending' : 'short',
      note: `${o.party} released ${num(paid)} for ${num(owed)} owed`,
    });
  }
  return rows;
}
