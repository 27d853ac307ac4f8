import { existsSync } from 'node:fs';
import { evaluate, type Status } from '@truce/core';
import { CliError } from './cli-error.ts';
import { type EvaluationFlags, resolveEvaluationTimes } from './evaluation-options.ts';
import { loadExample } from './load-example.ts';
import { openWorkspace, workspaceFolderExists, workspaceLocation } from './open-workspace.ts';

/**
 * Loads an example folder and evaluates its agreement against its ledger at the flags' times.
 * The clock is read here, not in core: `now` defaults to the current time.
 */
export function evaluateExample(dir: string, flags: EvaluationFlags, now: number = Date.now()): Status {
  const { agreement, ledger } = loadExample(dir);
  const times = resolveEvaluationTimes(flags, agreement.zone, now);
  return evaluate(agreement, ledger.events, times);
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Evaluates `target`: an example folder when one exists there (or the text cannot be an id), otherwise
 * the stored agreement with that id (its latest version) on its stored ledger.
 */
export async function evaluateTarget(
  target: string,
  flags: EvaluationFlags,
  now: number = Date.now(),
): Promise<Status> {
  if (existsSync(target) || !ID.test(target)) return evaluateExample(target, flags, now);
  const location = workspaceLocation();
  if (!workspaceFolderExists(location))
    throw new CliError(
      'usage',
      `no folder at ${target}, and no workspace at ${location.label} to find an agreement \`${target}\` in`,
    );
  const store = await openWorkspace({ location });
  try {
    const agreement = await store.agreement(target);
    if (!agreement)
      throw new CliError(
        'invalid',
        `no folder at ${target}, and no agreement \`${target}\` in the workspace; \`truce agreement list\` lists them`,
      );
    const times = resolveEvaluationTimes(flags, agreement.zone, now);
    return evaluate(agreement, await store.ledger(target), times);
  } finally {
    await store.close();
  }
}
