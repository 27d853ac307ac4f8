import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Agreement, formatIssue, type LedgerEvent, parseAgreement, resolveTime } from '@truce/core';
import {
  type Assumptions,
  formatComparison,
  formatProjection,
  knownIdsOf,
  ledgerDraws,
  parseAssumptions,
  project,
  projectionBody,
  proposalsOf,
} from '@truce/project';
import { StoreError } from '@truce/store';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError } from './cli-error.ts';
import { loadExample, readText } from './load-example.ts';
import { openWorkspace, workspaceFolderExists, workspaceLocation } from './open-workspace.ts';
import { progressOn } from './progress-bar.ts';
import { createStyle, useColor } from './text-style.ts';

interface ProjectFlags {
  readonly runs: number;
  readonly seed: number;
  readonly workers?: number;
  readonly assumptions?: string;
  readonly compare?: string;
  readonly asOf?: string;
  readonly json?: boolean;
}

interface Loaded {
  readonly agreement: Agreement;
  readonly events: readonly LedgerEvent[];
  /** The example folder, where an assumptions.yaml may sit. */
  readonly dir: string | null;
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;

const count = (what: string, max: number) => (text: string) => {
  const n = Number(text);
  if (!/^[0-9]+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`give ${what} from 1 to ${max}`);
  return n;
};

function seedOf(text: string): number {
  const n = Number(text);
  if (!/^[0-9]+$/.test(text.trim()) || n > 4_294_967_295)
    throw new InvalidArgumentError('give a whole number from 0 to 4294967295');
  return n;
}

/** Loads an example folder, or the latest stored version of an agreement with its ledger. */
async function load(target: string): Promise<Loaded> {
  if (existsSync(target) || !ID.test(target)) {
    const { agreement, ledger } = loadExample(target);
    return { agreement, events: ledger.events, dir: target };
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
    const latest = versions.at(-1);
    if (!latest)
      throw new CliError(
        'invalid',
        `no folder at ${target}, and no agreement \`${target}\` in the workspace; \`truce agreement list\` lists them`,
      );
    const parsed = parseAgreement(JSON.stringify(latest.document), target);
    if (!parsed.ok)
      throw new CliError('invalid', `${target} does not compile`, parsed.issues.map(formatIssue));
    return { agreement: parsed.value, events: await store.ledger(target), dir: null };
  } catch (error) {
    if (error instanceof StoreError) throw new CliError('invalid', error.message, [], { cause: error });
    throw error;
  } finally {
    await store.close();
  }
}

function loadAssumptions(file: string | undefined, all: readonly Loaded[]): Assumptions {
  const beside = all[0]!.dir === null ? null : join(all[0]!.dir, 'assumptions.yaml');
  const path = file ?? (beside && existsSync(beside) ? beside : undefined);
  if (path === undefined) return {};
  const known = knownIdsOf(all.map((l) => l.agreement));
  const parsed = parseAssumptions(readText(path), path, known);
  if (!parsed.ok) {
    const n = parsed.issues.length;
    throw new CliError(
      'invalid',
      `${path} has ${n === 1 ? '1 issue' : `${n} issues`}:`,
      parsed.issues.map(formatIssue),
    );
  }
  return parsed.value;
}

/** A progress bar on stderr, drawn only when stderr is a terminal. */
function progressBar(): ((done: number, total: number) => void) | undefined {
  const progress = progressOn(process.stderr, { lines: false });
  if (!progress) return undefined;
  return (done, total) => {
    progress.update('', done, total, 'runs');
    if (done >= total) progress.end();
  };
}

/** Adds `truce project <example-dir | agreement-id>`. */
export function addProjectCommand(program: Command): void {
  program
    .command('project')
    .description(
      'seeded Monte Carlo projection: pause length, releases, phases and deadlines; proposals side by side',
    )
    .argument(
      '<example-dir | agreement-id>',
      'a folder with agreement.yaml (and optionally ledger.yaml, assumptions.yaml), or the id of an agreement in the workspace',
    )
    .option('--runs <n>', 'how many simulated runs', count('a number of runs', 10_000_000), 10_000)
    .option('--seed <s>', 'the seed: the same seed gives the same result, whatever the workers', seedOf, 1)
    .option(
      '--assumptions <file>',
      'an assumptions file (default: assumptions.yaml in the example folder, if any); see docs/projection.md',
    )
    .option(
      '--compare <other>',
      'another agreement (folder or id) projected under the same assumptions and seed',
    )
    .option('--workers <n>', 'worker threads (default: one per core)', count('a number of workers', 64))
    .option(
      '--as-of <time>',
      'where the runs start: the ledger up to here is what happened (default: the first fixed phase start); an RFC 3339 time or a local time in the agreement’s time zone',
    )
    .option('--json', 'print JSON instead of text (byte-identical for the same inputs)')
    .addHelpText(
      'after',
      `
Examples:
  $ truce project examples/gaza-2023-pause --runs 10000 --seed 1
  $ truce project examples/gaza-2023-pause --compare examples/two-stage-framework
  $ truce project examples/gaza-2023-pause --assumptions my-assumptions.yaml --json
  $ truce project examples/gaza-2023-pause --as-of 2023-11-27T07:00 --workers 2
  $ truce project gaza-2023-pause --as-of 2023-11-28   (from the workspace; see truce init)

An assumptions file sets releases a day per cohort as { fixed: N }, { poisson: MEAN }, { empirical: [..] }
or { empirical: ledger } (the ledger's whole days before --as-of), a daily collapse hazard, the chance an
eligible extension is agreed, and delays; see docs/projection.md.
`,
    )
    .action(async (target: string, flags: ProjectFlags) => {
      const main = await load(target);
      const all = [main, ...(flags.compare ? [await load(flags.compare)] : [])];
      const written = loadAssumptions(flags.assumptions, all);
      let asOf: number | undefined;
      if (flags.asOf !== undefined) {
        const r = resolveTime(flags.asOf, main.agreement.zone);
        if ('error' in r) throw new CliError('usage', `--as-of ${flags.asOf}: ${r.error}`);
        asOf = r.start;
      }
      const proposals = proposalsOf(all, asOf, Date.now());
      // Draws written `empirical: ledger` take the counts of the ledger so far.
      const drawn = ledgerDraws(written, proposals[0]!);
      if (!drawn.ok)
        throw new CliError(
          'invalid',
          'the assumptions cannot be used as they are:',
          drawn.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        );
      const assumptions = drawn.value;
      const onProgress = progressBar();
      const results = await project(proposals, assumptions, {
        runs: flags.runs,
        seed: flags.seed,
        ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      if (flags.json) {
        const body = projectionBody(results, assumptions, flags.compare !== undefined);
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
        return;
      }
      const style = createStyle(useColor(process.stdout));
      const text = results.map((p) => formatProjection(p, assumptions, style));
      if (results.length > 1) text.push(formatComparison(results, assumptions, style));
      process.stdout.write(`${text.join('\n\n')}\n`);
    });
}
