import { describe, expect, it } from 'vitest';
import type { Timeline } from '../src/timeline.ts';
import { sharedWorkspace, truce } from './run-truce.ts';

// Checked against the public record, ../shared/data/gaza-2023-pause.md (sections named in each test).
const EXAMPLE = 'examples/gaza-2023-pause';
const AS_OF = ['--as-of', '2023-12-01T12:00:00+02:00'];

function timelineJson(...args: string[]): Timeline {
  const run = truce('timeline', ...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Timeline;
}

const day = (t: Timeline, date: string) => {
  const found = t.days.find((d) => d.date === date);
  if (!found) throw new Error(`no day ${date} in the timeline`);
  return found;
};

describe('truce timeline on the 2023 example', () => {
  const text = truce('timeline', EXAMPLE, ...AS_OF);

  it('shows the pause planned against actual: 24 Nov 07:00, planned to 28 Nov, ended 1 Dec 07:00 (§1.1, §1.5)', () => {
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  pause — Humanitarian pause: ended (expired)');
    expect(text.stdout).toContain('    planned  Fri 24 Nov 2023 07:00 → Tue 28 Nov 2023 07:00');
    expect(text.stdout).toContain('    actual   Fri 24 Nov 2023 07:00 → Fri 1 Dec 2023 07:00');
  });

  it('names both extensions with their causes: two days on 27 Nov, one day on 30 Nov before 07:00 (§1.5)', () => {
    expect(text.stdout).toMatch(
      /extended by 2 days, agreed Mon 27 Nov 2023 17:00 \[ev-2023-11-27-pause-extended\]\n {6}Announced on the evening of Monday 27 November/,
    );
    expect(text.stdout).toMatch(
      /extended by 1 day, agreed Thu 30 Nov 2023 06:30 \[ev-2023-11-30-pause-extended\]\n {6}Second extension, one day, agreed just before 07:00/,
    );
    expect(text.stdout).toContain('extension rule: 80 releases counted → eligible for 3 days; agreed 3 days');
  });

  it('lists day 1 (Fri 24 Nov): the start, 13 hostages under the deal, 10 Thai and 1 Filipino outside it, 39 prisoners (§1.3)', () => {
    const block = text.stdout.slice(
      text.stdout.indexOf('Fri 24 Nov 2023 · pause day 1'),
      text.stdout.indexOf('Sat 25 Nov 2023'),
    );
    expect(block).toContain('07:00         pause started (confirmed) [ev-2023-11-24-pause-started]');
    expect(block).toContain(
      '16:00–16:59   hamas released 13 hostages-women-children (confirmed) [ev-2023-11-24-hostages]',
    );
    expect(block).toMatch(
      /hamas released 10 hostages-foreign-nationals \(outside the agreement; confirmed; the report used for day1-thai/,
    );
    expect(block).toMatch(
      /hamas released 12 hostages-foreign-nationals \(outside the agreement; a conflicting report of day1-thai, not used: ev-2023-11-24-thai was\)/,
    );
    expect(block).toContain(
      'hamas released 1 hostages-foreign-nationals (outside the agreement; confirmed) [ev-2023-11-24-filipino]',
    );
    expect(block).toMatch(
      /that day {6}israel released 39 prisoners-women-minors \(confirmed; the report used for day1-prisoners/,
    );
    expect(block).toContain('by day end    pause: not started → running');
    // Events are in time order: the start, then the afternoon handover.
    expect(block.indexOf('pause started')).toBeLessThan(block.indexOf('16:00–16:59'));
  });

  it('numbers the days of the pause to day 8 on Fri 1 Dec, when it ended at 07:00 (§1.3, §1.5)', () => {
    const t = timelineJson(EXAMPLE, ...AS_OF);
    expect(day(t, '2023-11-24').phaseDays).toEqual([{ phase: 'pause', day: 1 }]);
    const last = day(t, '2023-12-01');
    expect(last.phaseDays).toEqual([{ phase: 'pause', day: 8 }]);
    expect(last.events.find((e) => e.type === 'phase-ended')).toMatchObject({
      id: 'ev-2023-12-01-pause-ended',
      time: '07:00',
      summary: 'pause ended (expired)',
    });
    expect(last.changes).toContainEqual({
      kind: 'phase',
      id: 'pause',
      from: 'running',
      to: 'ended',
      reason: 'expired',
    });
    // Before the pause: the releases of October, outside the agreement (§1.4).
    expect(day(t, '2023-10-20').events.map((e) => e.notes)).toEqual([['outside the agreement', 'confirmed']]);
  });

  it('judges deadlines on their day: the 50 were due by 28 Nov 07:00 and met; each day’s prisoner tranche met (§1.2, §1.3)', () => {
    const t = timelineJson(EXAMPLE, ...AS_OF);
    const due = day(t, '2023-11-28').deadlines.find((d) => d.obligation === 'hamas-release-50');
    expect(due).toMatchObject({ at: '2023-11-28T07:00:00+02:00', outcome: 'met' });
    // 13 + 13 + 13 + 11 hostages under the deal by the end of 27 Nov: the 50 are released that day.
    expect(day(t, '2023-11-27').changes).toContainEqual(
      expect.objectContaining({ id: 'hamas-release-50', from: 'in effect', to: 'fulfilled' }),
    );
    const tranche = day(t, '2023-11-25').deadlines.find(
      (d) => d.obligation === 'israel-release-prisoners-3-to-1',
    );
    expect(tranche).toMatchObject({
      at: '2023-11-25T07:00:00+02:00',
      outcome: 'met',
      detail: expect.stringContaining('39 of 39'),
    });
  });

  it('as known at an earlier time, leaves out what was not yet recorded (§1.5: the first extension came on 27 Nov)', () => {
    const t = timelineJson(EXAMPLE, '--as-of', '2023-11-27T12:00', '--known-at', '2023-11-26T20:00');
    expect(t.knownAt).toBe('2023-11-26T20:00:00+02:00');
    expect(t.phases[0]).toMatchObject({
      state: 'running',
      extensions: [],
      scheduledEnd: '2023-11-28T07:00:00+02:00',
    });
    expect(t.days.at(-1)?.date).toBe('2023-11-27');
    const ids = t.days.flatMap((d) => d.events.map((e) => e.id));
    expect(ids).toContain('ev-2023-11-24-hostages');
    expect(ids).not.toContain('ev-2023-11-27-hostages');
    // Periods still open at the as-of time are due, whatever they hold so far.
    expect(t.upcoming.map((d) => d.outcome)).toEqual(t.upcoming.map(() => 'due'));
    expect(t.upcoming).toContainEqual(
      expect.objectContaining({
        obligation: 'hamas-release-50',
        at: '2023-11-28T07:00:00+02:00',
        outcome: 'due',
      }),
    );
  });

  it('follows a long timeline on the days where something happens or falls due', () => {
    const t = timelineJson('packages/cli/test/fixtures/mini-pause', '--as-of', '2026-01-01T12:00');
    expect(t.everyDayFollowed).toBe(false);
    // The made-up pause ends by its duration on 28 Nov 2023, a day with no event: the change is seen that day.
    expect(day(t, '2023-11-28').changes).toContainEqual({
      kind: 'phase',
      id: 'pause',
      from: 'running',
      to: 'ended',
      reason: 'expired',
    });
    expect(t.days.at(-1)?.date).toBe('2023-11-28');
  });

  it('has help with examples', () => {
    const run = truce('timeline', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\$ truce timeline examples\/gaza-2023-pause --as-of /);
  });

  it('refuses a bad time as a usage error', () => {
    const run = truce('timeline', EXAMPLE, '--as-of', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of yesterday');
  });
});

describe.sequential('truce timeline on a workspace agreement', () => {
  const { inWorkspace } = sharedWorkspace('truce-timeline-');

  it('gives the same timeline from the store as from the example folder', () => {
    expect(inWorkspace('init').code).toBe(0);
    const run = inWorkspace('timeline', 'gaza-2023-pause', ...AS_OF, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(timelineJson(EXAMPLE, ...AS_OF));
  });

  it('names an unknown agreement (exit 1)', () => {
    const run = inWorkspace('timeline', 'no-such-deal');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no agreement `no-such-deal` in the workspace');
  });
});
