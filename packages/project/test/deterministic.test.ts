import { evaluate } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { buildModel, defaultStart, joinRanges, simulateRange, summarize, traceRun } from '../src/index.ts';
import { example } from './load-example.ts';
import { traceLedger } from './trace-ledger.ts';

const DAY = 86_400_000;
const { agreement } = example('gaza-2023-pause');
const start = defaultStart(agreement, 0);

/** Projects the Gaza agreement from its start with no ledger, no hazard and fixed daily releases. */
function fixedRun(perDay: number) {
  const assumptions = { releases: { 'hostages-women-children': { fixed: perDay } }, horizonDays: 30 };
  const { model } = buildModel(agreement, [], assumptions, start);
  const trace = traceRun(model, 7, 0);
  const status = evaluate(agreement, traceLedger(agreement, model, trace), { asOf: start + 30 * DAY });
  const summary = summarize(model, joinRanges([simulateRange(model, 7, 0, 50)], model), 7);
  return { model, status, summary };
}

describe('with no hazard and fixed releases, the projection is the engine’s outcome', () => {
  it('13 a day: every step is earned, the pause runs to its ten-day cap, as the evaluator says', () => {
    const { status, summary } = fixedRun(13);
    const pause = status.phases.find((p) => p.id === 'pause')!;
    expect(pause.state).toBe('ended');
    const engineDays = (Date.parse(pause.actualEnd!) - Date.parse(pause.actualStart!)) / DAY;
    expect(engineDays).toBe(10);
    // Every run is the same and equals the engine's figures.
    expect(summary.pauseLength.p5).toBe(engineDays);
    expect(summary.pauseLength.p95).toBe(engineDays);
    expect(summary.phases[0]!.extendedDays.p50).toBe(pause.extensions.length);
    const released = (party: string) => status.released.find((r) => r.party === party)!.inFramework;
    const sim = (cohort: string) => summary.released.find((r) => r.cohort === cohort)!.p50;
    expect(sim('hostages-women-children')).toBe(released('hamas'));
    expect(sim('prisoners-women-minors')).toBe(released('israel'));
    // The release deadline: met in every run, and met in the evaluator's judgement.
    const hamas50 = status.obligations.find((o) => o.id === 'hamas-release-50')!;
    expect(hamas50.state).toBe('fulfilled');
    expect(summary.deadlines[0]!.met).toBe(1);
    // The evaluator's own eligibility arithmetic agrees that the days agreed were earned.
    expect(pause.eligibility!.eligibleDays).toBe(pause.eligibility!.agreedDays);
  });

  it('12 a day: 48 by day four is short of 50, so no extension: four days, deadline missed', () => {
    const { status, summary } = fixedRun(12);
    const pause = status.phases.find((p) => p.id === 'pause')!;
    expect(pause.state).toBe('ended');
    const engineDays = (Date.parse(pause.actualEnd!) - Date.parse(pause.actualStart!)) / DAY;
    expect(engineDays).toBe(4);
    expect(summary.pauseLength.p50).toBe(engineDays);
    expect(status.obligations.find((o) => o.id === 'hamas-release-50')!.state).toBe('partly-fulfilled');
    expect(summary.deadlines[0]!.missed).toBe(1);
    expect(summary.released.find((r) => r.cohort === 'hostages-women-children')!.p50).toBe(
      status.released.find((r) => r.party === 'hamas')!.inFramework,
    );
  });
});

describe('random runs, replayed through the evaluator', () => {
  it('each of 20 traced runs with collapses and extensions gives the evaluator’s pause length and totals', () => {
    const assumptions = {
      releases: { 'hostages-women-children': { poisson: 12.5 } },
      collapse: { daily: 0.08 },
      extension: { probability: 0.7 },
      horizonDays: 30,
    };
    const { model } = buildModel(agreement, [], assumptions, start);
    const range = simulateRange(model, 3, 0, 20);
    for (let r = 0; r < 20; r++) {
      const status = evaluate(agreement, traceLedger(agreement, model, traceRun(model, 3, r)), {
        asOf: start + 30 * DAY,
      });
      const pause = status.phases[0]!;
      const days = (Date.parse(pause.actualEnd!) - Date.parse(pause.actualStart!)) / DAY;
      expect(range.length[r]).toBeCloseTo(days, 9);
      expect(range.phaseCode[r]).toBe(pause.state === 'collapsed' ? 3 : 2);
      expect(range.released[r * model.cohorts.length]).toBe(
        status.released.find((x) => x.party === 'hamas')?.inFramework ?? 0,
      );
    }
  });
});
