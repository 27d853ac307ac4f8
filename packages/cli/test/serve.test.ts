import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-truce.ts';

const dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('truce serve', () => {
  it('creates a workspace with the example, serves the API, refuses anonymous writes, and stops on SIGTERM', async () => {
    const { DATABASE_URL: _unused, ...env } = process.env;
    const child = spawn(process.execPath, ['packages/cli/bin/truce.js', 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...env, TRUCE_DATA: join(dir, 'data'), TRUCE_ADMIN_TOKEN: 'serve-test-admin' },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const match = /at (http:\/\/localhost:\d+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`truce serve exited:\n${stderr}`)));
    });
    try {
      expect(stderr).toContain('with the example gaza-2023-pause');
      expect(stderr).toContain('The admin token from TRUCE_ADMIN_TOKEN was stored');
      expect(stderr).toMatch(/admin account "admin". Its password is shown once/);
      const doc = await fetch(`${url}/openapi.json`);
      expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
      const write = await fetch(`${url}/api/agreements/gaza-2023-pause/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(write.status).toBe(401);
      expect(write.headers.get('content-type')).toContain('application/problem+json');
      const status = await fetch(
        `${url}/api/agreements/gaza-2023-pause/status?asOf=2023-12-01T12:00:00%2B02:00`,
        {
          headers: { authorization: 'Bearer serve-test-admin' },
        },
      );
      expect(status.status).toBe(200);
      expect(((await status.json()) as { agreement: { id: string } }).agreement.id).toBe('gaza-2023-pause');
      // The example is open to the public: a first visitor reads it without signing in.
      const listed = await fetch(`${url}/api/agreements`);
      const { agreements } = (await listed.json()) as { agreements: { id: string; public: boolean }[] };
      expect(agreements).toEqual([expect.objectContaining({ id: 'gaza-2023-pause', public: true })]);
      expect((await fetch(`${url}/api/agreements/gaza-2023-pause/status`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('has help with examples', async () => {
    const { truce } = await import('./run-truce.ts');
    expect(truce('serve', '--help').stdout).toContain('Examples:');
  });
});
