import type { CompiledObligation } from './compiled-agreement.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { releaseAmount } from './judge-release.ts';
import { type JudgeContext, type Judgement, num, phaseOver, setAsideFor, when, window } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { PeriodStatus } from './status.ts';
import { addInZone, formatInstant } from './zoned-time.ts';

type Release = Extract<LedgerEvent, { type: 'release' }>;
const DAY = parseDuration('P1D')!;
// Times and amounts packed in one float (seconds × 2^24 + hundredths) so a native typed-array sort orders them.
const SCALE = 2 ** 24;

/** Release persons at a ratio to what the other side released, each tranche due within the allowed lag. */
export function judgeReciprocal(o: CompiledObligation, ctx: JudgeContext): Judgement {
  const w = window(o, ctx);
  if ('judged' in w) return w.judged;
  const { start, run } = w;
  const zone = ctx.agreement.zone;
  const perCohorts = new Set(o.ratio.keys());
  const lagMs = addInZone(start, o.lag!, zone) - start;
  const own: { event: Release; amount: number }[] = [];
  const other: { event: Release; amount: number; owed: number }[] = [];
  const excluded: { event: LedgerEvent; reason: string }[] = [];
  let delivered = 0;
  let otherTotal = 0;
  let owedTotal = 0;
  let ownLow = 0;
  let ownHigh = 0;
  for (const e of ctx.index.releases) {
    const mine = e.party === o.party && e.released.some((r) => o.cohorts.has(r.cohort));
    const theirs = e.party !== o.party && e.released.some((r) => perCohorts.has(r.cohort));
    if (!mine && !theirs) continue;
    if (e.outsideFramework) {
      excluded.push({
        event: e,
        reason: mine
          ? 'released outside the framework'
          : 'released outside the framework: nothing is owed for it',
      });
      continue;
    }
    if (e.credited < start || e.credited > ctx.asOf) {
      excluded.push({
        event: e,
        reason: e.credited < start ? `before ${run.phase.name} started` : 'credited after the as-of time',
      });
      continue;
    }
    if (mine) {
      const a = releaseAmount(e, o.cohorts, ctx);
      own.push({ event: e, amount: a.best });
      delivered += a.best;
      ownLow += a.low;
      ownHigh += a.high;
    }
    if (theirs) {
      let owed = 0;
      let n = 0;
      for (const r of e.released) {
        const k = o.ratio.get(r.cohort);
        if (k !== undefined) {
          owed += k * r.best;
          n += r.best;
        }
      }
      other.push({ event: e, amount: n, owed });
      otherTotal += n;
      owedTotal += owed;
    }
  }
  excluded.push(
    ...setAsideFor(
      ctx,
      (e) =>
        e.type === 'release' && e.released.some((r) => o.cohorts.has(r.cohort) || perCohorts.has(r.cohort)),
    ),
  );

  // Each tranche the other side released is owed by its time plus the lag; walk both in time order.
  const base = start - 1000;
  const pack = (t: number, amount: number) =>
    Math.floor((t - base) / 1000) * SCALE + Math.round(amount * 100);
  const owedTimes = new Float64Array(other.length);
  for (let i = 0; i < other.length; i++)
    owedTimes[i] = pack(other[i]!.event.credited + lagMs, other[i]!.owed);
  const paidTimes = new Float64Array(own.length);
  for (let i = 0; i < own.length; i++) paidTimes[i] = pack(own[i]!.event.credited, own[i]!.amount);
  owedTimes.sort();
  paidTimes.sort();
  let paid = 0;
  let owedSoFar = 0;
  let j = 0;
  let firstShort: { at: number; owed: number; paid: number } | null = null;
  let next: number | null = null;
  for (let i = 0; i < owedTimes.length; i++) {
    const v = owedTimes[i]!;
    const t = Math.floor(v / SCALE);
    owedSoFar += (v - t * SCALE) / 100;
    if (i + 1 < owedTimes.length && Math.floor(owedTimes[i + 1]! / SCALE) === t) continue;
    const at = base + t * 1000;
    while (j < paidTimes.length && Math.floor(paidTimes[j]! / SCALE) <= t) {
      const p = paidTimes[j]!;
      paid += (p - Math.floor(p / SCALE) * SCALE) / 100;
      j++;
    }
    if (at > ctx.asOf) {
      if (next === null && paid + 1e-9 < owedSoFar) next = at;
      continue;
    }
    if (paid + 1e-9 < owedSoFar && firstShort === null) firstShort = { at, owed: owedSoFar, paid };
  }
  const rule = [...o.ratio].map(([c, k]) => `${num(k)} for each of ${c}`).join(', ');
  const arithmetic = [
    `${o.party} owes ${rule}, each within ${formatDuration(o.lag!)} of their release`,
    `released by the other side under the framework: ${num(otherTotal)} → owed ${num(owedTotal)}`,
    `released by ${o.party}: ${num(delivered)}; achieved ratio ${otherTotal ? num(delivered / otherTotal) : '—'} : 1`,
  ];
  const over = phaseOver(run, ctx.asOf);
  let state: Judgement['state'];
  let reason: string;
  if (firstShort && delivered + 1e-9 < owedTotal) {
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
    counted: [
      ...other.map((c) => ({
        event: c.event,
        amount: c.amount,
        note: `released by the other side: owes ${num(c.owed)}`,
      })),
      ...own.map((c) => ({ event: c.event, amount: c.amount })),
    ],
    excluded,
    arithmetic,
    periods: dailyRows(o, ctx, start, w.end, own, other),
    upcoming: next ? [{ at: next, what: `${o.id}: ${num(owedTotal - delivered)} owed` }] : [],
  };
}

/** One row per day of the phase: what the other side released, what was owed and what was released. */
function dailyRows(
  o: CompiledObligation,
  ctx: JudgeContext,
  start: number,
  end: number | null,
  own: readonly { event: Release; amount: number }[],
  other: readonly { event: Release; owed: number }[],
): PeriodStatus[] {
  const zone = ctx.agreement.zone;
  const stop = Math.min(end ?? ctx.asOf, ctx.asOf);
  const bounds: number[] = [start];
  while (bounds.length < 400 && bounds[bounds.length - 1]! < stop)
    bounds.push(addInZone(bounds[bounds.length - 1]!, DAY, zone));
  const owed = new Array<number>(bounds.length).fill(0);
  const paid = new Array<number>(bounds.length).fill(0);
  const slot = (t: number) => {
    let i = Math.min(bounds.length - 1, Math.max(0, Math.floor((t - start) / 86_400_000)));
    while (i > 0 && bounds[i]! > t) i--;
    while (i + 1 < bounds.length && bounds[i + 1]! <= t) i++;
    return i;
  };
  for (const c of other) owed[slot(c.event.credited)]! += c.owed;
  for (const c of own) paid[slot(c.event.credited)]! += c.amount;
  const rows: PeriodStatus[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const pending = bounds[i + 1]! > ctx.asOf;
    rows.push({
      index: i + 1,
      start: formatInstant(bounds[i]!, zone),
      end: formatInstant(bounds[i + 1]!, zone),
      due: owed[i]!,
      delivered: paid[i]!,
      state: paid[i]! + 1e-9 >= owed[i]! ? 'met' : pending ? 'pending' : 'short',
      note: `${o.party} released ${num(paid[i]!)} for ${num(owed[i]!)} owed`,
    });
  }
  return rows;
}
