import { describe, expect, it } from 'vitest';
import { SMALL } from '../test/given.ts';
import { formatIssue } from './issue.ts';
import { parseAgreement } from './parse-agreement.ts';

/** Replaces the first occurrence of `from` in the small agreement and parses it. */
const mutate = (from: string, to: string) => {
  expect(SMALL).toContain(from);
  return parseAgreement(SMALL.replace(from, to), 'pause.yaml');
};
const issuesOf = (r: ReturnType<typeof parseAgreement>) => {
  if (r.ok) throw new Error('expected issues');
  return r.issues;
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('parseAgreement', () => {
  it('parses the small agreement', () => {
    const r = parseAgreement(SMALL, 'pause.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.phases.map((p) => p.id)).toEqual(['pause']);
  });

  it('names an unknown key, its place, and the nearest valid key', () => {
    const text = SMALL.replace('    duration: P4D', '    durration: P4D');
    const [issue] = issuesOf(parseAgreement(text, 'pause.yaml'));
    expect(issue).toMatchObject({
      code: 'unknown-key',
      line: lineOf(text, 'durration'),
      column: 5,
      file: 'pause.yaml',
    });
    expect(issue!.message).toBe('unknown key `durration`; did you mean `duration`?');
    expect(formatIssue(issue!)).toMatch(/^pause\.yaml:\d+:5 unknown key/);
  });

  it('suggests an ISO 8601 duration for words', () => {
    const [issue] = issuesOf(mutate('duration: P4D', 'duration: four days'));
    expect(issue!.message).toBe('`four days` is not an ISO 8601 duration; did you mean `P4D`?');
    expect(issue!.path).toEqual(['phases', 0, 'duration']);
    expect(issue!.column).toBe(15);
  });

  it('names an undefined cohort and the nearest defined one', () => {
    const [issue] = issuesOf(
      mutate('cohorts: [held-by-a]\n    count: 10', 'cohorts: [held-by-c]\n    count: 10'),
    );
    expect(issue).toMatchObject({ code: 'undefined-reference', path: ['obligations', 0, 'cohorts', 0] });
    expect(issue!.message).toContain('`held-by-c` is not a defined cohort; did you mean `held-by-a`?');
  });

  it('names an undefined party and phase', () => {
    const parties = issuesOf(
      mutate(
        'party: a\n    phase: pause\n    cohorts: [held-by-a]\n    count',
        'party: z\n    phase: paus\n    cohorts: [held-by-a]\n    count',
      ),
    );
    expect(parties.map((i) => i.code)).toEqual(['undefined-reference', 'undefined-reference']);
    expect(parties[1]!.message).toContain('did you mean `pause`?');
  });

  it('rejects an impossible date with its reason', () => {
    const [issue] = issuesOf(mutate('2024-03-01T08:00', '2024-02-30T08:00'));
    expect(issue).toMatchObject({ code: 'bad-time', path: ['phases', 0, 'start', 'at'] });
    expect(issue!.message).toContain('that month has 29 days');
  });

  it('rejects an unknown time zone and suggests one', () => {
    const [issue] = issuesOf(mutate('timeZone: Europe/Paris', 'timeZone: Europe/Pari'));
    expect(issue!.message).toContain('did you mean `Europe/Paris`?');
  });

  it('finds a cycle in phase order', () => {
    const text = `
id: cyc
title: Cycle
timeZone: UTC
parties: [{ id: a, name: A }, { id: b, name: B }]
phases:
  - { id: one, name: One, start: { after: two } }
  - { id: two, name: Two, start: { after: one } }
`;
    const issues = issuesOf(parseAgreement(text, 'cyc.yaml'));
    expect(issues[0]).toMatchObject({ code: 'phase-cycle' });
    expect(issues[0]!.message).toContain('one → two → one');
    expect(issues[0]!.line).toBe(7);
  });

  it('names an unknown obligation kind and the nearest', () => {
    const [issue] = issuesOf(mutate('kind: refrain', 'kind: refrian'));
    expect(issue!.message).toContain('`kind: refrian` is not known');
    expect(issue!.message).toContain('did you mean `refrain`?');
  });

  it('says which kinds there are when `kind` is missing', () => {
    const [issue] = issuesOf(mutate('    kind: refrain\n', ''));
    expect(issue).toMatchObject({ code: 'missing-key', path: ['obligations', 2] });
    expect(issue!.message).toContain('`kind` is required here; one of `release`');
  });

  it('points at a bad zone, not at the time beside it', () => {
    const [issue] = issuesOf(
      mutate('start: { at: 2024-03-01T08:00 }', 'start: { at: 2024-03-01T08:00, zone: Europe/Pariss }'),
    );
    expect(issue).toMatchObject({ code: 'bad-zone', path: ['phases', 0, 'start', 'zone'] });
    expect(issue!.message).toContain('did you mean `Europe/Paris`?');
  });

  it('reports YAML syntax errors with line and column', () => {
    const [issue] = issuesOf(parseAgreement('id: x\ntitle: [unclosed\n', 'bad.yaml'));
    expect(issue!.code).toBe('yaml');
    expect(issue!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing required key at its parent', () => {
    const [issue] = issuesOf(mutate('title: Small pause\n', ''));
    expect(issue).toMatchObject({ code: 'missing-key', line: 2 });
    expect(issue!.message).toContain('`title` is required');
  });

  it('reports a wrong type with what was found', () => {
    const [issue] = issuesOf(mutate('count: 10', 'count: ten'));
    expect(issue!.message).toBe('expected number at `obligations.0.count`, found text `ten`');
  });

  it('does not throw on input that is not an agreement', () => {
    for (const text of ['', '42', '- a\n- b', 'null', '{', '\u0000\u0001', 'a: &x [*x]']) {
      const r = parseAgreement(text, 'x.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.line).toBeGreaterThanOrEqual(1);
    }
  });
});
