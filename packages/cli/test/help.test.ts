import { describe, expect, it } from 'vitest';
import { truce } from './run-truce.ts';

describe('truce --help', () => {
  it('describes the program and lists its commands, with examples', () => {
    const run = truce('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: truce');
    for (const command of ['validate', 'status', 'explain']) expect(run.stdout).toContain(command);
    expect(run.stdout).toMatch(/Examples:\n\s+\$ truce /);
  });

  it.each([
    ['validate', /\$ truce validate examples\/\S+\/agreement\.yaml/],
    ['status', /\$ truce status examples\/\S+ --as-of /],
    ['explain', /\$ truce explain examples\/\S+ \S+ --as-of /],
  ])('truce %s --help shows an example', (command, example) => {
    const run = truce(command, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: truce ${command}`);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toMatch(example);
  });

  it('prints the version', () => {
    expect(truce('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown command or option', () => {
    expect(truce('bogus').code).toBe(2);
    expect(truce('status', '--nonsense', 'x').code).toBe(2);
  });
});
