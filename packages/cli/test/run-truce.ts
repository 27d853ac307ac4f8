import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, onTestFinished } from 'vitest';

/** The repository root, where `truce` is run from. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The small made-up agreement and ledger the tests use, relative to ROOT. */
export const FIXTURE = 'packages/cli/test/fixtures/mini-pause';

/** What a run of the CLI gave: its exit code and what it printed. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI as a child process from the repository root, without colour. */
export function truce(...args: string[]): Run {
  return runIn({ ...process.env, NO_COLOR: '1' }, args);
}

function runIn(env: NodeJS.ProcessEnv, args: readonly string[]): Run {
  const run = spawnSync(process.execPath, ['packages/cli/bin/truce.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A workspace in a fresh temporary folder (removed after the file's tests), shared by a file's tests
 * in order because creating a PGlite database takes seconds; `inWorkspace` runs the CLI on it with
 * `TRUCE_DATA` set and no `DATABASE_URL`.
 */
export function sharedWorkspace(prefix: string): { dir: string; inWorkspace: (...args: string[]) => Run } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { DATABASE_URL: _unused, ...env } = process.env;
  return {
    dir,
    inWorkspace: (...args) => runIn({ ...env, NO_COLOR: '1', TRUCE_DATA: join(dir, 'data') }, args),
  };
}

/** A fresh folder under the system's temporary folder, holding edited copies of the fixture's files; removed after the test. */
export function fixtureCopy(
  edit: { agreement?: (text: string) => string; ledger?: ((text: string) => string) | null } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'truce-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const agreement = readFileSync(join(ROOT, FIXTURE, 'agreement.yaml'), 'utf8');
  writeFileSync(join(dir, 'agreement.yaml'), edit.agreement ? edit.agreement(agreement) : agreement);
  if (edit.ledger === null) return dir;
  if (edit.ledger) {
    const ledger = readFileSync(join(ROOT, FIXTURE, 'ledger.yaml'), 'utf8');
    writeFileSync(join(dir, 'ledger.yaml'), edit.ledger(ledger));
  } else copyFileSync(join(ROOT, FIXTURE, 'ledger.yaml'), join(dir, 'ledger.yaml'));
  return dir;
}

/** `line:col` (1-based) of the first occurrence of `needle` in `text`. */
export function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`\`${needle}\` is not in the text`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
