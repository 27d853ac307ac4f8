// The cost of `truce timeline` on a long ledger, against the evaluations it is built from (issue 3).

import { formatTimeline, timelineOf } from '@truce/cli';
import { evaluate } from '@truce/core';
import { loadAgreement } from './evaluate.bench.ts';
import type { BenchResult } from './run.ts';
import { syntheticLedger } from './synthetic-ledger.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = 3;
const plain = { bold: String, dim: String, red: String, yellow: String, green: String };

export async function run(): Promise<BenchResult> {
  const agreement = loadAgreement();
  const events = syntheticLedger(agreement, N);
  const asOf = Date.parse('2023-12-01T12:00:00+02:00');
  let evaluations = 0;
  const source = {
    times: { asOf },
    events,
    statusAt: async (at: number) => {
      evaluations += 1;
      return evaluate(agreement, events, { asOf: at });
    },
  };
  // One evaluation, the timeline's data, and its text, in turn each round; the best round of each is kept.
  const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  let days = 0;
  let lines = 0;
  let perTimeline = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    evaluate(agreement, events, { asOf });
    best[0] = Math.min(best[0]!, performance.now() - t);
    evaluations = 0;
    t = performance.now();
    const timeline = await timelineOf(source);
    best[1] = Math.min(best[1]!, performance.now() - t);
    perTimeline = evaluations;
    t = performance.now();
    lines = formatTimeline(timeline, plain).split('\n').length;
    best[2] = Math.min(best[2]!, performance.now() - t);
    days = timeline.days.length;
  }
  const [evalMs, timelineMs, textMs] = best as [number, number, number];
  const floor = perTimeline * evalMs;
  return {
    name: `timeline of ${N.toLocaleString('en-US')} events (issue 3)`,
    rows: [
      ['one evaluation (baseline)', `${evalMs.toFixed(0)} ms`, 'as of 1 Dec 2023 12:00', ''],
      [
        'timeline data (timelineOf)',
        `${timelineMs.toFixed(0)} ms`,
        `${perTimeline} evaluations: one per day, one before, one at the as-of time`,
        `${days} days`,
      ],
      [
        'timeline ÷ its evaluations',
        `${((100 * timelineMs) / floor).toFixed(0)} %`,
        `of ${perTimeline} × one evaluation = ${floor.toFixed(0)} ms`,
        '',
      ],
      [
        'own work per event',
        `${(((timelineMs - floor) * 1000) / N).toFixed(2)} µs`,
        'timeline less its evaluations, ÷ events',
        'target ≤ 5 µs',
      ],
      [
        'timeline text (formatTimeline)',
        `${textMs.toFixed(0)} ms`,
        `${lines.toLocaleString('en-US')} lines`,
        '',
      ],
    ],
    notes: [
      '- The ledger is bench/synthetic-ledger.ts: releases and deliveries over the seven days of the 2023 pause.',
      '- A timeline evaluates the deal once per day (to see which deadlines were met and what changed each day),',
      '  so its floor is that many evaluations; what it adds (a line per event, the deadlines, the changes) is',
      '  measured per event. The text is one line per event, so it grows with the ledger.',
      '- Each figure is the best of three rounds, run in turn; the machine is shared with other work and noisy.',
    ],
  };
}
