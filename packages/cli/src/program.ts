import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { addAgreementCommand } from './agreement-command.ts';
import { addBackupCommands } from './backup-command.ts';
import { CliError } from './cli-error.ts';
import { addEventsCommand } from './events-command.ts';
import { addExplainCommand } from './explain-command.ts';
import { addExportCommand } from './export-command.ts';
import { addExtractCommand } from './extract-command.ts';
import { addImportCommand } from './import-command.ts';
import { addInitCommand } from './init-command.ts';
import { addProjectCommand } from './project-command.ts';
import { addRecordCommand } from './record-command.ts';
import { addReviewCommand } from './review-command.ts';
import { addServeCommand } from './serve-command.ts';
import { addStatusCommand } from './status-command.ts';
import { addTimelineCommand } from './timeline-command.ts';
import { addValidateCommand } from './validate-command.ts';
import { addVerifyCommand } from './verify-command.ts';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The `truce` command with its subcommands; commander's exits are turned into exceptions. */
export function createProgram(): Command {
  const program = new Command('truce')
    .description(
      'Turns a phased ceasefire-and-exchange agreement into software: checks agreement and ledger files, keeps a sourced, hash-chained ledger in a workspace (./.truce, TRUCE_DATA or DATABASE_URL), and tells where the deal stands, what is due, done, late or disputed, and why.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions()
    .exitOverride();
  addValidateCommand(program);
  addStatusCommand(program);
  addExplainCommand(program);
  addInitCommand(program);
  addAgreementCommand(program);
  addRecordCommand(program);
  addEventsCommand(program);
  addTimelineCommand(program);
  addVerifyCommand(program);
  addImportCommand(program);
  addExportCommand(program);
  addBackupCommands(program);
  addServeCommand(program);
  addProjectCommand(program);
  addExtractCommand(program);
  addReviewCommand(program);
  program.addHelpText(
    'after',
    `
Examples:
  $ truce validate examples/gaza-2023-pause/agreement.yaml
  $ truce status examples/gaza-2023-pause --as-of 2023-11-26T12:00:00+02:00
  $ truce explain examples/gaza-2023-pause hamas-release-50 --as-of 2023-11-28
  $ truce init
  $ truce record gaza-2023-pause --type talks-held --occurred 2023-11-29 --recorded 2023-11-29T20:00
  $ truce status gaza-2023-pause
  $ truce timeline gaza-2023-pause --as-of 2023-12-01T12:00:00+02:00
  $ truce import gaza-2023-pause reports.csv --skip-bad
  $ truce export gaza-2023-pause --format ics --output deadlines.ics
  $ truce backup --output backup.jsonl
  $ truce project examples/gaza-2023-pause --runs 10000 --seed 1 --compare examples/two-stage-framework
  $ truce extract ../shared/articles/talks-report-2023.txt --published 2023-12-02
  $ truce review ../shared/articles/talks-report-2023.txt --published 2023-12-02 --agreement gaza-2023-pause
  $ truce serve --port 8080
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
