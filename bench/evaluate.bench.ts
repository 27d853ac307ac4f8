// Evaluation speed and memory on a 1,000,000-event ledger, against a bare loop over the same events (issue 2).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { evaluate, parseAgreement } from '@truce/core';
import { bareSum, syntheticLedger } from './synthetic-ledger.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = 5;

export function loadAgreement() {
  const parsed = parseAgreement(
    readFileSync(new URL('../examples/gaza-2023-pause/agreement.yaml', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the example agreement does not parse');
  return parsed.value;
}

function best(fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** Peak resident memory (MB) of a child process that builds the ledger and, with `evaluate`, evaluates it. */
function peakMb(withEvaluate: boolean): number {
  const script = `
    import { evaluate } from '@truce/core';
    import { loadAgreement } from './bench/evaluate.bench.ts';
    import { syntheticLedger } from './bench/synthetic-ledger.ts';
    const a = loadAgreement();
    const events = syntheticLedger(a, ${N});
    ${withEvaluate ? `evaluate(a, events, { asOf: Date.parse('2023-12-01T12:00:00+02:00') });` : ''}
    console.log(process.resourceUsage().maxRSS);`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
    env: { ...process.env, TRUCE_BENCH_CHILD: '1' },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim().split('\n').at(-1)) / 1024;
}

export function run() {
  const agreement = loadAgreement();
  const events = syntheticLedger(agreement, N);
  const asOf = Date.parse('2023-12-01T12:00:00+02:00');
  let check = 0;
  const bareMs = best(() => {
    check = bareSum(events);
  });
  let delivered = 0;
  const evalMs = best(() => {
    const s = evaluate(agreement, events, { asOf });
    delivered = s.obligations.find((o) => o.id === 'israel-release-prisoners-3-to-1')?.delivered ?? 0;
  });
  const ledgerMb = peakMb(false);
  const totalMb = peakMb(true);
  const bareRate = N / (bareMs / 1000);
  const evalRate = N / (evalMs / 1000);
  return {
    name: 'evaluate 1M events (issue 2)',
    rows: [
      [
        'bare loop (floor)',
        `${(bareRate / 1e6).toFixed(1)} M events/s`,
        `${bareMs.toFixed(1)} ms`,
        `sum ${check}`,
      ],
      [
        'evaluate',
        `${(evalRate / 1e6).toFixed(2)} M events/s`,
        `${evalMs.toFixed(1)} ms`,
        `prisoners delivered ${delivered}`,
      ],
      ['evaluate ÷ bare loop', `${((100 * evalRate) / bareRate).toFixed(1)} %`, 'target ≥ 33.3 %', ''],
      ['peak RSS, ledger only', `${ledgerMb.toFixed(0)} MB`, '', ''],
      [
        'peak RSS, ledger + evaluate',
        `${totalMb.toFixed(0)} MB`,
        `evaluation adds ${(totalMb - ledgerMb).toFixed(0)} MB`,
        'target < 300 MB',
      ],
    ],
  };
}
