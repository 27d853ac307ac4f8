import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sharedWorkspace, truce } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-versions-');
const ID = 'gaza-2023-pause';
const AS_OF = ['--as-of', '2023-12-01T12:00:00+02:00'];

describe.sequential('status under a chosen stored version (--agreement-version)', () => {
  it('evaluates under version 1 after an amendment, and under the amendment by default', () => {
    expect(inWorkspace('init').code).toBe(0);
    // The amendment renames one obligation's clause reference.
    const amended = readFileSync(join(ROOT, 'examples', ID, 'agreement.yaml'), 'utf8').replace(
      'ref: Israeli government statement, 22 November 2023',
      'ref: Amended statement',
    );
    const file = join(dir, 'amended.yaml');
    writeFileSync(file, amended);
    expect(inWorkspace('agreement', 'add', file).code).toBe(0);
    const refs = (args: string[]) => {
      const run = inWorkspace('status', ID, ...AS_OF, '--json', ...args);
      expect(run.stderr).toBe('');
      const status = JSON.parse(run.stdout) as {
        agreement: { version: number };
        obligations: { clause: { ref: string } }[];
      };
      return { version: status.agreement.version, refs: status.obligations.map((o) => o.clause.ref) };
    };
    const latest = refs([]);
    expect(latest.version).toBe(2);
    expect(latest.refs).toContain('Amended statement');
    const first = refs(['--agreement-version', '1']);
    expect(first.version).toBe(1);
    expect(first.refs).not.toContain('Amended statement');
  });

  it('names the versions that exist when asked for another, and refuses the option for a folder', () => {
    const missing = inWorkspace('status', ID, '--agreement-version', '7');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('has no version 7; its versions are 1, 2');
    const bad = inWorkspace('status', ID, '--agreement-version', 'two');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give a version number');
    const folder = truce('status', `examples/${ID}`, '--agreement-version', '1');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('--agreement-version is for agreements stored in the workspace');
  });
});
