import { formatDuration, nominalDays } from './duration.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { PhaseRun } from './phase-timeline.ts';
import type { ExtensionEligibility } from './status.ts';
import { formatReadable } from './zoned-time.ts';

/**
 * What the phase's extension rule makes it eligible for, shown apart from what was agreed:
 * every `every` in-framework releases of the cohorts beyond `beyond` add `adds`, up to the cap.
 */
export function eligibility(
  run: PhaseRun,
  releases: readonly Extract<LedgerEvent, { type: 'release' }>[],
  asOf: number,
  zone: string,
): ExtensionEligibility | null {
  const rule = run.phase.rule;
  if (!rule || run.actualStart === null) return null;
  const start = run.actualStart;
  const end = Math.min(asOf, run.actualEnd ?? Number.POSITIVE_INFINITY);
  let counted = 0;
  const ids: string[] = [];
  let outside = 0;
  for (const e of releases) {
    if (e.credited < start || e.credited > end) continue;
    let n = 0;
    for (const r of e.released) if (rule.cohorts.has(r.cohort)) n += r.best;
    if (!n) continue;
    if (e.outsideFramework) {
      outside += n;
      continue;
    }
    counted += n;
    ids.push(e.id);
  }
  const steps = Math.floor(Math.max(0, counted - rule.beyond) / rule.every);
  const perStep = nominalDays(rule.adds);
  const base = run.phase.duration ? nominalDays(run.phase.duration) : 0;
  const cap = rule.maxTotal ? nominalDays(rule.maxTotal) : null;
  const eligibleDays = cap === null ? steps * perStep : Math.max(0, Math.min(steps * perStep, cap - base));
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
    eventIds: ids.sort(),
    explanation: text,
  };
}
