import { describe, expect, it } from 'vitest';
import { buildModel, defaultStart, runProjection, summarize } from '../src/index.ts';
import { example } from './load-example.ts';

const { agreement } = example('gaza-2023-pause');
const assumptions = {
  releases: { 'hostages-women-children': { poisson: 12 } },
  collapse: { daily: 0.05 },
  extension: { probability: 0.6 },
};
const { model } = buildModel(agreement, [], assumptions, defaultStart(agreement, 0));

describe('worker threads', () => {
  it('a seed gives identical runs with 1, 2 and 3 workers (workers run the TypeScript source through tsx)', async () => {
    const one = await runProjection(model, { runs: 3001, seed: 42, workers: 1 });
    let progress = 0;
    const two = await runProjection(model, {
      runs: 3001,
      seed: 42,
      workers: 2,
      onProgress: (d) => (progress = d),
    });
    const three = await runProjection(model, { runs: 3001, seed: 42, workers: 3 });
    for (const other of [two, three]) {
      expect(other.length).toEqual(one.length);
      expect(other.released).toEqual(one.released);
      expect(other.trancheCode).toEqual(one.trancheCode);
      expect(JSON.stringify(summarize(model, other, 42))).toBe(JSON.stringify(summarize(model, one, 42)));
    }
    expect(progress).toBeGreaterThan(0);
    // And another seed gives other runs.
    const other = await runProjection(model, { runs: 3001, seed: 43, workers: 1 });
    expect(other.length).not.toEqual(one.length);
  });
});
