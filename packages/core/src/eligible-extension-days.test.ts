import { describe, expect, it } from 'vitest';
import type { CompiledExtensionRule } from './compiled-agreement.ts';
import { parseDuration } from './duration.ts';
import { eligibleExtensionDays, extensionRoom, extensionSteps } from './eligible-extension-days.ts';

// The 2023 pause's rule (shared/data/gaza-2023-pause.md §1.1): one more day for every ten
// releases beyond the first 50, up to ten days in all, on a four-day base.
const rule: CompiledExtensionRule = {
  every: 10,
  cohorts: new Set(['hostages-women-children']),
  beyond: 50,
  adds: parseDuration('P1D')!,
  maxTotal: parseDuration('P10D')!,
};

describe('eligibleExtensionDays', () => {
  it('counts whole steps beyond the base count', () => {
    expect(extensionSteps(rule, 49)).toBe(0);
    expect(extensionSteps(rule, 59)).toBe(0);
    expect(extensionSteps(rule, 60)).toBe(1);
    expect(eligibleExtensionDays(rule, 4, 70)).toBe(2);
  });

  it('never passes the cap above the phase’s own days', () => {
    expect(eligibleExtensionDays(rule, 4, 500)).toBe(6);
    expect(extensionRoom(rule, 4)).toBe(6);
    const open = { ...rule, maxTotal: undefined };
    expect(eligibleExtensionDays(open, 4, 500)).toBe(45);
    expect(extensionRoom(open, 4)).toBe(Number.POSITIVE_INFINITY);
  });
});
