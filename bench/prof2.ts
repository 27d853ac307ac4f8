import { evaluate } from '../packages/core/src/evaluate.ts';
import { loadAgreement } from './evaluate.bench.ts';
import { syntheticLedger } from './synthetic-ledger.ts';

const a = loadAgreement();
const events = syntheticLedger(a, 1_000_000);
const asOf = Date.parse('2023-12-01T12:00:00+02:00');
for (let i = 0; i < 20; i++) evaluate(a, events, { asOf });
