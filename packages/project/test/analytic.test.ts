import { describe, expect, it } from 'vitest';
import { buildModel, simulateRange } from '../src/index.ts';
import { example } from './load-example.ts';

const RUNS = 20_000;
const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * A phase that ends only by collapse, with a constant daily hazard h drawn at the start of each day,
 * lasts L whole days with P(L = k) = (1 − h)^k h: E[L] = (1 − h)/h, Var[L] = (1 − h)/h². Capped at D
 * days, E[min(L, D)] = (1 − h)(1 − (1 − h)^D)/h. The tolerance is 4 standard errors of the mean of
 * RUNS runs (sd/√RUNS), so a correct simulator fails about once in 16,000 seeds; the seed is fixed.
 */
describe('constant daily hazard: the expected pause length is known', () => {
  it('open-ended stage 1 of the two-stage framework, h = 0.1: mean (1 − h)/h = 9 days', () => {
    const { agreement } = example('two-stage-framework');
    const h = 0.1;
    const { model } = buildModel(agreement, [], { collapse: { daily: h }, horizonDays: 400 }, 0);
    const result = simulateRange(model, 11, 0, RUNS);
    const expected = (1 - h) / h;
    const se = Math.sqrt((1 - h) / h ** 2 / RUNS);
    expect(Math.abs(mean(result.length) - expected)).toBeLessThan(4 * se);
    expect(result.censored.every((c) => c === 0)).toBe(true);
  });

  it('the four-day Gaza pause with no releases (so no extension), h = 0.2: mean (1 − h)(1 − (1 − h)^4)/h', () => {
    const { agreement } = example('gaza-2023-pause');
    const h = 0.2;
    const start = agreement.phases[0]!.start;
    const asOf = start.kind === 'at' ? start.at : 0;
    const { model } = buildModel(agreement, [], { collapse: { daily: h } }, asOf);
    const result = simulateRange(model, 12, 0, RUNS);
    // The exact distribution of min(L, 4), for its mean and variance.
    const p = [0, 1, 2, 3].map((k) => (1 - h) ** k * h);
    const p4 = (1 - h) ** 4;
    const expected = p.reduce((s, pk, k) => s + k * pk, 0) + 4 * p4;
    expect(expected).toBeCloseTo(((1 - h) * (1 - (1 - h) ** 4)) / h, 12);
    const second = p.reduce((s, pk, k) => s + k * k * pk, 0) + 16 * p4;
    const se = Math.sqrt((second - expected ** 2) / RUNS);
    expect(Math.abs(mean(result.length) - expected)).toBeLessThan(4 * se);
  });
});
