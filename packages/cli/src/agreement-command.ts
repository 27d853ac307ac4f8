import { formatIssue, type Issue, parseAgreement } from '@truce/core';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError } from './cli-error.ts';
import { readText } from './load-example.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';
import { createStyle, useColor } from './text-style.ts';
import { formatTable } from './text-table.ts';

function positiveInteger(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new InvalidArgumentError('a version is a whole number from 1');
  return Number(text);
}

/** Adds `truce agreement add|list|show`. */
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
}
