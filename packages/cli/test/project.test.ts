import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, truce } from './run-truce.ts';

describe('truce project', () => {
  it('prints a readable summary with percentiles for the 2023 example (its assumptions.yaml beside it)', () => {
    const run = truce('project', 'examples/gaza-2023-pause', '--runs', '2000', '--seed', '1');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2000 runs, seed 1, from 2023-11-24 07:00 (+02:00)');
    expect(run.stdout).toMatch(/Pause length[\s\S]*p5\s+p25\s+p50\s+p75\s+p95\s+mean/);
    expect(run.stdout).toContain('a day drawn from [13, 13, 13, 11]');
    expect(run.stdout).toMatch(/hamas-release-50\s+50\s+\d+\.\d%/);
  });

  it('--json is byte-identical on two runs, and the same with one worker or two', () => {
    const a = truce('project', 'examples/gaza-2023-pause', '--runs', '3000', '--seed', '5', '--json');
    const b = truce('project', 'examples/gaza-2023-pause', '--runs', '3000', '--seed', '5', '--json');
    const one = truce(
      'project',
      'examples/gaza-2023-pause',
      '--runs',
      '3000',
      '--seed',
      '5',
      '--json',
      '--workers',
      '1',
    );
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(one.stdout).toBe(a.stdout);
    const json = JSON.parse(a.stdout);
    expect(json.runs).toBe(3000);
    expect(json.pauseLength.p50).toBeGreaterThanOrEqual(0);
  });

  it('--compare shows both proposals side by side under the same assumptions', () => {
    const run = truce(
      'project',
      'examples/gaza-2023-pause',
      '--runs',
      '1000',
      '--compare',
      'examples/two-stage-framework',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Proposals side by side');
    expect(run.stdout).toMatch(/gaza-2023-pause\s+two-stage-framework/);
    expect(run.stdout).toMatch(/reaches stage-2\s+—\s+\d/);
  });

  it('a bad assumptions file is named with its line and column, exit 1, no stack', () => {
    const dir = fixtureCopy();
    const file = join(dir, 'assumptions.yaml');
    writeFileSync(file, 'extension:\n  probability: yes please\n');
    const run = truce('project', 'examples/gaza-2023-pause', '--assumptions', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2:16`);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('usage errors exit 2', () => {
    expect(truce('project', 'examples/gaza-2023-pause', '--runs', '0').code).toBe(2);
    expect(truce('project', 'examples/nowhere/').code).toBe(2);
    expect(truce('project', 'examples/gaza-2023-pause', '--as-of', 'soon').code).toBe(2);
  });
});
