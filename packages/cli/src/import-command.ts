import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  formatBadRecord,
  type ImportOptions,
  type ImportResult,
  importRecords,
  type ParsedRecords,
  parseAcledCsv,
  parseEventsCsv,
  parseJsonl,
  type Store,
} from '@truce/store';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { CliError } from './cli-error.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';
import { progressOn } from './progress-bar.ts';

type ImportFormat = 'jsonl' | 'csv' | 'acled';

interface ImportFlags {
  readonly format?: ImportFormat;
  readonly skipBad?: boolean;
  readonly json?: boolean;
  readonly batchSize: number;
  readonly progress?: boolean;
  readonly actor: Readonly<Record<string, string>>;
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
      `cannot tell the format of ${file} from its extension; give --format jsonl, csv or acled`,
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
  return n === 1 ? `1 ${word}` : `${n.toLocaleString('en')} ${word}s`;
}

function batchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new InvalidArgumentError('a batch size is a whole number from 1 to 1000000');
  return n;
}

/** `--actor 'NAME=ID'`, repeatable: collected into one mapping. */
function actorPair(value: string, previous: Readonly<Record<string, string>>): Record<string, string> {
  const at = value.lastIndexOf('=');
  if (at <= 0 || at === value.length - 1)
    throw new InvalidArgumentError(
      `give the ACLED actor and the party id as 'NAME=ID', not ${JSON.stringify(value)}`,
    );
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
}

async function parseFile(
  store: Store,
  agreementId: string,
  format: ImportFormat,
  text: string,
  flags: ImportFlags,
): Promise<ParsedRecords> {
  if (format === 'jsonl') return parseJsonl(text);
  if (format === 'csv') return parseEventsCsv(text);
  const agreement = (await store.agreement(agreementId))!;
  const recorded = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return parseAcledCsv(text, { agreement, actors: flags.actor, recorded });
}

/** Adds `truce import <agreement-id> <file>`. */
export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'append events from a JSON Lines, CSV or ACLED CSV file to an agreement’s ledger (all or nothing unless --skip-bad)',
    )
    .argument('<agreement-id>', 'a stored agreement (see `truce agreement list`)')
    .argument('<file>', 'a .jsonl/.ndjson or .csv file of events, or an ACLED export with --format acled')
    .addOption(
      new Option('--format <format>', 'the file’s format (default: from its extension)').choices([
        'jsonl',
        'csv',
        'acled',
      ]),
    )
    .option('--skip-bad', 'append the good lines and report the bad ones (exit 1 still)')
    .option('--batch-size <n>', 'events written per transaction', batchSize, 10_000)
    .option(
      '--actor <name=id>',
      'for acled: map an ACLED actor to a party or mediator id (repeatable)',
      actorPair,
      {},
    )
    .option('--progress', 'print a progress line per batch on stderr even when it is not a terminal')
    .option('--json', 'print JSON (appended and skipped counts, bad lines) instead of text')
    .addHelpText(
      'after',
      `
The whole file is checked before anything is written: every bad line is printed as file:line: message
on stderr, the exit code is 1, and without --skip-bad nothing is written. The good events are then
written in batches (--batch-size), each one transaction: an import that is interrupted leaves whole
batches only, and running it again resumes, since events already stored with the same content are
skipped. A file of 50,000 events or more is checked on worker threads; into an agreement with no events
yet, its batches are written while it is checked and kept only if the whole file passes. On a terminal a
progress bar shows the checking and the writing.

ACLED exports (--format acled): battles, explosions/remote violence and violence against civilians
become reported violations by the party actor1 names (matched by the agreement's party and mediator
names, or mapped with --actor); strategic developments become statements; other rows are reported as
bad. See docs/ledger-workflow.md.

Examples:
  $ truce import gaza-2023-pause ledger.jsonl
  $ truce import gaza-2023-pause reports.csv --skip-bad
  $ truce import gaza-2023-pause reports.txt --format csv --json
  $ truce import gaza-2023-pause acled.csv --format acled --actor 'Hamas Movement=hamas' --skip-bad
`,
    )
    .action(async (agreementId: string, file: string, flags: ImportFlags) => {
      const format = importFormat(file, flags.format);
      const text = readText(file);
      const progress = progressOn(process.stderr, { lines: flags.progress === true });
      const result: ImportResult = await withWorkspace(async (store) => {
        await requireAgreement(store, agreementId);
        const parsed = await parseFile(store, agreementId, format, text, flags);
        const options: ImportOptions = {
          batchSize: flags.batchSize,
          ...(flags.skipBad ? { skipBad: true } : {}),
          ...(progress
            ? {
                onProgress: (p) => {
                  if (p.total === 0) progress.update('checking', p.checked, parsed.records.length, 'events');
                  else progress.update(`writing (batch ${p.batches})`, p.written, p.total, 'events');
                },
              }
            : {}),
        };
        try {
          return await importRecords(store, agreementId, parsed, options);
        } finally {
          progress?.end();
        }
      });
      const badLines = result.bad.map((bad) => formatBadRecord(file, bad));
      if (flags.json)
        process.stdout.write(
          `${JSON.stringify(
            {
              agreement: agreementId,
              ok: result.ok,
              appended: result.appended.length,
              skipped: result.skipped.length,
              batches: result.batches,
              bad: badLines,
            },
            null,
            2,
          )}\n`,
        );
      else
        process.stdout.write(
          `${plural(result.appended.length, 'event')} appended in ${result.batches === 1 ? '1 batch' : `${result.batches} batches`}, ${result.skipped.length.toLocaleString('en')} already stored (skipped)\n`,
        );
      if (badLines.length === 0) return;
      throw new CliError(
        'invalid',
        result.ok
          ? `${plural(badLines.length, 'bad line')} left out`
          : result.appended.length > 0
            ? `${plural(badLines.length, 'bad line')}; the batches before it were written`
            : `${plural(badLines.length, 'bad line')}; nothing was written (--skip-bad appends the good lines)`,
        badLines,
      );
    });
}
