import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ptyTruce } from './pty-session.ts';
import { sharedWorkspace } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-prompts-');
const { DATABASE_URL: _unused, ...base } = process.env;
const env = { ...base, TRUCE_DATA: join(dir, 'data') };
const ID = 'gaza-2023-pause';

/** How many events the agreement's ledger holds, read through the CLI. */
function eventCount(): number {
  const run = inWorkspace('agreement', 'list', '--json');
  const list = JSON.parse(run.stdout) as { id: string; events: number }[];
  return list.find((a) => a.id === ID)?.events ?? -1;
}

// A pseudo-terminal session can stall when the machine is loaded; a stalled one is run again (each run starts afresh).
describe.sequential('truce record on a terminal', { retry: 2, timeout: 90_000 }, () => {
  it('asks the type first, then what a release needs, re-asks bad answers with the reason, and records on yes', async () => {
    expect(inWorkspace('init').code).toBe(0);
    const pty = ptyTruce(env, 'record', ID);
    expect(await pty.expect('event type (1 release, 2 aid-delivery,')).toContain(
      `Recording an event in ${ID}`,
    );
    pty.answer('release');
    // The agreement's parties and mediators are offered, and `rescue` for a release.
    expect(await pty.expect('party that released them (1 israel, 2 hamas, 3 qatar')).toContain('rescue');
    pty.answer('hamaz');
    expect(await pty.expect('did you mean `hamas`?')).toContain(
      '✗ `hamaz` is not one of israel, hamas, qatar, egypt, united-states, icrc, rescue',
    );
    await pty.expect('party that released them (');
    pty.answer('hamas');
    await pty.expect('cohort released (1 hostages-women-children, 2 hostages-foreign-nationals');
    pty.answer('1');
    await pty.expect('how many: ');
    pty.answer('-3');
    await pty.expect('give a number, 0 or more');
    pty.answer('7');
    await pty.expect('when it happened (Asia/Jerusalem unless an offset is given) [');
    pty.answer('2023-11-31T20:00');
    await pty.expect('is not a date: that month has 30 days');
    pty.answer('2023-11-30T20:00');
    await pty.expect('when it was learned [');
    pty.answer('2023-11-30T21:00');
    await pty.expect('source (outlet; blank for none): ');
    pty.answer('Test wire');
    await pty.expect(
      'status (1 reported, 2 corroborated, 3 confirmed, 4 disputed, 5 retracted) [reported]: ',
    );
    pty.answer('');
    await pty.expect('outside the agreement? (y/n) [n]: ');
    pty.answer('');
    await pty.expect('note (blank for none): ');
    pty.answer('');
    const shown = await pty.expect('Record this event? (y/n) [y]: ');
    expect(shown).toMatch(/- id: ev-release-[0-9a-f]{12}\n {2}type: release\n/);
    expect(shown).toContain('  released:\n    - cohort: hostages-women-children\n      count: 7\n');
    pty.answer('y');
    const { code, screen } = await pty.done();
    expect(code).toBe(0);
    const recorded = /recorded (ev-release-[0-9a-f]{12}) as event \d+ of gaza-2023-pause/.exec(screen);
    expect(recorded).not.toBeNull();
    // The same event given as flags is the one the prompts stored: the store says it is already there.
    const again = inWorkspace(
      ...['record', ID, '--type', 'release', '--party', 'hamas', '--cohort', 'hostages-women-children'],
      ...['--count', '7', '--occurred', '2023-11-30T20:00', '--recorded', '2023-11-30T21:00'],
      ...['--source-outlet', 'Test wire'],
    );
    expect(again.stdout).toContain(`already recorded: ${recorded?.[1]} is event`);
  });

  it('asks only what a phase extension needs, with its default, and stores nothing when declined', async () => {
    const before = eventCount();
    const pty = ptyTruce(
      env,
      'record',
      ID,
      '--occurred',
      '2023-11-30T06:00',
      '--recorded',
      '2023-11-30T06:30',
    );
    await pty.expect('event type (');
    pty.answer('5');
    await pty.expect('phase (1 pause): ');
    pty.answer('pause');
    await pty.expect('extended by (ISO 8601 duration) [P1D]: ');
    pty.answer('one day');
    await pty.expect('is not an ISO 8601 duration; did you mean `P1D`?');
    pty.answer('');
    await pty.expect('source (outlet; blank for none): ');
    pty.answer('');
    await pty.expect('status (');
    pty.answer('3');
    await pty.expect('note (blank for none): ');
    pty.answer('');
    expect(await pty.expect('Record this event? (y/n) [y]: ')).toMatch(
      /type: phase-extended\n {2}occurred: 2023-11-30T06:00\n(.*\n)*? {2}phase: pause\n {2}by: P1D\n/,
    );
    pty.answer('n');
    const { code, screen } = await pty.done();
    expect(code).toBe(0);
    expect(screen).toContain('Nothing was recorded.');
    // Given as flags, the times were not asked; nor were the fields of other types.
    expect(screen).not.toContain('when it happened');
    expect(screen).not.toContain('cohort');
    expect(eventCount()).toBe(before);
  });

  it('stops on Ctrl-C with nothing stored', async () => {
    const before = eventCount();
    const pty = ptyTruce(env, 'record', ID);
    await pty.expect('event type (');
    pty.answer('\u0003');
    const { code, screen } = await pty.done();
    expect(code).toBe(2);
    expect(screen).toContain('stopped; nothing was recorded');
    expect(eventCount()).toBe(before);
  });

  it('off a terminal, a missing flag is still a usage error naming it', () => {
    const run = inWorkspace('record', ID, '--type', 'release');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'truce: missing --occurred, --recorded: give them as flags, or run `truce record` on a terminal to be asked\n',
    );
  });
});
