import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Source } from '@truce/core';
import type { Store } from '@truce/store';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { CliError } from './cli-error.ts';
import { openWorkspace, workspaceFolderExists, workspaceLocation } from './open-workspace.ts';

const EXAMPLE = new URL('../../../examples/gaza-2023-pause/', import.meta.url);

/** Stores the bundled 2023 example (agreement and ledger) in `store`: what `truce init` and `truce serve` start from. */
export async function loadBundledExample(store: Store) {
  const agreementFile = fileURLToPath(new URL('agreement.yaml', EXAMPLE));
  const ledgerFile = fileURLToPath(new URL('ledger.yaml', EXAMPLE));
  const added = await store.addAgreement(readFileSync(agreementFile, 'utf8'), agreementFile);
  if (!added.ok) throw new Error(`the bundled example agreement is invalid: ${added.issues[0]?.message}`);
  const ledger = parse(readFileSync(ledgerFile, 'utf8')) as {
    sources?: Record<string, Source>;
    events: unknown[];
  };
  const appended = await store.append(added.id, ledger.events, { sources: ledger.sources ?? {} });
  if (!appended.ok) throw new Error(`the bundled example ledger is invalid: ${appended.issues[0]?.message}`);
  return { added, appended };
}

/** Adds `truce init`. */
export function addInitCommand(program: Command): void {
  program
    .command('init')
    .description('create a workspace here (./.truce) with the November 2023 pause loaded')
    .addHelpText(
      'after',
      `
The workspace is PGlite data in ./.truce, or in the folder TRUCE_DATA names; when DATABASE_URL
is set, it is that PostgreSQL server. Refuses (exit 1) when a workspace already exists there.

Examples:
  $ truce init
  $ TRUCE_DATA=/srv/truce truce init
  $ truce status gaza-2023-pause --as-of 2023-12-01T12:00:00+02:00
`,
    )
    .action(async () => {
      const location = workspaceLocation();
      if (location.kind === 'folder' && workspaceFolderExists(location))
        throw new CliError('invalid', `a workspace already exists at ${location.label}; nothing was changed`);
      const store = await openWorkspace({ create: true, location });
      try {
        if (location.kind === 'server') {
          const [row] = await store.database.query<{ n: number | string }>(
            'SELECT count(*) AS n FROM agreements',
          );
          if (Number(row?.n ?? 0) > 0)
            throw new CliError(
              'invalid',
              `a workspace already exists at ${location.label} (it holds agreements); nothing was changed`,
            );
        }
        const { added, appended } = await loadBundledExample(store);
        const verified = await store.verify(added.id);
        process.stdout.write(
          [
            `Created a workspace at ${location.label}.`,
            `Added agreement ${added.id} (version ${added.version}) from the example.`,
            `Recorded ${appended.appended.length} events from its ledger${verified.ok ? `; chain intact: ${verified.count} events` : ''}.`,
            '',
            'Next:',
            `  truce status ${added.id}`,
            `  truce events ${added.id} --type release`,
            `  truce record ${added.id} --type talks-held --occurred 2023-11-29 --recorded 2023-11-29T20:00`,
            '',
          ].join('\n'),
        );
      } finally {
        await store.close();
      }
    });
}
