import { type Agreement, evaluate, type LedgerEvent } from '@truce/core';
import type { Assumptions } from './assumptions.ts';

const DAY = 86_400_000;

/** What a fit found, day by day, beside the assumptions it makes of it. */
export interface Fit {
  readonly assumptions: Assumptions;
  /** In-framework releases by the holder of each fitted cohort, per day of the window. */
  readonly daily: Readonly<Record<string, readonly number[]>>;
  readonly collapses: number;
}

/**
 * Fits assumptions to `days` days of the ledger from `from`: each named cohort's releases per day are
 * its holder's in-framework releases that day, read through the core evaluator (so corrections,
 * disputed reports and the evidence policy count as they do in `truce status`), used as an empirical
 * distribution. The daily collapse hazard is Jeffreys' estimate (collapses + ½) / (days + 1), which
 * is not zero when none was seen; with no extension decision in the window, its probability is ½.
 */
export function fitAssumptions(
  agreement: Agreement,
  events: readonly LedgerEvent[],
  window: { readonly from: number; readonly days: number; readonly cohorts: readonly string[] },
): Fit {
  const held = (asOf: number) => {
    const status = evaluate(agreement, events, { asOf });
    return {
      released: new Map(status.released.map((r) => [r.party, r.inFramework])),
      collapsed: status.phases.filter((p) => p.state === 'collapsed').length,
    };
  };
  const points = Array.from({ length: window.days + 1 }, (_, k) => held(window.from + k * DAY));
  const daily: Record<string, number[]> = {};
  for (const cohort of window.cohorts) {
    const party = agreement.cohortHeldBy.get(cohort);
    if (party === undefined) continue;
    daily[cohort] = points
      .slice(1)
      .map((p, k) => (p.released.get(party) ?? 0) - (points[k]!.released.get(party) ?? 0));
  }
  const collapses = points.at(-1)!.collapsed - points[0]!.collapsed;
  return {
    daily,
    collapses,
    assumptions: {
      collapse: { daily: Math.round(((collapses + 0.5) / (window.days + 1)) * 10_000) / 10_000 },
      extension: { probability: 0.5 },
      releases: Object.fromEntries(Object.entries(daily).map(([c, v]) => [c, { empirical: v }])),
    },
  };
}
