import { describe, expect, it } from 'vitest';
import { MinuteRun, MinuteSeries } from './minute-series.ts';

const MINUTE = 60_000;
const read = (run: MinuteRun) => ({
  minutes: [...run.minutes.subarray(0, run.length)],
  amounts: [...run.amounts.subarray(0, run.length)],
});

describe('MinuteRun', () => {
  it('collects the non-zero minutes of several keys, then puts them in minute order, equal minutes as they came', () => {
    const series = new MinuteSeries();
    series.add(0, 10, 2);
    series.add(0, 12, 1);
    series.add(1, 11, 5);
    series.add(1, 12, 7);
    series.add(1, 13, 0);
    const run = new MinuteRun();
    series.collect(0, 0, 20 * MINUTE, 3, run);
    series.collect(1, 0, 20 * MINUTE, 1, run);
    expect(read(run)).toEqual({ minutes: [10, 12, 11, 12], amounts: [6, 3, 5, 7] });
    run.sort();
    expect(read(run)).toEqual({ minutes: [10, 11, 12, 12], amounts: [6, 5, 3, 7] });
  });

  it('grows past its first size and starts again empty when cleared, its arrays kept', () => {
    const run = new MinuteRun();
    for (let m = 0; m < 5000; m++) run.push(m, m * 2);
    expect(run.length).toBe(5000);
    expect(run.minutes[4999]).toBe(4999);
    expect(run.amounts[4999]).toBe(9998);
    const kept = run.minutes;
    run.clear();
    expect(run.length).toBe(0);
    run.push(7, 1);
    expect(read(run)).toEqual({ minutes: [7], amounts: [1] });
    expect(run.minutes).toBe(kept);
  });
});
