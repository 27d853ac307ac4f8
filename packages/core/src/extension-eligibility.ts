import { formatDuration, nominalDays } from './duration.ts';
import { eligibleExtensionDays, extensionSteps } from './eligible-extension-days.ts';
import { type LedgerBook, sumReleased } from './ledger-fold.ts';
import type { PhaseRun } from './phase-timeline.ts';
import type { ExtensionEligibility } from './status.ts';
import { formatReadable } from './zoned-time.ts';

/**
 * What the phase's extension rule makes it eligible for, shown apart from what was agreed:
 * every `every` in-framework releases of the cohorts beyond `beyond` add `adds`, up to the cap.
 */
export function eligibility(
  run: PhaseRun,
  book: LedgerBook,
  asOf: number,
  zone: string,
): ExtensionEligibility | null {
  const rule = run.phase.rule;
  if (!rule || run.actualStart === null || asOf < run.actualStart) return null;
  const start = run.actualStart;
  const end = Math.min(asOf, run.actualEnd ?? Number.POSITIVE_INFINITY);
  const counted = sumReleased(book, (k) => !k.outside && rule.cohorts.has(k.cohort), start, end);
  const outside = sumReleased(book, (k) => k.outside && rule.cohorts.has(k.cohort), start, end);
  const steps = extensionSteps(rule, counted);
  const base = run.phase.duration ? nominalDays(run.phase.duration) : 0;
  const cap = rule.maxTotal ? nominalDays(rule.maxTotal) : null;
  const eligibleDays = eligibleExtensionDays(rule, base, counted);
  const agreedDays = nominalDays(run.extendedBy);
  const cohorts = [...rule.cohorts].join(', ');
  const text =
    `${counted} in-framework releases of ${cohorts} from ${formatReadable(start, zone)}${outside ? ` (${outside} released outside the framework do not count)` : ''}; ` +
    `one ${formatDuration(rule.adds)} for every ${rule.every} beyond ${rule.beyond}: floor((${counted} − ${rule.beyond}) / ${rule.every}) = ${steps}` +
    `${cap !== null ? `, capped at ${cap} days in all` : ''} → eligible for ${eligibleDays} day(s); agreed: ${agreedDays} day(s)` +
    (eligibleDays === agreedDays
      ? ' — they match.'
      : eligibleDays > agreedDays
        ? ' — fewer agreed than the rule allows.'
        : ' — more agreed than the rule yet allows.');
  return {
    rule: `every ${rule.every} further releases of ${cohorts} beyond ${rule.beyond} add ${formatDuration(rule.adds)}${rule.maxTotal ? `, up to ${formatDuration(rule.maxTotal)} in all` : ''}`,
    counted,
    eligibleDays,
    agreedDays,
    capDays: cap,
    explanation: text,
  };
}
