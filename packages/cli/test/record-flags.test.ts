import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli-error.ts';
import { eventFromFlags, formatAppendIssue } from '../src/record-command.ts';

const base = { type: 'release', occurred: '2023-11-30T20:00', recorded: '2023-11-30T21:00' };

describe('truce record: the event built from flags', () => {
  it('writes the fields the flags give, and derives the same id from the same flags', () => {
    const flags = {
      ...base,
      party: 'hamas',
      cohort: 'hostages-women-children',
      count: 7,
      sourceOutlet: 'Wire',
    };
    const event = eventFromFlags(flags);
    expect(event).toEqual({
      id: expect.stringMatching(/^ev-release-[0-9a-f]{12}$/),
      ...base,
      party: 'hamas',
      released: [{ cohort: 'hostages-women-children', count: 7 }],
      sources: [{ outlet: 'Wire' }],
    });
    expect(eventFromFlags({ ...flags }).id).toBe(event.id);
    expect(eventFromFlags({ ...flags, count: 8 }).id).not.toBe(event.id);
    expect(eventFromFlags({ ...flags, id: 'mine' }).id).toBe('mine');
  });

  it('writes aid, phase and framework fields', () => {
    expect(
      eventFromFlags({
        ...base,
        type: 'aid-delivery',
        item: 'trucks',
        quantity: 200,
        outsideFramework: true,
      }),
    ).toMatchObject({ item: 'trucks', quantity: 200, outsideFramework: true });
    expect(eventFromFlags({ ...base, type: 'phase-extended', phase: 'pause', by: 'P1D' })).toMatchObject({
      phase: 'pause',
      by: 'P1D',
    });
  });

  it('refuses half a pair of flags as a usage error', () => {
    expect(() => eventFromFlags({ ...base, cohort: 'x' })).toThrow(CliError);
    expect(() => eventFromFlags({ ...base, quantity: 3 })).toThrow(/--item and --quantity go together/);
  });

  it('names the field of an issue without the batch position', () => {
    expect(
      formatAppendIssue({ index: 0, code: 'x', path: ['events', 0, 'released', 0, 'cohort'], message: 'no' }),
    ).toBe('  released.0.cohort: no');
  });
});
