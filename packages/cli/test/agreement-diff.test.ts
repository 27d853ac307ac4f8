import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amendedPauseText } from './amended-pause.ts';
import { sharedWorkspace } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-diff-');
const ID = 'gaza-2023-pause';

describe.sequential('truce agreement diff', () => {
  it('refuses to diff an agreement that has a single version, naming it', () => {
    expect(inWorkspace('init').code).toBe(0);
    const run = inWorkspace('agreement', 'diff', ID);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${ID} has only version 1`);
    expect(run.stderr).toContain('truce agreement add');
  });

  it('shows the amendment of the 2023 pause by structure: the phase, the obligations, their clauses', () => {
    const file = join(dir, 'amended.yaml');
    writeFileSync(file, amendedPauseText());
    const added = inWorkspace('agreement', 'add', file);
    expect(added.stdout).toBe(`added ${ID} version 2\n`);
    const run = inWorkspace('agreement', 'diff', ID);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${ID}: version 1 \\(added .+\\) → version 2 \\(added .+\\)$`));
    expect(run.stdout).toContain(
      'Phases\n  ~ pause (Humanitarian pause) — clause: Israeli government statement',
    );
    expect(run.stdout).toContain('      duration: "P4D" → "P6D"');
    expect(run.stdout).toContain(
      '  + hamas-release-20-more (release, owed by hamas, in pause) — clause: White House (Kirby), 27 November 2023',
    );
    expect(run.stdout).toContain('count: 20');
    expect(run.stdout).toMatch(
      /~ israel-allow-aid-trucks \(rate, owed by israel, in pause\) — clause: .+\n {6}quantity: 200 → 300\n/,
    );
    // Nothing else changed between the two texts, so nothing else is listed.
    expect(run.stdout).not.toContain('Cohorts');
    expect(run.stdout).not.toContain('Metadata');
  });

  it('gives the same diff as JSON, and the reverse diff from 2 to 1', () => {
    const run = inWorkspace('agreement', 'diff', ID, '2', '1', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      from: { version: number };
      to: { version: number };
      same: boolean;
      sections: {
        section: string;
        removed: { id: string }[];
        changed: { id: string; changes: unknown[] }[];
      }[];
    };
    expect(json.from.version).toBe(2);
    expect(json.to.version).toBe(1);
    expect(json.same).toBe(false);
    const obligations = json.sections.find((s) => s.section === 'obligations');
    expect(obligations?.removed.map((r) => r.id)).toEqual(['hamas-release-20-more']);
    expect(obligations?.changed).toEqual([
      {
        id: 'israel-allow-aid-trucks',
        label: 'rate, owed by israel, in pause',
        clause: expect.any(String),
        changes: [{ path: 'quantity', change: 'changed', before: 300, after: 200 }],
      },
    ]);
  });

  it('has help with examples', () => {
    const run = inWorkspace('agreement', 'diff', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$ truce agreement diff gaza-2023-pause 1 3');
  });

  it('names the versions that exist for an unknown version, and the nearest id for an unknown agreement', () => {
    const version = inWorkspace('agreement', 'diff', ID, '1', '7');
    expect(version.code).toBe(1);
    expect(version.stderr).toBe(`truce: ${ID} has no version 7; its versions are 1, 2\n`);
    const id = inWorkspace('agreement', 'diff', 'gaza-2023-paus');
    expect(id.code).toBe(1);
    expect(id.stderr).toBe(
      'truce: no agreement `gaza-2023-paus` in the workspace; did you mean `gaza-2023-pause`?\n',
    );
    const usage = inWorkspace('agreement', 'diff', ID, 'one');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('a version is a whole number from 1');
  });
});
