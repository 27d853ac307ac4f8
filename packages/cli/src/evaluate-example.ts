import { evaluate, type Status } from '@truce/core';
import { type EvaluationFlags, resolveEvaluationTimes } from './evaluation-options.ts';
import { loadExample } from './load-example.ts';

/**
 * Loads an example folder and evaluates its agreement against its ledger at the flags' times.
 * The clock is read here, not in core: `now` defaults to the current time.
 */
export function evaluateExample(dir: string, flags: EvaluationFlags, now: number = Date.now()): Status {
  const { agreement, ledger } = loadExample(dir);
  const times = resolveEvaluationTimes(flags, agreement.zone, now);
  return evaluate(agreement, ledger.events, times);
}
