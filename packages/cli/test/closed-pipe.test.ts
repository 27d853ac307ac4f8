import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-truce.ts';

describe('a reader that stops early (truce … | head)', () => {
  it('ends the output quietly, without a stack trace, when standard output is closed', async () => {
    const child = spawn(
      process.execPath,
      ['packages/cli/bin/truce.js', 'status', 'examples/gaza-2023-pause', '--as-of', '2023-12-01', '--json'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Close our end at once: every write of the command then meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
