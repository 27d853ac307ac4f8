// Crash safety of `truce import` (issue 3): a real child process is killed with SIGKILL in the middle of
// an import; the store must hold whole batches only, the chain must verify, and running the import
// again must resume without duplicates. On PGlite always, and on PostgreSQL when TRUCE_TEST_DATABASE_URL
// names a server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-truce.ts';

const ID = 'gaza-2023-pause';
const EVENTS = 12_000;
const BATCH = 300;

/** The environment of one workspace: a PGlite folder (named), or a schema of its own on the server. */
type Place = { readonly name: string; readonly env: (folder: string) => Promise<NodeJS.ProcessEnv> };

const { DATABASE_URL: _unused, ...baseEnv } = process.env;
const dir = mkdtempSync(join(tmpdir(), 'truce-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const places: Place[] = [
  {
    name: 'PGlite',
    env: async (folder) => ({ ...baseEnv, NO_COLOR: '1', TRUCE_DATA: join(dir, folder) }),
  },
];
const serverUrl = process.env.TRUCE_TEST_DATABASE_URL;
const schemas: string[] = [];
if (serverUrl)
  places.push({
    name: 'PostgreSQL',
    env: async () => {
      const schema = `truce_crash_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
      const url = new URL(serverUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return { ...baseEnv, NO_COLOR: '1', DATABASE_URL: url.toString() };
    },
  });
afterAll(async () => {
  if (!serverUrl || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

const run = (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['packages/cli/bin/truce.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/**
 * Runs `truce import ARGS --progress` in a child process and kills it with SIGKILL once its progress lines
 * match `at`; the signal it ended with, and what it printed on stderr.
 */
async function importKilledAt(
  env: NodeJS.ProcessEnv,
  at: RegExp,
  ...args: string[]
): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['packages/cli/bin/truce.js', 'import', ...args, '--progress'], {
    cwd: ROOT,
    env,
  });
  let stderr = '';
  const ended = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    if (at.test(stderr)) child.kill('SIGKILL');
  });
  return { signal: await ended, stderr };
}

/** Stored crash-test events (ids `k…`), from `truce events --json`. */
function storedIds(env: NodeJS.ProcessEnv, agreement = ID): string[] {
  const r = run(env, 'events', agreement, '--type', 'talks-held', '--json');
  expect(r.code, r.stderr).toBe(0);
  const listed = JSON.parse(r.stdout) as { event: { id: string } }[];
  return listed.map((e) => e.event.id).filter((id) => id.startsWith('k'));
}

/** A JSON Lines file of `n` talks, ids `k0`, `k1`, …, in the test's folder. */
function talksFile(name: string, n: number): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        id: `k${i}`,
        type: 'talks-held',
        occurred: '2023-11-20T10:00',
        recorded: '2023-11-20T12:00',
        note: `crash test event ${i}`,
      }),
    ).join('\n'),
  );
  return path;
}

const file = talksFile('many.jsonl', EVENTS);

describe.each(places)('truce import killed with SIGKILL, on $name', (place) => {
  it('leaves whole batches only, verifies, and a re-run resumes without duplicates', async () => {
    const env = await place.env('data');
    expect(run(env, 'init').code).toBe(0);

    // Killed while writing, after some batches are committed and before the last.
    const { signal } = await importKilledAt(
      env,
      /writing \(batch 5\)/,
      ID,
      file,
      '--batch-size',
      String(BATCH),
    );
    expect(signal).toBe('SIGKILL');

    const afterKill = storedIds(env);
    expect(afterKill.length).toBeGreaterThanOrEqual(5 * BATCH);
    expect(afterKill.length).toBeLessThan(EVENTS);
    expect(afterKill.length % BATCH).toBe(0);
    expect(afterKill).toEqual(Array.from({ length: afterKill.length }, (_, i) => `k${i}`));
    const verified = run(env, 'verify', ID);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    const again = run(env, 'import', ID, file, '--batch-size', String(BATCH), '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: true,
      appended: EVENTS - afterKill.length,
      skipped: afterKill.length,
    });
    const ids = storedIds(env);
    expect(ids).toHaveLength(EVENTS);
    expect(new Set(ids).size).toBe(EVENTS);
    expect(run(env, 'verify', ID).code).toBe(0);
  });
});

// A first bulk load (50,000 events or more into an agreement with no events) writes its batches while the
// file is still being checked, in one transaction committed only once the whole file has passed.
const BULK = 100_000;
const bulkFile = talksFile('bulk.jsonl', BULK);
const bulkAgreement = join(dir, 'bulk.yaml');
writeFileSync(
  bulkAgreement,
  readFileSync(join(ROOT, 'examples/gaza-2023-pause/agreement.yaml'), 'utf8').replace(
    /^id: gaza-2023-pause$/m,
    'id: bulk-load',
  ),
);

describe.each(places)('a first bulk load killed with SIGKILL while it is checked, on $name', (place) => {
  it('leaves nothing, verifies, and a re-run loads it all once', async () => {
    const env = await place.env('bulk');
    expect(run(env, 'init').code).toBe(0);
    const added = run(env, 'agreement', 'add', bulkAgreement);
    expect(added.code, added.stderr).toBe(0);

    // Two fifths checked: the batches of those lines are being written, none committed.
    const { signal, stderr } = await importKilledAt(env, /checking 40000\//, 'bulk-load', bulkFile);
    expect(signal).toBe('SIGKILL');
    expect(stderr).not.toMatch(/writing/);

    expect(storedIds(env, 'bulk-load')).toEqual([]);
    const verified = run(env, 'verify', 'bulk-load');
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    const again = run(env, 'import', 'bulk-load', bulkFile, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, appended: BULK, skipped: 0 });
    const ids = storedIds(env, 'bulk-load');
    expect(ids).toEqual(Array.from({ length: BULK }, (_, i) => `k${i}`));
    expect(run(env, 'verify', 'bulk-load').code).toBe(0);
  });
});
