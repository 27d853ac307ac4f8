import { existsSync } from 'node:fs';
import { evaluate, type Status } from '@truce/core';
import { StoreError } from '@truce/store';
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
 * the stored agreement with that id (its latest version, or `--agreement-version`), read through the
 * store's kept fold of its ledger.
 */
export async function evaluateTarget(
  target: string,
  flags: EvaluationFlags,
  now: number = Date.now(),
): Promise<Status> {
  if (existsSync(target) || !ID.test(target)) {
    if (flags.agreementVersion !== undefined)
      throw new CliError(
        'usage',
        '--agreement-version is for agreements stored in the workspace, not folders',
      );
    return evaluateExample(target, flags, now);
  }
  const location = workspaceLocation();
  if (!workspaceFolderExists(location))
    throw new CliError(
      'usage',
      `no folder at ${target}, and no workspace at ${location.label} to find an agreement \`${target}\` in`,
    );
  const store = await openWorkspace({ location });
  try {
    const versions = await store.agreements(target);
    if (versions.length === 0)
      throw new CliError(
        'invalid',
        `no folder at ${target}, and no agreement \`${target}\` in the workspace; \`truce agreement list\` lists them`,
      );
    const version = flags.agreementVersion;
    const chosen = version === undefined ? versions.at(-1)! : versions.find((v) => v.version === version);
    if (!chosen)
      throw new CliError(
        'invalid',
        `${target} has no version ${version}; its versions are ${versions.map((v) => v.version).join(', ')}`,
      );
    const times = resolveEvaluationTimes(flags, chosen.document.timeZone, now);
    const status = await store.status(target, version === undefined ? times : { ...times, version });
    if (!status) throw new CliError('invalid', `no agreement \`${target}\` in the workspace`);
    return status;
  } catch (error) {
    if (error instanceof StoreError) throw new CliError('invalid', error.message, [], { cause: error });
    throw error;
  } finally {
    await store.close();
  }
}
