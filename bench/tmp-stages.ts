import { evaluate } from '../packages/core/src/evaluate.ts';
import { foldLedger } from '../packages/core/src/ledger-fold.ts';
import { loadAgreement } from './evaluate.bench.ts';
import { bareSum, syntheticLedger } from './synthetic-ledger.ts';

const a = loadAgreement();
const events = syntheticLedger(a, 1_000_000);
const asOf = Date.parse('2023-12-01T12:00:00+02:00');
for (let i = 0; i < 6; i++) {
  let t = performance.now();
  bareSum(events);
  const bare = performance.now() - t;
  t = performance.now();
  foldLedger(events, { knownAt: Infinity, asOf, policy: 'best-graded', limit: 1000 });
  const fold = performance.now() - t;
  t = performance.now();
  evaluate(a, events, { asOf });
  const ev = performance.now() - t;
  console.log(
    `bare ${bare.toFixed(1)} fold ${fold.toFixed(1)} evaluate ${ev.toFixed(1)}  ratio ${((100 * bare) / ev).toFixed(1)}%`,
  );
}
