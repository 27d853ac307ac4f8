import type { CompiledExtensionRule } from './compiled-agreement.ts';
import { nominalDays } from './duration.ts';

/**
 * The extension days a phase's rule allows after `counted` in-framework releases of its cohorts:
 * one `adds` for every `every` beyond `beyond`, no more than the cap leaves above the phase's own
 * `baseDays`. Shared by the evaluator's eligibility report and the projection's simulated runs, so
 * the rule is written once.
 * @example eligibleExtensionDays(rule, 4, 62) // 1 with { every: 10, beyond: 50, adds: P1D, maxTotal: P10D }
 */
export function eligibleExtensionDays(
  rule: CompiledExtensionRule,
  baseDays: number,
  counted: number,
): number {
  const steps = extensionSteps(rule, counted);
  const perStep = nominalDays(rule.adds);
  const cap = rule.maxTotal ? nominalDays(rule.maxTotal) : null;
  return cap === null ? steps * perStep : Math.max(0, Math.min(steps * perStep, cap - baseDays));
}

/** How many whole steps of `every` releases beyond `beyond` have been made. */
export function extensionSteps(rule: CompiledExtensionRule, counted: number): number {
  return Math.floor(Math.max(0, counted - rule.beyond) / rule.every);
}

/** The most extension days the cap leaves above `baseDays` (Infinity without a cap). */
export function extensionRoom(rule: CompiledExtensionRule, baseDays: number): number {
  return rule.maxTotal ? Math.max(0, nominalDays(rule.maxTotal) - baseDays) : Number.POSITIVE_INFINITY;
}
