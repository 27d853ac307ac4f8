import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeOf, type Run, sharedWorkspace, truce } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-workspace-');

const ID = 'gaza-2023-pause';
const AS_OF = ['--as-of', '2023-12-01T12:00:00+02:00'];
const RELEASE = [
  ...['record', ID, '--type', 'release', '--party', 'hamas'],
  ...['--cohort', 'hostages-women-children', '--count', '7'],
  ...['--occurred', '2023-11-30T20:00', '--recorded', '2023-11-30T21:00'],
  ...['--source-outlet', 'Test wire', '--status', 'confirmed'],
];

function statusJson(run: Run) {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as {
    phases: unknown[];
    obligations: { id: string; delivered: number | null }[];
    released: { party: string; total: number }[];
  };
}

describe.sequential('the workspace (truce init, record, events, verify)', () => {
  it('says to run truce init when there is no workspace yet', () => {
    const run = inWorkspace('events', ID);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('truce init');
  });

  it('creates a workspace with the 2023 example, and refuses to do it twice', () => {
    const first = inWorkspace('init');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Added agreement ${ID} (version 1)`);
    expect(first.stdout).toMatch(/Recorded \d+ events/);
    const second = inWorkspace('init');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('a workspace already exists');
  });

  // The status of the example folder, which the workspace starts from.
  let folder: ReturnType<typeof statusJson>;

  it('gives the same status from the workspace as from the example folder', () => {
    const stored = statusJson(inWorkspace('status', ID, ...AS_OF, '--json'));
    folder = statusJson(truce('status', `examples/${ID}`, ...AS_OF, '--json'));
    expect(stored.phases).toEqual(folder.phases);
    expect(stored.obligations).toEqual(folder.obligations);
    expect(stored.released).toEqual(folder.released);
  });

  it('records a release once, lists it, and the status changes', () => {
    const first = inWorkspace(...RELEASE);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [, eventId, seq] = /^recorded (\S+) as event (\d+) of gaza-2023-pause\n$/.exec(first.stdout) ?? [];
    expect(eventId).toBeDefined();

    const again = inWorkspace(...RELEASE, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      agreement: ID,
      id: eventId,
      seq: Number(seq),
      recorded: false,
    });

    const listed = inWorkspace('events', ID, '--type', 'release', '--since', '2023-11-30T19:00', '--json');
    expect(listed.code).toBe(0);
    const events = JSON.parse(listed.stdout) as { seq: number; event: { id: string } }[];
    expect(events.filter((e) => e.event.id === eventId)).toEqual([
      expect.objectContaining({ seq: Number(seq) }),
    ]);

    const after = statusJson(inWorkspace('status', ID, ...AS_OF, '--json'));
    const delivered = (s: typeof folder) => s.obligations.find((o) => o.id === 'hamas-release-50')!.delivered;
    expect(delivered(after)).toBe(delivered(folder)! + 7);
  });

  it('verifies the chain, the recorded release included', () => {
    const run = inWorkspace('verify', ID);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^chain intact: \d+ events\n$/);
  });

  it('refuses an invalid event with each issue named, and a broken agreement file with file:line:col', () => {
    const event = inWorkspace('record', ID, '--type', 'release', '--party', 'hamas', '--cohort', 'nobody');
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('--occurred');

    const file = join(dir, 'agreement.yaml');
    const text = 'id: broken\ntitle: Broken\nzone: Asia/Jerusalem\nphases: 3\n';
    writeFileSync(file, text);
    const added = inWorkspace('agreement', 'add', file);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(new RegExp(`^truce: ${file} has \\d+ issues?; nothing was stored:\n`));
    expect(added.stderr).toMatch(new RegExp(`\n${file}:\\d+:\\d+ `));
    expect(added.stderr).toContain(`${file}:${placeOf(text, '3')}`);
  });
});
