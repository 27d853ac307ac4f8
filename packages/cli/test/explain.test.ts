import { describe, expect, it } from 'vitest';
import { FIXTURE, truce } from './run-truce.ts';

describe('truce explain', () => {
  it('explains an obligation with its clause and arithmetic', () => {
    const run = truce('explain', FIXTURE, 'north-releases', '--as-of', '2023-11-26T12:00:00+02:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('At least 20 civilians will be released over four days.');
    expect(run.stdout).toContain('r-1');
  });

  it('prints the obligation and its explanation as JSON', () => {
    const run = truce('explain', FIXTURE, 'south-releases', '--as-of', '2023-11-26', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.obligation.id).toBe('south-releases');
    expect(out.asOf).toBe('2023-11-26T00:00:00+02:00');
    expect(out.explanation.length).toBeGreaterThan(0);
  });

  it('exits 1 on an unknown id, naming the nearest and listing the known ones', () => {
    const run = truce('explain', FIXTURE, 'north-release', '--as-of', '2023-11-26');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'truce: no obligation `north-release` in mini-pause; did you mean `north-releases`?\n' +
        'Known obligations:\n  north-releases\n  south-releases\n',
    );
  });

  it('explains an obligation of the gaza-2023-pause example, as in the help', () => {
    const run = truce('explain', 'examples/gaza-2023-pause', 'hamas-release-50', '--as-of', '2023-11-28');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^hamas-release-50: release owed by hamas/);
  });

  it('exits 1 on an unknown id in the gaza-2023-pause example', () => {
    const run = truce('explain', 'examples/gaza-2023-pause', 'no-such-obligation', '--as-of', '2023-11-28');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no obligation `no-such-obligation`');
    expect(run.stderr).toContain('Known obligations:');
  });
});
