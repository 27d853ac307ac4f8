import { describe, expect, it } from 'vitest';
import { FIXTURE, fixtureCopy, truce } from './run-truce.ts';

const GAZA = 'examples/gaza-2023-pause';

describe('truce status on the gaza-2023-pause example', () => {
  it('prints JSON with phases, obligations and discrepancies', () => {
    const run = truce('status', GAZA, '--as-of', '2023-12-01T12:00:00+02:00', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.phases.length).toBeGreaterThan(0);
    for (const phase of status.phases)
      for (const key of ['id', 'plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'])
        expect(phase).toHaveProperty(key);
    expect(status.obligations.length).toBeGreaterThan(0);
    for (const obligation of status.obligations)
      for (const key of ['id', 'party', 'state', 'due', 'delivered']) expect(obligation).toHaveProperty(key);
    expect(Array.isArray(status.discrepancies)).toBe(true);
  });

  it('opens the text report with the running phase and the totals released', () => {
    const run = truce('status', GAZA, '--as-of', '2023-11-26T12:00:00+02:00');
    expect(run.code).toBe(0);
    const opening = run.stdout.split('\n').slice(0, 8).join('\n');
    expect(opening).toContain('As of Sun 26 Nov 2023 12:00');
    expect(opening).toMatch(/Phase ".+" is running: day 3 of \d+, scheduled to end /);
    expect(opening).toContain('Released so far');
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('truce status', () => {
  it('opens with the title, the times, the phase, the totals and what needs attention', () => {
    const run = truce('status', FIXTURE, '--as-of', '2023-11-26T12:00:00+02:00');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('Mini pause (test fixture)');
    expect(lines[1]).toBe(
      'As of Sun 26 Nov 2023 12:00, with everything recorded so far (Asia/Jerusalem time; evidence: best-graded).',
    );
    expect(lines[2]).toBe('Phase "Pause" is running: day 3 of 4, scheduled to end Tue 28 Nov 2023 07:00.');
    expect(lines.slice(3, 7)).toEqual([
      'Released so far, by the party that released them:',
      '  party  under the agreement  outside it  in all',
      '  north                    5           0       5',
      '  south                   15           0      15',
    ]);
    expect(lines[7]).toBe('Nothing is overdue, violated or disputed.');
    expect(run.stdout).toMatch(/\n {2}north-releases +north +in effect +20 +5 +15 /);
  });

  it('leaves out what was not yet recorded at --known-at', () => {
    const run = truce('status', FIXTURE, '--as-of', '2023-11-26', '--known-at', '2023-11-24T17:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('as known at Fri 24 Nov 2023 17:00');
    expect(run.stdout).toContain('Released so far: nobody.');
  });

  it('evaluates an agreement without a ledger as having no events', () => {
    const run = truce('status', fixtureCopy({ ledger: null }), '--as-of', '2023-11-25');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Released so far: nobody.');
  });

  it('tells how a phase ended once it is over', () => {
    const run = truce('status', FIXTURE, '--as-of', '2023-12-05');
    expect(run.stdout.split('\n')[2]).toBe(
      'Phase "Pause" ended when its time ran out on Tue 28 Nov 2023 07:00, with no extension; it began Fri 24 Nov 2023 07:00.',
    );
  });

  it('exits 2 with a clear message for a missing folder, a bad time or an unknown policy', () => {
    const missing = truce('status', 'examples/nowhere');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('truce: no folder at examples/nowhere\n');
    const badTime = truce('status', FIXTURE, '--as-of', 'yesterday');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toMatch(/^truce: --as-of yesterday: `yesterday` is not an RFC 3339 time/);
    const badDay = truce('status', FIXTURE, '--known-at', '2023-02-30');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('that month has 28 days');
    const badPolicy = truce('status', FIXTURE, '--evidence', 'maybe');
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toContain('best-graded, confirmed-only, lowest');
  });

  it('exits 1 and lists the issues when a file in the folder is invalid', () => {
    const dir = fixtureCopy({ ledger: (t) => t.replace('status: confirmed', 'status: certain') });
    const run = truce('status', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^truce: ${dir}/ledger.yaml has 1 issue:\n${dir}/ledger.yaml:\\d+:\\d+ `),
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
