import { diffAgreements, formatIssue, type Issue, parseAgreement } from '@truce/core';
import { type Command, InvalidArgumentError } from 'commander';
import {
  agreementDiffJson,
  chooseVersions,
  formatAgreementDiff,
  unknownAgreement,
} from './agreement-diff.ts';
import { CliError } from './cli-error.ts';
import { readText } from './load-example.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';
import { createStyle, useColor } from './text-style.ts';
import { formatTable } from './text-table.ts';

function positiveInteger(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new InvalidArgumentError('a version is a whole number from 1');
  return Number(text);
}

/** Adds `truce agreement add|list|show|diff`. */
export function addAgreementCommand(program: Command): void {
  const agreement = program
    .command('agreement')
    .description('manage the agreements in the workspace and their versions')
    .addHelpText(
      'after',
      `
Examples:
  $ truce agreement add examples/two-stage-framework/agreement.yaml
  $ truce agreement list
  $ truce agreement show gaza-2023-pause --version 1
  $ truce agreement diff gaza-2023-pause
`,
    );

  agreement
    .command('add')
    .description('check an agreement file and store it as the next version of its agreement')
    .argument('<file>', 'an agreement.yaml')
    .addHelpText(
      'after',
      `
Issues are printed as file:line:col message (exit 1) and nothing is stored. Adding the same
text as the latest version again stores nothing.

Examples:
  $ truce agreement add examples/two-stage-framework/agreement.yaml
  $ truce agreement add my-deal/agreement.yaml
`,
    )
    .action(async (file: string) => {
      const text = readText(file);
      const invalid = (issues: readonly Issue[]) => {
        const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
        return new CliError('invalid', `${file} has ${count}; nothing was stored:`, issues.map(formatIssue));
      };
      // Checked before the workspace is opened, so a broken file fails fast and never touches the store.
      const parsed = parseAgreement(text, file);
      if (!parsed.ok) throw invalid(parsed.issues);
      await withWorkspace(async (store) => {
        const result = await store.addAgreement(text, file);
        if (!result.ok) throw invalid(result.issues);
        process.stdout.write(
          result.added
            ? `added ${result.id} version ${result.version}\n`
            : `unchanged: ${result.id} version ${result.version} already has this text\n`,
        );
      });
    });

  agreement
    .command('list')
    .description('list the stored agreements: latest version and number of events')
    .option('--json', 'print JSON instead of text')
    .addHelpText('after', '\nExamples:\n  $ truce agreement list\n  $ truce agreement list --json\n')
    .action(async (flags: { json?: boolean }) => {
      await withWorkspace(async (store) => {
        const rows = await store.database.query<{
          id: string;
          versions: number | string;
          events: number | string | null;
          added_at: Date | string;
        }>(
          `SELECT a.id, max(a.version) AS versions, max(a.added_at) AS added_at, max(h.seq) AS events
           FROM agreements a LEFT JOIN ledger_heads h ON h.agreement_id = a.id
           GROUP BY a.id ORDER BY a.id`,
        );
        const list = rows.map((r) => ({
          id: r.id,
          latestVersion: Number(r.versions),
          events: Number(r.events ?? 0),
          lastAdded: new Date(r.added_at).toISOString(),
        }));
        if (flags.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        if (list.length === 0)
          return void process.stdout.write('No agreements yet; add one with `truce agreement add <file>`.\n');
        const style = createStyle(useColor(process.stdout));
        const table = formatTable(
          [
            { header: 'id', cell: (r) => r.id },
            { header: 'version', cell: (r) => String(r.latestVersion), align: 'right' },
            { header: 'events', cell: (r) => String(r.events), align: 'right' },
            { header: 'last added', cell: (r) => r.lastAdded },
          ],
          list,
          style,
          '',
        );
        process.stdout.write(`${table.join('\n')}\n`);
      });
    });

  agreement
    .command('show')
    .description('print a stored agreement as it was written (the latest version unless --version)')
    .argument('<id>', 'the agreement id')
    .option('--version <n>', 'the version to show', positiveInteger)
    .option('--json', 'print JSON (id, version, addedAt, document, versions) instead of text')
    .addHelpText(
      'after',
      `
Examples:
  $ truce agreement show gaza-2023-pause
  $ truce agreement show gaza-2023-pause --version 1 --json
`,
    )
    .action(async (id: string, flags: { version?: number; json?: boolean }) => {
      await withWorkspace(async (store) => {
        const versions = await requireAgreement(store, id);
        const wanted = flags.version ?? versions[versions.length - 1]!.version;
        const found = versions.find((v) => v.version === wanted);
        if (!found)
          throw new CliError(
            'invalid',
            `${id} has no version ${wanted}; it has ${versions.map((v) => v.version).join(', ')}`,
          );
        if (flags.json) {
          const json = {
            id,
            version: found.version,
            addedAt: found.addedAt.toISOString(),
            versions: versions.map((v) => v.version),
            document: found.document,
          };
          return void process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        }
        const [row] = await store.database.query<{ text: string }>(
          'SELECT text FROM agreements WHERE id = $1 AND version = $2',
          [id, wanted],
        );
        const header = `# ${id} version ${found.version} of ${versions.length}, added ${found.addedAt.toISOString()}\n`;
        const text = row?.text ?? '';
        process.stdout.write(header + text + (text.endsWith('\n') ? '' : '\n'));
      });
    });

  agreement
    .command('diff')
    .description('what changed between two stored versions: parties, cohorts, phases, obligations, clauses')
    .argument('<id>', 'the agreement id')
    .argument('[from]', 'the older version (default: the one before the latest)', positiveInteger)
    .argument('[to]', 'the newer version (default: the latest)', positiveInteger)
    .option('--json', 'print JSON (id, from, to, metadata, sections, same) instead of text')
    .addHelpText(
      'after',
      `
Compares the agreements as parsed, item by item (matched by id) and field by field, not line by
line: an item is + added, - removed or ~ changed, each change printed as \`path: old → new\` with the
clause it rests on. Exit 1 for an unknown id or version.

Examples:
  $ truce agreement diff gaza-2023-pause          (the two latest versions)
  $ truce agreement diff gaza-2023-pause 1 3
  $ truce agreement diff gaza-2023-pause 1 --json (version 1 against the latest)
`,
    )
    .action(
      async (id: string, from: number | undefined, to: number | undefined, flags: { json?: boolean }) => {
        await withWorkspace(async (store) => {
          const versions = await store.agreements(id);
          if (versions.length === 0) {
            const rows = await store.database.query<{ id: string }>(
              'SELECT DISTINCT id FROM agreements ORDER BY id',
            );
            throw unknownAgreement(
              id,
              rows.map((r) => r.id),
            );
          }
          const pair = chooseVersions(id, versions, from, to);
          const diff = diffAgreements(pair.from.document, pair.to.document);
          const text = flags.json
            ? JSON.stringify(agreementDiffJson(id, pair.from, pair.to, diff), null, 2)
            : formatAgreementDiff(id, pair.from, pair.to, diff, createStyle(useColor(process.stdout)));
          process.stdout.write(`${text}\n`);
        });
      },
    );
}
