import type { Command } from 'commander';
import { evaluateTarget } from './evaluate-example.ts';
import { addEvaluationOptions, type EvaluationFlags } from './evaluation-options.ts';
import { formatStatus } from './format-status.ts';
import { useColor } from './text-style.ts';

/** Adds `truce status <example-dir | agreement-id>`. */
export function addStatusCommand(program: Command): void {
  const command = program
    .command('status')
    .description('where the agreement stands: phases, obligations, releases, discrepancies')
    .argument(
      '<example-dir | agreement-id>',
      'a folder with agreement.yaml and (optionally) ledger.yaml, or the id of an agreement in the workspace',
    );
  addEvaluationOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ truce status examples/gaza-2023-pause
  $ truce status examples/gaza-2023-pause --as-of 2023-11-26T12:00:00+02:00
  $ truce status examples/gaza-2023-pause --as-of 2023-11-26 --known-at 2023-11-28 --evidence confirmed-only
  $ truce status examples/gaza-2023-pause --as-of 2023-12-01T12:00:00+02:00 --json
  $ truce status gaza-2023-pause --as-of 2023-12-01T12:00:00+02:00   (from the workspace; see truce init)
  $ truce status gaza-2023-pause --agreement-version 1   (under the first stored version of the agreement)
`,
    )
    .action(async (dir: string, flags: EvaluationFlags) => {
      const status = await evaluateTarget(dir, flags);
      const text = flags.json
        ? JSON.stringify(status, null, 2)
        : formatStatus(status, { color: useColor(process.stdout) });
      process.stdout.write(`${text}\n`);
    });
}
