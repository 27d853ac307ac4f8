import { writeFileSync } from 'node:fs';
import { evaluate } from '@truce/core';
import { exportCsv, exportJsonl, formatDeadlinesIcs } from '@truce/store';
import { type Command, Option } from 'commander';
import { CliError } from './cli-error.ts';
import { resolveEvaluationTimes } from './evaluation-options.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';

type ExportFormat = 'jsonl' | 'csv' | 'ics';

interface ExportFlags {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly asOf?: string;
}

/** Adds `truce export <agreement-id> --format jsonl|csv|ics`. */
export function addExportCommand(program: Command): void {
  program
    .command('export')
    .description('write an agreement’s ledger as JSON Lines or CSV, or its upcoming deadlines as iCalendar')
    .argument('<agreement-id>', 'a stored agreement (see `truce agreement list`)')
    .addOption(
      new Option('--format <format>', 'jsonl or csv (the ledger), ics (upcoming deadlines)')
        .choices(['jsonl', 'csv', 'ics'])
        .makeOptionMandatory(),
    )
    .option('--output <file>', 'write to this file instead of standard output')
    .option(
      '--as-of <time>',
      'for ics: the moment the deadlines are upcoming from (default: now); a time or date in the agreement’s time zone, as for status',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ truce export gaza-2023-pause --format jsonl --output ledger.jsonl
  $ truce export gaza-2023-pause --format csv > ledger.csv
  $ truce export gaza-2023-pause --format ics --as-of 2023-11-26T12:00:00+02:00 --output deadlines.ics
`,
    )
    .action(async (agreementId: string, flags: ExportFlags) => {
      if (flags.asOf !== undefined && flags.format !== 'ics')
        throw new CliError('usage', '--as-of applies to --format ics only');
      const now = Date.now();
      const text = await withWorkspace(async (store) => {
        await requireAgreement(store, agreementId);
        if (flags.format === 'jsonl') return exportJsonl(store, agreementId);
        if (flags.format === 'csv') return exportCsv(store, agreementId);
        const agreement = (await store.agreement(agreementId))!;
        const times = resolveEvaluationTimes(
          flags.asOf === undefined ? {} : { asOf: flags.asOf },
          agreement.zone,
          now,
        );
        const status = evaluate(agreement, await store.ledger(agreementId), times);
        return formatDeadlinesIcs(status, { dtstamp: now });
      });
      if (flags.output === undefined) return void process.stdout.write(text);
      try {
        writeFileSync(flags.output, text);
      } catch (cause) {
        throw new CliError('usage', `cannot write ${flags.output}: ${(cause as Error).message}`, [], {
          cause,
        });
      }
      process.stderr.write(`wrote ${agreementId} as ${flags.format} to ${flags.output}\n`);
    });
}
