import type { Command } from 'commander';
import { agreementBeside, isLedgerText, loadAgreement, loadLedger, readText } from './load-example.ts';

/**
 * Checks one agreement or ledger file and returns what to print; a ledger (a file with a top-level
 * `events:` key) is checked against the `agreement.yaml` beside it. Throws a CliError listing the issues.
 */
export function validateFile(file: string): string {
  if (isLedgerText(readText(file))) loadLedger(file, agreementBeside(file));
  else loadAgreement(file);
  return `${file}: ok`;
}

/** Adds `truce validate <file>`. */
export function addValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check an agreement or a ledger file and report each issue as file:line:col message')
    .argument('<file>', 'an agreement.yaml, or a ledger.yaml (checked against the agreement.yaml beside it)')
    .addHelpText(
      'after',
      `
A file with a top-level \`events:\` key is read as a ledger. Exits 0 when the file is
valid, 1 when it has issues, 2 when it cannot be read.

Examples:
  $ truce validate examples/gaza-2023-pause/agreement.yaml
  $ truce validate examples/gaza-2023-pause/ledger.yaml
`,
    )
    .action((file: string) => {
      process.stdout.write(`${validateFile(file)}\n`);
    });
}
