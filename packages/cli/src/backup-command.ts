import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { BackupError, restoreBackup, writeBackup } from '@truce/store';
import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { openWorkspace, withWorkspace, workspaceLocation } from './open-workspace.ts';

const count = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** "2 agreements (3 versions) and 65 events". */
const described = (s: { agreements: number; versions: number; events: number }) =>
  `${count(s.agreements, 'agreement')} (${count(s.versions, 'version')}) and ${count(s.events, 'event')}`;

interface BackupFlags {
  readonly output?: string;
}

/** Adds `truce backup` and `truce restore`. */
export function addBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write a full backup of the workspace: every agreement version and every event with its hash',
    )
    .option(
      '--output <file>',
      'write to this file (written whole, then renamed into place) instead of standard output',
    )
    .addHelpText(
      'after',
      `
A backup is JSON Lines: a header, each agreement version as added, each event with its place in the
hash chain and the time it was recorded, and a closing line with the counts. \`truce restore\` reads it
into an empty workspace and reproduces identical hashes.

Examples:
  $ truce backup --output truce-backup.jsonl
  $ TRUCE_DATA=restored truce restore truce-backup.jsonl && TRUCE_DATA=restored truce verify gaza-2023-pause
`,
    )
    .action(async (flags: BackupFlags) => {
      const summary = await withWorkspace(async (store) => {
        if (flags.output === undefined)
          return writeBackup(store.database, (line) => void process.stdout.write(line));
        // Written to a temporary file first, so a failed backup never leaves a half file under the name given.
        const partial = `${flags.output}.partial`;
        let fd: number;
        try {
          fd = openSync(partial, 'w');
        } catch (cause) {
          throw new CliError('usage', `cannot write ${flags.output}: ${(cause as Error).message}`, [], {
            cause,
          });
        }
        try {
          const result = await writeBackup(store.database, (line) => void writeSync(fd, line));
          closeSync(fd);
          renameSync(partial, flags.output);
          return result;
        } catch (error) {
          closeSync(fd);
          throw error;
        }
      });
      if (flags.output !== undefined)
        process.stderr.write(`backed up ${described(summary)} to ${flags.output}\n`);
    });

  program
    .command('restore')
    .description('restore a backup made by `truce backup` into an empty workspace, with identical hashes')
    .argument('<file>', 'a backup file')
    .addHelpText(
      'after',
      `
The workspace (TRUCE_DATA, DATABASE_URL or ./.truce) must hold no agreements; a new folder is created.
Every event's hash is computed again and must equal the backup's, so an altered backup is refused with
its line. The restore is one transaction: it writes all of the backup or nothing.

Examples:
  $ TRUCE_DATA=restored truce restore truce-backup.jsonl
`,
    )
    .action(async (file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        throw new CliError('usage', `cannot read ${file}: ${(cause as Error).message}`, [], { cause });
      }
      const store = await openWorkspace({ create: true });
      try {
        const summary = await restoreBackup(store.database, text);
        process.stdout.write(`restored ${described(summary)} into ${workspaceLocation().label}\n`);
      } catch (error) {
        if (error instanceof BackupError) throw new CliError('invalid', `${file}: ${error.message}`);
        throw error;
      } finally {
        await store.close();
      }
    });
}
