import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT } from './run-truce.ts';

describe('truce init', () => {
  it('makes the folders on the way to a TRUCE_DATA that does not exist yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-init-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const data = join(dir, 'not', 'yet', 'data');
    const { DATABASE_URL: _unused, ...env } = process.env;
    const run = spawnSync(process.execPath, ['packages/cli/bin/truce.js', 'init'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...env, NO_COLOR: '1', TRUCE_DATA: data },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(data)).toBe(true);
  });
});
