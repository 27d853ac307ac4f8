import { existsSync } from 'node:fs';
import { evaluate, type LedgerEvent, type Status } from '@truce/core';
import { type Store, StoreError } from '@truce/store';
import { CliError } from './cli-error.ts';
import { type EvaluationFlags, type EvaluationTimes, resolveEvaluationTimes } from './evaluation-options.ts';
import { loadExample } from './load-example.ts';
import { openWorkspace, workspaceFolderExists, workspaceLocation } from './open-workspace.ts';

/** A deal to draw a timeline of: its ledger, and its status at any as-of time (the other times fixed). */
export interface TimelineSource {
  readonly times: EvaluationTimes;
  readonly events: readonly LedgerEvent[];
  statusAt(asOf: number): Promise<Status>;
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Resolves the target as `truce status` does: an example folder when one exists there (or the text
 * cannot be an id), otherwise the stored agreement with that id, read through the store. Runs `work`
 * on it and closes the store afterwards.
 */
export async function withTimelineSource<T>(
  target: string,
  flags: EvaluationFlags,
  now: number,
  work: (source: TimelineSource) => Promise<T>,
): Promise<T> {
  if (existsSync(target) || !ID.test(target)) {
    if (flags.agreementVersion !== undefined)
      throw new CliError(
        'usage',
        '--agreement-version is for agreements stored in the workspace, not folders',
      );
    const { agreement, ledger } = loadExample(target);
    const times = resolveEvaluationTimes(flags, agreement.zone, now);
    return work({
      times,
      events: ledger.events,
      statusAt: async (asOf) => evaluate(agreement, ledger.events, { ...times, asOf }),
    });
  }
  const location = workspaceLocation();
  if (!workspaceFolderExists(location))
    throw new CliError(
      'usage',
      `no folder at ${target}, and no workspace at ${location.label} to find an agreement \`${target}\` in`,
    );
  const store = await openWorkspace({ location });
  try {
    return await work(await storedSource(store, target, flags, now));
  } catch (error) {
    if (error instanceof StoreError) throw new CliError('invalid', error.message, [], { cause: error });
    throw error;
  } finally {
    await store.close();
  }
}

async function storedSource(
  store: Store,
  id: string,
  flags: EvaluationFlags,
  now: number,
): Promise<TimelineSource> {
  const versions = await store.agreements(id);
  if (versions.length === 0)
    throw new CliError(
      'invalid',
      `no folder at ${id}, and no agreement \`${id}\` in the workspace; \`truce agreement list\` lists them`,
    );
  const version = flags.agreementVersion;
  const chosen = version === undefined ? versions.at(-1)! : versions.find((v) => v.version === version);
  if (!chosen)
    throw new CliError(
      'invalid',
      `${id} has no version ${version}; its versions are ${versions.map((v) => v.version).join(', ')}`,
    );
  const times = resolveEvaluationTimes(flags, chosen.document.timeZone, now);
  const events = await store.ledger(id);
  return {
    times,
    events,
    statusAt: async (asOf) => {
      const status = await store.status(
        id,
        version === undefined ? { ...times, asOf } : { ...times, asOf, version },
      );
      if (!status) throw new CliError('invalid', `no agreement \`${id}\` in the workspace`);
      return status;
    },
  };
}
