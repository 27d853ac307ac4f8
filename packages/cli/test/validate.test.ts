import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, fixtureCopy, placeOf, truce } from './run-truce.ts';

/** Edits the fixture's agreement in a temporary copy, validates it, and returns the run and the text. */
function validateEdited(edit: (text: string) => string) {
  const dir = fixtureCopy({ agreement: edit });
  const file = join(dir, 'agreement.yaml');
  return { run: truce('validate', file), file, text: readFileSync(file, 'utf8') };
}

describe('truce validate', () => {
  it('accepts a good agreement and a good ledger', () => {
    const agreement = truce('validate', `${FIXTURE}/agreement.yaml`);
    expect(agreement.code).toBe(0);
    expect(agreement.stdout).toBe(`${FIXTURE}/agreement.yaml: ok\n`);
    const ledger = truce('validate', `${FIXTURE}/ledger.yaml`);
    expect(ledger.code).toBe(0);
    expect(ledger.stdout).toBe(`${FIXTURE}/ledger.yaml: ok\n`);
  });

  it('reports a duration written in words, where it is, with the ISO form to use', () => {
    const { run, file, text } = validateEdited((t) => t.replace('duration: P4D', 'duration: four days'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:${placeOf(text, 'four days')} \`four days\` is not an ISO 8601 duration; did you mean \`P4D\`?`,
    );
  });

  it('reports a misspelt key and suggests the right one', () => {
    const { run, file, text } = validateEdited((t) => t.replace('duration: P4D', 'durration: P4D'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:${placeOf(text, 'durration')} unknown key \`durration\`; did you mean \`duration\`?`,
    );
  });

  it('reports an obligation that names an undefined cohort', () => {
    const { run, file, text } = validateEdited((t) =>
      t.replace('cohorts: [held-by-south]', 'cohorts: [held-by-west]'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:${placeOf(text, 'held-by-west')} \`held-by-west\` is not a defined cohort`,
    );
    expect(run.stdout).not.toContain('ok');
  });

  it('checks a ledger against the agreement beside it', () => {
    const dir = fixtureCopy({ ledger: (t) => t.replace('cohort: held-by-south', 'cohort: held-by-east') });
    const file = join(dir, 'ledger.yaml');
    const run = truce('validate', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${file}:\\d+:\\d+ .*held-by-east`));
  });

  it('exits 2, without a stack trace, when the file or the ledger’s agreement is missing', () => {
    const missing = truce('validate', 'no/such/agreement.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('truce: no file at no/such/agreement.yaml\n');
    const dir = fixtureCopy();
    rmSync(join(dir, 'agreement.yaml'));
    const lonely = truce('validate', join(dir, 'ledger.yaml'));
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toContain(`${join(dir, 'agreement.yaml')}, which is missing`);
    expect(lonely.stderr).not.toMatch(/\n\s+at /);
  });
});
