import { explain } from '@truce/core';
import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { evaluateTarget } from './evaluate-example.ts';
import { addEvaluationOptions, type EvaluationFlags } from './evaluation-options.ts';
import { nearestId } from './nearest-id.ts';

/** Adds `truce explain <example-dir> <obligation-id>`. */
export function addExplainCommand(program: Command): void {
  const command = program
    .command('explain')
    .description('why an obligation is in its state: the clause, the events and the arithmetic')
    .argument(
      '<example-dir | agreement-id>',
      'a folder with agreement.yaml and (optionally) ledger.yaml, or the id of an agreement in the workspace',
    )
    .argument('<obligation-id>', 'the id of an obligation in the agreement');
  addEvaluationOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ truce explain examples/gaza-2023-pause hamas-release-50 --as-of 2023-11-26T12:00:00+02:00
  $ truce explain examples/gaza-2023-pause israel-release-prisoners-3-to-1 --as-of 2023-12-01T12:00:00+02:00 --json
  $ truce explain gaza-2023-pause hamas-release-50   (from the workspace; see truce init)

\`truce status <example-dir>\` lists the obligation ids.
`,
    )
    .action(async (dir: string, id: string, flags: EvaluationFlags) => {
      const status = await evaluateTarget(dir, flags);
      const lines = explain(status, id);
      if (lines === undefined) {
        const known = status.obligations.map((o) => o.id);
        const near = nearestId(id, known);
        throw new CliError(
          'invalid',
          `no obligation \`${id}\` in ${status.agreement.id}${near === undefined ? '' : `; did you mean \`${near}\`?`}`,
          known.length
            ? ['Known obligations:', ...known.map((k) => `  ${k}`)]
            : ['The agreement has no obligations.'],
        );
      }
      const text = flags.json
        ? JSON.stringify(
            {
              agreement: status.agreement.id,
              asOf: status.asOf,
              knownAt: status.knownAt,
              evidence: status.evidence,
              obligation: status.obligations.find((o) => o.id === id) ?? null,
              explanation: lines,
            },
            null,
            2,
          )
        : lines.join('\n');
      process.stdout.write(`${text}\n`);
    });
}
