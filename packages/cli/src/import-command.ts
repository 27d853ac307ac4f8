import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { formatBadRecord, type ImportResult, importCsv, importJsonl } from '@truce/store';
import { type Command, Option } from 'commander';
import { CliError } from './cli-error.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';

type ImportFormat = 'jsonl' | 'csv';

interface ImportFlags {
  readonly format?: ImportFormat;
  readonly skipBad?: boolean;
  readonly json?: boolean;
}

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

/** The file's format: from `--format`, else from its extension. */
function importFormat(file: string, flag: ImportFormat | undefined): ImportFormat {
  if (flag !== undefined) return flag;
  const format = EXTENSIONS[extname(file).toLowerCase()];
  if (format === undefined)
    throw new CliError(
      'usage',
      `cannot tell the format of ${file} from its extension; give --format jsonl or csv`,
    );
  return format;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CliError('usage', `cannot read ${file}: ${(cause as Error).message}`, [], { cause });
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

/** Adds `truce import <agreement-id> <file>`. */
export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'append events from a JSON Lines or CSV file to an agreement’s ledger (all or nothing unless --skip-bad)',
    )
    .argument('<agreement-id>', 'a stored agreement (see `truce agreement list`)')
    .argument('<file>', 'a .jsonl/.ndjson or .csv file of events')
    .addOption(
      new Option('--format <format>', 'the file’s format (default: from its extension)').choices([
        'jsonl',
        'csv',
      ]),
    )
    .option('--skip-bad', 'append the good lines and report the bad ones (exit 1 still)')
    .option('--json', 'print JSON (appended and skipped counts, bad lines) instead of text')
    .addHelpText(
      'after',
      `
Every bad line is printed as file:line: message on stderr, and the exit code is 1; without
--skip-bad nothing is written. Events already stored with the same content are skipped, so an
import run again duplicates nothing.

Examples:
  $ truce import gaza-2023-pause ledger.jsonl
  $ truce import gaza-2023-pause reports.csv --skip-bad
  $ truce import gaza-2023-pause reports.txt --format csv --json
`,
    )
    .action(async (agreementId: string, file: string, flags: ImportFlags) => {
      const format = importFormat(file, flags.format);
      const text = readText(file);
      const progress = process.stderr.isTTY === true;
      const result: ImportResult = await withWorkspace(async (store) => {
        await requireAgreement(store, agreementId);
        if (progress) process.stderr.write(`importing ${file} into ${agreementId}…\n`);
        const options = flags.skipBad ? { skipBad: true } : {};
        return format === 'csv'
          ? await importCsv(store, agreementId, text, options)
          : await importJsonl(store, agreementId, text, options);
      });
      if (progress) process.stderr.write(`import of ${file} done\n`);
      const badLines = result.bad.map((bad) => formatBadRecord(file, bad));
      if (flags.json)
        process.stdout.write(
          `${JSON.stringify(
            {
              agreement: agreementId,
              ok: result.ok,
              appended: result.appended.length,
              skipped: result.skipped.length,
              bad: badLines,
            },
            null,
            2,
          )}\n`,
        );
      else
        process.stdout.write(
          `${plural(result.appended.length, 'event')} appended, ${result.skipped.length} already stored (skipped)\n`,
        );
      if (badLines.length === 0) return;
      throw new CliError(
        'invalid',
        result.ok
          ? `${plural(badLines.length, 'bad line')} left out`
          : `${plural(badLines.length, 'bad line')}; nothing was written (--skip-bad appends the good lines)`,
        badLines,
      );
    });
}
