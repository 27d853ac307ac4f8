import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/program.ts';
import { truce } from './run-truce.ts';

describe('truce --help', () => {
  it('describes the program and lists its commands, with examples', () => {
    const run = truce('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: truce');
    for (const command of [
      'validate',
      'status',
      'explain',
      'init',
      'agreement',
      'record',
      'events',
      'verify',
    ])
      expect(run.stdout).toContain(command);
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

  it.each([
    ['init', /\$ truce init\n/],
    ['agreement', /\$ truce agreement add \S+/],
    ['agreement add', /\$ truce agreement add \S+\.yaml/],
    ['agreement list', /\$ truce agreement list/],
    ['agreement show', /\$ truce agreement show \S+ --version 1/],
    ['record', /\$ truce record \S+ --type release .*--count \d+/],
    ['events', /\$ truce events \S+ --type release/],
    ['verify', /\$ truce verify \S+/],
  ])('truce %s --help shows an example (in process)', (path, example) => {
    let command = createProgram();
    for (const name of path.split(' ')) command = command.commands.find((c) => c.name() === name)!;
    let out = '';
    command.configureOutput({
      writeOut: (text) => {
        out += text;
      },
    });
    command.outputHelp();
    expect(out).toContain(`Usage: truce ${path}`);
    expect(out).toContain('Examples:');
    expect(out).toMatch(example);
  });

  it('prints the version', () => {
    expect(truce('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown command or option', () => {
    expect(truce('bogus').code).toBe(2);
    expect(truce('status', '--nonsense', 'x').code).toBe(2);
  });
});
