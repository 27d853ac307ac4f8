// The fan chart's data: people released by cohort by the end of each day, as percentile bands.
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  defaultStart,
  FAN_RUNS,
  joinRanges,
  runProjection,
  simulateRange,
  summarize,
} from '../src/index.ts';
import { example } from './load-example.ts';

const { agreement } = example('gaza-2023-pause');
const start = defaultStart(agreement, 0);

describe('the fan of people released by day', () => {
  it('with 13 a day and no hazard, every band is 13 a day until the ten-day pause ends, then flat', () => {
    const assumptions = { releases: { 'hostages-women-children': { fixed: 13 } }, horizonDays: 30 };
    const { model } = buildModel(agreement, [], assumptions, start);
    const summary = summarize(model, joinRanges([simulateRange(model, 3, 0, 40)], model), 3);
    const hostages = summary.fan.cohorts.find((c) => c.cohort === 'hostages-women-children')!;
    expect(summary.fan.runs).toBe(40);
    // The pause runs ten days (its cap), so the chart stops a day after the last release.
    expect(hostages.days.map((d) => d.p50)).toEqual([13, 26, 39, 52, 65, 78, 91, 104, 117, 130, 130]);
    for (const d of hostages.days) expect(d.p5).toBe(d.p95);
    // Prisoners follow at three for each hostage (the reciprocal obligation).
    const prisoners = summary.fan.cohorts.find((c) => c.cohort === 'prisoners-women-minors')!;
    expect(prisoners.days.at(-1)!.p50).toBe(390);
    expect(hostages.days.at(-1)!.p50).toBe(summary.released.find((r) => r.cohort === hostages.cohort)!.p50);
    expect(hostages.days[0]!.at).toBe('2023-11-25T07:00:00+02:00');
  });

  it('keeps only the first FAN_RUNS runs, the same whichever worker ran them', async () => {
    const { model } = buildModel(agreement, [], { collapse: { daily: 0.1 } }, start);
    const runs = FAN_RUNS + 500;
    const one = summarize(model, await runProjection(model, { runs, seed: 9, workers: 1 }), 9);
    const two = summarize(model, await runProjection(model, { runs, seed: 9, workers: 2 }), 9);
    expect(one.fan.runs).toBe(FAN_RUNS);
    expect(two.fan).toEqual(one.fan);
  });

  it('a projection whose signal is aborted stops its workers and rejects with the reason', async () => {
    const { model } = buildModel(agreement, [], {}, start);
    const controller = new AbortController();
    const running = runProjection(model, { runs: 5_000_000, seed: 1, workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('too long')), 50);
    await expect(running).rejects.toThrow('too long');
  });
});
