import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';

/** Adds `truce verify <agreement-id>`. */
export function addVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('recompute an agreement’s hash chain; exit 0 when intact, 1 naming the first broken event')
    .argument('<agreement-id>', 'a stored agreement (see `truce agreement list`)')
    .option('--json', 'print JSON (the store’s verify result) instead of text')
    .addHelpText(
      'after',
      `
Examples:
  $ truce verify gaza-2023-pause
  $ truce verify gaza-2023-pause --json
`,
    )
    .action(async (agreementId: string, flags: { json?: boolean }) => {
      await withWorkspace(async (store) => {
        await requireAgreement(store, agreementId);
        const result = await store.verify(agreementId);
        if (flags.json)
          process.stdout.write(`${JSON.stringify({ agreement: agreementId, ...result }, null, 2)}\n`);
        if (result.ok) {
          if (!flags.json)
            process.stdout.write(`chain intact: ${result.count} event${result.count === 1 ? '' : 's'}\n`);
          return;
        }
        const { seq, eventId, message } = result.firstBroken;
        throw new CliError(
          'invalid',
          `chain broken at event ${seq}${eventId === undefined ? '' : ` (${eventId})`}: ${message}`,
        );
      });
    });
}
