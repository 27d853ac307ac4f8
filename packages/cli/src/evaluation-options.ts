import { EVIDENCE_POLICIES, type EvidencePolicy, resolveTime } from '@truce/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { CliError } from './cli-error.ts';

/** The options `status` and `explain` share, as commander hands them over. */
export interface EvaluationFlags {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly evidence?: EvidencePolicy;
  /** A stored version of the agreement to evaluate under (workspace agreements only). */
  readonly agreementVersion?: number;
  readonly json?: boolean;
}

/** The times and policy an evaluation runs at (epoch milliseconds). */
export interface EvaluationTimes {
  readonly asOf: number;
  readonly knownAt?: number;
  readonly evidence?: EvidencePolicy;
}

const TIME_HELP =
  'an RFC 3339 time (2023-11-26T12:00:00+02:00), a local time (2023-11-26T12:00) or a date (2023-11-26, meaning 00:00 that day), read in the agreement’s time zone';

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!/^[1-9][0-9]*$/.test(text.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('give a version number: 1, 2, …');
  return n;
}

/** Adds `--as-of`, `--known-at`, `--evidence`, `--agreement-version` and `--json` to a command. */
export function addEvaluationOptions(command: Command): Command {
  return command
    .option('--as-of <time>', `the moment of the world to evaluate at (default: now); ${TIME_HELP}`)
    .option(
      '--known-at <time>',
      'the moment of the record: only events recorded by then count (default: everything recorded so far; same forms as --as-of)',
    )
    .addOption(
      new Option(
        '--evidence <policy>',
        'which reports count when they disagree (default: best-graded)',
      ).choices(EVIDENCE_POLICIES),
    )
    .option(
      '--agreement-version <n>',
      'evaluate under this stored version of the agreement (default: the latest; `truce agreement list` shows them)',
      positiveInteger,
    )
    .option('--json', 'print JSON instead of text');
}

function resolveFlag(flag: string, text: string, zone: string): number {
  const resolved = resolveTime(text, zone);
  if ('error' in resolved) throw new CliError('usage', `${flag} ${text}: ${resolved.error}`);
  return resolved.start;
}

/**
 * Turns the flags into evaluation times; plain dates and local times are read in `zone`.
 * `now` is the clock reading, used when `--as-of` is not given.
 */
export function resolveEvaluationTimes(flags: EvaluationFlags, zone: string, now: number): EvaluationTimes {
  const asOf = flags.asOf === undefined ? now : resolveFlag('--as-of', flags.asOf, zone);
  const known =
    flags.knownAt === undefined ? {} : { knownAt: resolveFlag('--known-at', flags.knownAt, zone) };
  return flags.evidence === undefined ? { asOf, ...known } : { asOf, ...known, evidence: flags.evidence };
}
