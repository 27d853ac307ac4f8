import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedWorkspace, truce } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-backup-');
const file = join(dir, 'backup.jsonl');
const ID = 'gaza-2023-pause';

/** The same CLI on another workspace folder. */
const inRestored = (...args: string[]) => {
  const { DATABASE_URL: _unused, ...env } = process.env;
  const saved = process.env;
  process.env = { ...env, TRUCE_DATA: join(dir, 'restored') };
  try {
    return truce(...args);
  } finally {
    process.env = saved;
  }
};

describe('truce backup and truce restore', { timeout: 60_000 }, () => {
  it('backs up a workspace to a file and restores it into a new one with identical hashes', () => {
    expect(inWorkspace('init').code).toBe(0);
    const recorded = inWorkspace(
      'record',
      ID,
      '--type',
      'talks-held',
      '--id',
      'backup-check',
      '--occurred',
      '2023-11-20T10:00',
      '--recorded',
      '2023-11-20T12:00',
    );
    expect(recorded.code, recorded.stderr).toBe(0);
    const backup = inWorkspace('backup', '--output', file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/^backed up 1 agreement \(1 version\) and \d+ events to /);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ truceBackup: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ kind: 'end', agreements: 1, versions: 1 });

    const restored = inRestored('restore', file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^restored 1 agreement \(1 version\) and \d+ events into /);
    expect(inRestored('verify', ID).stdout).toBe(inWorkspace('verify', ID).stdout);
    expect(inRestored('events', ID, '--json').stdout).toBe(inWorkspace('events', ID, '--json').stdout);
    // The hashes themselves: a backup of the restored workspace is the same but for its header.
    const again = inRestored('backup');
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n').slice(1)).toEqual(lines.slice(1));
  });

  it('refuses to restore into a workspace that holds agreements, exit 1, and says why', () => {
    const run = inWorkspace('restore', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('empty workspace');
  });

  it('has help with examples', () => {
    expect(truce('backup', '--help').stdout).toContain('Examples:');
    expect(truce('restore', '--help').stdout).toContain('Examples:');
  });
});
