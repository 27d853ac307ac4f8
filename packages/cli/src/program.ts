import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error.ts';
import { addExplainCommand } from './explain-command.ts';
import { addStatusCommand } from './status-command.ts';
import { addValidateCommand } from './validate-command.ts';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The `truce` command with its subcommands; commander's exits are turned into exceptions. */
export function createProgram(): Command {
  const program = new Command('truce')
    .description(
      'Turns a phased ceasefire-and-exchange agreement into software: checks agreement and ledger files, and tells where the deal stands, what is due, done, late or disputed, and why.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  addValidateCommand(program);
  addStatusCommand(program);
  addExplainCommand(program);
  program.addHelpText(
    'after',
    `
Examples:
  $ truce validate examples/gaza-2023-pause/agreement.yaml
  $ truce status examples/gaza-2023-pause --as-of 2023-11-26T12:00:00+02:00
  $ truce explain examples/gaza-2023-pause hamas-release-50 --as-of 2023-11-28
  $ truce help status

Exit codes: 0 ok, 1 invalid files or unknown ids, 2 usage errors (bad options, missing files).
`,
  );
  return program;
}

/**
 * Runs the program on `argv` (as in `process.argv`) and returns the exit code. Expected failures are
 * printed on stderr without a stack; anything else is a bug and is rethrown.
 */
export async function runProgram(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    // Commander has already printed its message (or the help, or the version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write([`truce: ${error.message}`, ...error.details].map((l) => `${l}\n`).join(''));
      return error.exitCode;
    }
    throw error;
  }
}
