import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate } from '@truce/core';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  defaultStart,
  fitAssumptions,
  parseAssumptions,
  percentileOf,
  quantile,
  simulateRange,
} from '../src/index.ts';
import { example } from './load-example.ts';

const DAY = 86_400_000;
const { agreement, events } = example('gaza-2023-pause');
const start = defaultStart(agreement, 0);
const fit = fitAssumptions(agreement, events, { from: start, days: 4, cohorts: ['hostages-women-children'] });

describe('backtest on the November 2023 pause', () => {
  it('the fit reads 13, 13, 13 and 11 releases on days one to four, and no collapse', () => {
    // Public record (shared/data/gaza-2023-pause.md, day-by-day table, Isr-deal column): 13 on 24, 25 and 26 November,
    // 11 on 27 November — 50 women and children in the four planned days.
    expect(fit.daily['hostages-women-children']).toEqual([13, 13, 13, 11]);
    expect(fit.collapses).toBe(0);
  });

  it('examples/gaza-2023-pause/assumptions.yaml is that fit', () => {
    const file = fileURLToPath(
      new URL('../../../examples/gaza-2023-pause/assumptions.yaml', import.meta.url),
    );
    const parsed = parseAssumptions(readFileSync(file, 'utf8'), file, {
      cohorts: new Set(agreement.cohortHeldBy.keys()),
      phases: new Set(agreement.phases.map((p) => p.id)),
    });
    expect(parsed.ok && parsed.value.releases).toEqual(fit.assumptions.releases);
    expect(parsed.ok && parsed.value.collapse).toEqual(fit.assumptions.collapse);
    expect(parsed.ok && parsed.value.extension).toEqual(fit.assumptions.extension);
  });

  it('the actual 7-day pause falls inside the central 98% of the projection fitted to days one to four', () => {
    // Public record: the pause ran 24 Nov 07:00 → 1 Dec 07:00, "seven-day pause" (Reuters, N53).
    const status = evaluate(agreement, events, { asOf: Date.parse('2023-12-02T00:00:00+02:00') });
    const pause = status.phases[0]!;
    const actual = (Date.parse(pause.actualEnd!) - Date.parse(pause.actualStart!)) / DAY;
    expect(actual).toBe(7);
    const { model } = buildModel(agreement, events, fit.assumptions, start);
    const lengths = Float64Array.from(simulateRange(model, 1, 0, 10_000).length).sort();
    expect(actual).toBeGreaterThanOrEqual(quantile(lengths, 0.01));
    expect(actual).toBeLessThanOrEqual(quantile(lengths, 0.99));
    // Reported in docs/projection.md (mid-rank percentile, seed 1, 10,000 runs).
    expect(percentileOf(lengths, actual).toFixed(1)).toBe('96.8');
  });
});
