import { formatInstant } from '@truce/core';
import type { SimModel } from './sim-model.ts';
import { FAN_RUNS, fanDays, type RangeResult } from './simulate.ts';

const DAY = 86_400_000;

export interface Spread {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** What a projection of one agreement found over all its runs (no timings, no clock: byte-stable). */
export interface Projection {
  readonly agreement: { readonly id: string; readonly title: string };
  readonly asOf: string;
  readonly runs: number;
  readonly seed: number;
  readonly horizonDays: number;
  /** Days the phases ran in all, per run. */
  readonly pauseLength: Spread & {
    readonly min: number;
    readonly max: number;
    /** Share of runs still running at the horizon (their length is a lower bound). */
    readonly censored: number;
    readonly histogram: readonly { readonly days: number; readonly runs: number }[];
  };
  readonly phases: readonly {
    readonly id: string;
    readonly name: string;
    readonly reached: number;
    readonly ended: number;
    readonly collapsed: number;
    readonly runningAtHorizon: number;
    readonly extendedDays: Spread;
  }[];
  /** People released after the as-of, by cohort, by `by` (the assumptions' releasedBy, or the horizon). */
  readonly released: readonly ({
    readonly cohort: string;
    readonly heldBy: string;
    readonly by: string;
  } & Spread)[];
  readonly deadlines: readonly {
    readonly obligation: string;
    readonly count: number;
    readonly met: number;
    readonly missed: number;
    readonly notReached: number;
    /** When the deadline falls in the runs that miss it (5th, 50th, 95th percentile), or null. */
    readonly missedAt: { readonly p5: string; readonly p50: string; readonly p95: string } | null;
  }[];
  /**
   * People released after the as-of by cohort, by the end of each day (`day` 1 is the first day after the
   * as-of), as percentiles over the first `runs` runs; the days stop once no recorded run releases anyone more.
   */
  readonly fan: {
    readonly runs: number;
    readonly cohorts: readonly {
      readonly cohort: string;
      readonly heldBy: string;
      readonly days: readonly ({ readonly day: number; readonly at: string } & Spread)[];
    }[];
  };
  /** Pause-days simulated in all. */
  readonly pauseDays: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The value at quantile q of sorted values (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Where x falls among the values, in percent (mid-rank: half of the ties count below). */
export function percentileOf(values: ArrayLike<number>, x: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < x) below++;
    else if (values[i] === x) equal++;
  }
  return (100 * (below + equal / 2)) / values.length;
}

export function spread(values: Float64Array): Spread {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: round(sum / Math.max(1, sorted.length)),
    p5: round(quantile(sorted, 0.05)),
    p25: round(quantile(sorted, 0.25)),
    p50: round(quantile(sorted, 0.5)),
    p75: round(quantile(sorted, 0.75)),
    p95: round(quantile(sorted, 0.95)),
  };
}

/** Joins ranges of runs (in any order) into one result over runs [0, n), in run order. */
export function joinRanges(ranges: readonly RangeResult[], model: SimModel): RangeResult {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const n = sorted.reduce((s, r) => s + (r.to - r.from), 0);
  const P = model.phases.length;
  const C = model.cohorts.length;
  const T = model.tranches.length;
  const join = <A extends Float64Array | Uint8Array>(
    make: (k: number) => A,
    pick: (r: RangeResult) => A,
    width: number,
  ) => {
    const all = make(n * width);
    for (const r of sorted) all.set(pick(r), r.from * width);
    return all;
  };
  const f = (k: number) => new Float64Array(k);
  const u = (k: number) => new Uint8Array(k);
  return {
    from: 0,
    to: n,
    length: join(f, (r) => r.length, 1),
    censored: join(u, (r) => r.censored, 1),
    phaseCode: join(u, (r) => r.phaseCode, P),
    phaseExtended: join(f, (r) => r.phaseExtended, P),
    released: join(f, (r) => r.released, C),
    releasedBy: join(f, (r) => r.releasedBy, C),
    trancheCode: join(u, (r) => r.trancheCode, T),
    trancheDay: join(f, (r) => r.trancheDay, T),
    fan: (() => {
      const width = fanDays(model) * C;
      const all = new Float32Array(Math.min(n, FAN_RUNS) * width);
      for (const r of sorted) if (r.from < FAN_RUNS) all.set(r.fan, r.from * width);
      return all;
    })(),
    fanFilled: (() => {
      const all = new Uint16Array(Math.min(n, FAN_RUNS));
      for (const r of sorted) if (r.from < FAN_RUNS) all.set(r.fanFilled, r.from);
      return all;
    })(),
    days: sorted.reduce((s, r) => s + r.days, 0),
    draws: sorted.reduce((s, r) => s + r.draws, 0),
  };
}

const column = <A extends Float64Array | Uint8Array>(all: A, width: number, k: number, n: number) => {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = all[i * width + k]!;
  return out;
};

/** The cohorts that release anyone (drawn or owed in return), with their index in the model. */
const releasing = (model: SimModel) =>
  model.cohorts.map((c, k) => ({ c, k })).filter(({ c }) => c.kind !== 'none');

/** Summarizes all runs of a model: distributions, shares and percentiles. */
export function summarize(model: SimModel, result: RangeResult, seed: number): Projection {
  const n = result.to - result.from;
  const P = model.phases.length;
  const C = model.cohorts.length;
  const T = model.tranches.length;
  const share = (count: number) => round(count / Math.max(1, n));
  const length = spread(result.length);
  const histogram = new Map<number, number>();
  let censored = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = result.length[i]!;
    histogram.set(Math.floor(v), (histogram.get(Math.floor(v)) ?? 0) + 1);
    censored += result.censored[i]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const day = (d: number) => formatInstant(Math.round(model.asOf + d * DAY), model.zone);
  const by = model.byDay ?? model.horizonDays;
  return {
    agreement: { id: model.agreementId, title: model.title },
    asOf: formatInstant(model.asOf, model.zone),
    runs: n,
    seed,
    horizonDays: model.horizonDays,
    pauseLength: {
      ...length,
      min: round(min),
      max: round(max),
      censored: share(censored),
      histogram: [...histogram].sort((a, b) => a[0] - b[0]).map(([days, runs]) => ({ days, runs })),
    },
    phases: model.phases.map((p, k) => {
      const codes = column(result.phaseCode, P, k, n);
      const count = (c: number) => codes.reduce((s, v) => s + (v === c ? 1 : 0), 0);
      return {
        id: p.id,
        name: p.name,
        reached: share(n - count(0)),
        ended: share(count(2)),
        collapsed: share(count(3)),
        runningAtHorizon: share(count(1)),
        extendedDays: spread(column(result.phaseExtended, P, k, n)),
      };
    }),
    released: releasing(model).map(({ c, k }) => ({
      cohort: c.id,
      heldBy: c.heldBy,
      by: day(by),
      ...spread(column(result.releasedBy, C, k, n)),
    })),
    deadlines: model.tranches.map((t, k) => {
      const codes = column(result.trancheCode, T, k, n);
      const days = column(result.trancheDay, T, k, n);
      const missedDays = Float64Array.from(days.filter((_, i) => codes[i] === 2)).sort();
      const count = (c: number) => codes.reduce((s, v) => s + (v === c ? 1 : 0), 0);
      return {
        obligation: t.obligation,
        count: t.count,
        met: share(count(1)),
        missed: share(count(2)),
        notReached: share(count(0)),
        missedAt:
          missedDays.length === 0
            ? null
            : {
                p5: day(quantile(missedDays, 0.05)),
                p50: day(quantile(missedDays, 0.5)),
                p95: day(quantile(missedDays, 0.95)),
              },
      };
    }),
    fan: fanOf(model, result, day),
    pauseDays: result.days,
  };
}

/** The fan chart's percentile bands, from the day-by-day totals of the runs that kept them. */
function fanOf(model: SimModel, result: RangeResult, day: (d: number) => string): Projection['fan'] {
  const C = model.cohorts.length;
  const D = fanDays(model);
  const runs = result.fanFilled.length;
  const filled = result.fanFilled;
  // A run's total on a day after the last it wrote is the one of that day.
  const at = (r: number, d: number, c: number) =>
    filled[r] === 0 ? 0 : result.fan[(r * D + Math.min(d, filled[r]! - 1)) * C + c]!;
  // The last day on which any recorded run released someone; the chart stops a day after it.
  let last = 0;
  for (let r = 0; r < runs; r++)
    for (let d = 1; d < filled[r]!; d++)
      for (let c = 0; c < C; c++) if (at(r, d, c) !== at(r, d - 1, c) && d > last) last = d;
  const shown = Math.min(D, last + 2);
  return {
    runs,
    cohorts: releasing(model).map(({ c, k }) => ({
      cohort: c.id,
      heldBy: c.heldBy,
      days: Array.from({ length: shown }, (_, d) => {
        const values = new Float64Array(runs);
        for (let r = 0; r < runs; r++) values[r] = at(r, d, k);
        return { day: d + 1, at: day(d + 1), ...spread(values) };
      }),
    })),
  };
}
