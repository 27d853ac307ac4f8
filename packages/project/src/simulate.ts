import { eligibleExtensionDays } from '@truce/core';
import { Random, runSeed } from './random.ts';
import { drawOrder, type SimModel } from './sim-model.ts';

/** What happened in a simulated run that a trace records, in days from the projection's start. */
export type TraceEntry =
  | {
      readonly type: 'phase-started' | 'phase-ended' | 'phase-collapsed';
      readonly phase: string;
      readonly day: number;
    }
  | { readonly type: 'phase-extended'; readonly phase: string; readonly day: number; readonly byDays: number }
  | { readonly type: 'release'; readonly cohort: string; readonly day: number; readonly count: number };

/** The outcomes of runs [from, to), one slot per run (per run × phase, cohort or tranche), in run order. */
export interface RangeResult {
  readonly from: number;
  readonly to: number;
  /** Days the phases ran, in all (from their starts, even before the as-of, to their ends or the horizon). */
  readonly length: Float64Array;
  /** 1 when a phase still ran at the horizon (the length is then a lower bound). */
  readonly censored: Uint8Array;
  /** Per run × phase: 0 never started, 1 running at the horizon, 2 ended, 3 collapsed. */
  readonly phaseCode: Uint8Array;
  readonly phaseExtended: Float64Array;
  /** Per run × cohort: people released after the as-of, by the horizon and by `releasedBy`. */
  readonly released: Float64Array;
  readonly releasedBy: Float64Array;
  /** Per run × tranche: 0 its deadline not reached, 1 met, 2 missed; and the day of the deadline. */
  readonly trancheCode: Uint8Array;
  readonly trancheDay: Float64Array;
  /**
   * Per run × day × cohort, for the runs below FAN_RUNS only: people released after the as-of by the end
   * of each of the first fanDays(model) days (the fan chart's data).
   */
  readonly fan: Float32Array;
  /** Per run that keeps a fan: the days of it written; the days after repeat the last one (0 when none). */
  readonly fanFilled: Uint16Array;
  /** Pause-days simulated (days on which at least one phase ran) and uniforms drawn. */
  days: number;
  draws: number;
}

/** Only the first runs keep their day-by-day releases: enough for percentile bands, and bounded memory. */
export const FAN_RUNS = 4000;
const FAN_DAYS = 365;

/** How many days the fan records: the horizon, at most a year. */
export const fanDays = (model: SimModel) => Math.min(model.horizonDays, FAN_DAYS);

/** Empty outcome arrays for runs [from, to). */
function emptyRange(model: SimModel, from: number, to: number): RangeResult {
  const n = to - from;
  const P = model.phases.length;
  const C = model.cohorts.length;
  const T = model.tranches.length;
  const fanRuns = Math.max(0, Math.min(to, FAN_RUNS) - from);
  return {
    from,
    to,
    length: new Float64Array(n),
    censored: new Uint8Array(n),
    phaseCode: new Uint8Array(n * P),
    phaseExtended: new Float64Array(n * P),
    released: new Float64Array(n * C),
    releasedBy: new Float64Array(n * C),
    trancheCode: new Uint8Array(n * T),
    trancheDay: new Float64Array(n * T),
    fan: new Float32Array(fanRuns * fanDays(model) * C),
    fanFilled: new Uint16Array(fanRuns),
    days: 0,
    draws: 0,
  };
}

/** Runs [from, to) of the projection seeded with `seed`; run i is the same whichever range holds it. */
export function simulateRange(
  model: SimModel,
  seed: number,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): RangeResult {
  const out = emptyRange(model, from, to);
  const sim = new Simulator(model);
  for (let r = from; r < to; r++) {
    sim.run(new Random(runSeed(seed, r)), out, r - from);
    if (onProgress && (r - from + 1) % 1000 === 0) onProgress(r - from + 1);
  }
  return out;
}

/** One run, traced: every phase change and release it simulated (for checking runs against the evaluator). */
export function traceRun(model: SimModel, seed: number, run: number): TraceEntry[] {
  const trace: TraceEntry[] = [];
  const out = emptyRange(model, run, run + 1);
  new Simulator(model, trace).run(new Random(runSeed(seed, run)), out, 0);
  return trace;
}

/** Runs one simulation after another over preallocated state: the hot loop of a projection. */
class Simulator {
  private readonly code: Uint8Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private readonly extended: Float64Array;
  private readonly counted: Float64Array;
  private readonly eventStart: Float64Array;
  private readonly total: Float64Array;
  private readonly today: Float64Array;
  private readonly delivered: Float64Array;
  private readonly trancheCode: Uint8Array;
  private readonly deadline: Float64Array;
  private readonly order: number[];
  /** Per cohort: the phases whose extension rule counts it; per cohort: the tranches it counts for. */
  private readonly ruleOf: number[][];
  private readonly trancheOf: number[][];
  private readonly anyHazard: boolean;

  constructor(
    private readonly model: SimModel,
    private readonly trace?: TraceEntry[],
  ) {
    const P = model.phases.length;
    const C = model.cohorts.length;
    const T = model.tranches.length;
    this.code = new Uint8Array(P);
    this.start = new Float64Array(P);
    this.end = new Float64Array(P);
    this.extended = new Float64Array(P);
    this.counted = new Float64Array(P);
    this.eventStart = new Float64Array(P);
    this.total = new Float64Array(C);
    this.today = new Float64Array(C);
    this.delivered = new Float64Array(T);
    this.trancheCode = new Uint8Array(T);
    this.deadline = new Float64Array(T);
    this.order = drawOrder(model);
    this.ruleOf = model.cohorts.map((c) =>
      model.phases.flatMap((p, i) => (p.rule?.cohorts.has(c.id) ? [i] : [])),
    );
    this.trancheOf = model.cohorts.map((_, ci) =>
      model.tranches.flatMap((t, i) => (t.cohorts.includes(ci) ? [i] : [])),
    );
    this.anyHazard = model.phases.some((p) => p.hazard > 0 && p.endsByCollapse);
  }

  run(rng: Random, out: RangeResult, slot: number): void {
    const { model, code, start, end, extended, counted, eventStart, total, today, delivered, deadline } =
      this;
    const phases = model.phases;
    const P = phases.length;
    const H = model.horizonDays;
    const trace = this.trace;
    for (let p = 0; p < P; p++) {
      const ph = phases[p]!;
      const init = ph.initial;
      code[p] = init.code;
      start[p] = init.startDay;
      end[p] =
        init.code === 0 ? Number.NaN : Number.isNaN(init.endDay) ? Number.POSITIVE_INFINITY : init.endDay;
      extended[p] = init.extendedDays;
      counted[p] = init.counted;
      const s = ph.start;
      if (s.kind === 'event' && init.code === 0)
        eventStart[p] =
          typeof s.delay === 'number' ? s.delay : s.delay.min + rng.uniform() * (s.delay.max - s.delay.min);
    }
    total.fill(0);
    today.fill(0);
    for (let t = 0; t < model.tranches.length; t++) {
      delivered[t] = model.tranches[t]!.delivered;
      this.trancheCode[t] = 0;
      deadline[t] = Number.NaN;
    }
    const C = model.cohorts.length;
    const byDay = model.byDay;
    const D = fanDays(model);
    const fan = out.from + slot < FAN_RUNS ? out.fan : null;
    const fanRow = slot * D * C;
    // Days of the fan written so far; the days between release days repeat the last day written.
    let recorded = 0;
    let days = 0;
    let d = 0;
    for (; d < H; d++) {
      let running = 0;
      let possible = false;
      for (let p = 0; p < P; p++) {
        const ph = phases[p]!;
        if (code[p] === 0) {
          const s = ph.start;
          let at = Number.NaN;
          if (s.kind === 'at') at = s.day;
          else if (s.kind === 'event') at = eventStart[p]!;
          else if (code[s.prior] === 2) at = end[s.prior]! + s.gapDays;
          else if (code[s.prior] === 0 || code[s.prior] === 1) possible = true;
          if (!Number.isNaN(at)) {
            if (at <= d) {
              code[p] = 1;
              start[p] = at;
              end[p] = ph.baseDays === null ? Number.POSITIVE_INFINITY : at + ph.baseDays;
              if (trace && s.kind === 'event') trace.push({ type: 'phase-started', phase: ph.id, day: at });
            } else possible = true;
          }
        }
        if (code[p] === 1 && ph.endsByDuration) {
          while (code[p] === 1 && end[p]! <= d) {
            const rule = ph.rule;
            // The next step is eligible when one more batch of `every` releases would earn it under the
            // agreement's rule (the core's arithmetic): the releases so far cover the days agreed.
            if (
              rule !== null &&
              eligibleExtensionDays(rule, ph.baseDays ?? 0, counted[p]! + rule.every) >=
                extended[p]! + ph.addsDays &&
              rng.uniform() < model.extensionProbability
            ) {
              if (trace)
                trace.push({ type: 'phase-extended', phase: ph.id, day: end[p]!, byDays: ph.addsDays });
              extended[p]! += ph.addsDays;
              end[p]! += ph.addsDays;
            } else code[p] = 2;
          }
        }
        if (code[p] === 1) running++;
      }
      this.settleDeadlines(d);
      if (running === 0) {
        if (!possible) break;
        continue;
      }
      if (this.anyHazard) {
        const u = rng.uniform();
        for (let p = 0; p < P; p++)
          if (code[p] === 1 && phases[p]!.endsByCollapse && u < phases[p]!.hazard) {
            code[p] = 3;
            end[p] = d;
            running--;
            if (trace) trace.push({ type: 'phase-collapsed', phase: phases[p]!.id, day: d });
          }
        if (running === 0) continue;
      }
      days++;
      this.releaseDay(rng, d);
      if (fan !== null && d < D) {
        for (; recorded < d; recorded++)
          if (recorded > 0)
            fan.copyWithin(fanRow + recorded * C, fanRow + (recorded - 1) * C, fanRow + recorded * C);
        for (let c = 0; c < C; c++) fan[fanRow + d * C + c] = total[c]!;
        recorded = d + 1;
      }
      if (byDay !== null && d + 0.5 < byDay)
        for (let c = 0; c < C; c++) out.releasedBy[slot * C + c] = total[c]!;
    }
    if (fan !== null) out.fanFilled[slot] = recorded;
    // At the horizon: deadlines due by then are settled; phases still running are cut there.
    this.settleDeadlines(H);
    let length = 0;
    let censored = 0;
    for (let p = 0; p < P; p++) {
      if (code[p] === 0) continue;
      const stop = code[p] === 1 ? Math.min(end[p]!, H) : end[p]!;
      if (code[p] === 1 && end[p]! > H) censored = 1;
      else if (code[p] === 1) code[p] = 2;
      length += stop - start[p]!;
      out.phaseCode[slot * P + p] = code[p]!;
      out.phaseExtended[slot * P + p] = extended[p]!;
    }
    out.length[slot] = length;
    out.censored[slot] = censored;
    for (let c = 0; c < C; c++) {
      out.released[slot * C + c] = total[c]!;
      if (byDay === null || byDay > d) out.releasedBy[slot * C + c] = total[c]!;
    }
    const T = model.tranches.length;
    for (let t = 0; t < T; t++) {
      out.trancheCode[slot * T + t] = this.trancheCode[t]!;
      out.trancheDay[slot * T + t] = deadline[t]!;
    }
    out.days += days;
    out.draws += rng.draws;
  }

  private releaseDay(rng: Random, d: number): void {
    const { model, code, total, today, counted, delivered } = this;
    for (const c of this.order) {
      const cohort = model.cohorts[c]!;
      let on = false;
      if (cohort.during === null) on = true;
      else for (const p of cohort.during) if (code[p] === 1) on = true;
      if (!on) {
        today[c] = 0;
        continue;
      }
      let n = 0;
      switch (cohort.kind) {
        case 'fixed':
          n = cohort.value;
          break;
        case 'poisson':
          n = rng.poisson(cohort.value);
          break;
        case 'empirical':
          n = cohort.values[Math.floor(rng.uniform() * cohort.values.length)]!;
          break;
        case 'reciprocal':
          for (const [other, per] of cohort.ratio) n += per * today[other]!;
          break;
        default:
          break;
      }
      today[c] = n;
      if (n === 0) continue;
      total[c]! += n;
      if (this.trace) this.trace.push({ type: 'release', cohort: cohort.id, day: d + 0.5, count: n });
      for (const p of this.ruleOf[c]!) if (code[p] === 1) counted[p]! += n;
      for (const t of this.trancheOf[c]!)
        if (this.trancheCode[t] === 0 && code[model.tranches[t]!.phase] === 1) delivered[t]! += n;
    }
  }

  /** Settles every tranche whose deadline is known and has come by `d`. */
  private settleDeadlines(d: number): void {
    const { model, code, start, end, deadline, delivered } = this;
    for (let t = 0; t < model.tranches.length; t++) {
      if (this.trancheCode[t] !== 0) continue;
      const tr = model.tranches[t]!;
      const dl = tr.deadline;
      let at = Number.NaN;
      if (dl.kind === 'at') at = dl.day;
      else if (dl.edge === 'start' && code[dl.phase] !== 0) at = start[dl.phase]! + dl.offsetDays;
      else if (dl.edge === 'end' && code[dl.phase]! >= 2) at = end[dl.phase]! + dl.offsetDays;
      deadline[t] = at;
      if (!Number.isNaN(at) && at <= d) this.trancheCode[t] = delivered[t]! >= tr.count ? 1 : 2;
    }
  }
}
