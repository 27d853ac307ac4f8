import type { Agreement, LedgerEvent } from '@truce/core';
import type { Assumptions, KnownIds } from './assumptions.ts';
import type { Proposal } from './project.ts';
import type { Projection } from './summarize.ts';

/** What a projection takes when the assumptions leave it unsaid. */
export const ASSUMPTION_DEFAULTS = { horizonDays: 90, collapseDaily: 0, extensionProbability: 1 } as const;

/** An agreement with its ledger so far, as the CLI and the server load it. */
export interface LoadedAgreement {
  readonly agreement: Agreement;
  readonly events: readonly LedgerEvent[];
}

/** The cohort and phase ids an assumptions file may name when used with these agreements. */
export function knownIdsOf(agreements: readonly Agreement[]): KnownIds {
  return {
    cohorts: new Set(agreements.flatMap((a) => [...a.cohortHeldBy.keys()])),
    phases: new Set(agreements.flatMap((a) => a.phases.map((p) => p.id))),
  };
}

/**
 * The moment a projection starts by default: the earliest fixed start among the agreement's phases
 * (the deal projected from its first day), or `fallback` when every phase waits on an event or another.
 */
export function defaultStart(agreement: Agreement, fallback: number): number {
  const planned = agreement.phases.flatMap((p) => (p.start.kind === 'at' ? [p.start.at] : []));
  return planned.length ? Math.min(...planned) : fallback;
}

/**
 * The proposals to project: the first agreement from `asOf` (default: its first fixed start, else
 * `now`), the others from the same `asOf`, or their own first fixed start, else the first's start.
 */
export function proposalsOf(
  loaded: readonly LoadedAgreement[],
  asOf: number | undefined,
  now: number,
): Proposal[] {
  const first = loaded[0];
  if (!first) return [];
  const start = asOf ?? defaultStart(first.agreement, now);
  return loaded.map((l) => ({
    agreement: l.agreement,
    events: l.events,
    asOf: asOf ?? defaultStart(l.agreement, start),
  }));
}

/** The assumptions with every default written out: what the runs used, ready to show and edit. */
export function withDefaults(a: Assumptions): Assumptions {
  return {
    horizonDays: a.horizonDays ?? ASSUMPTION_DEFAULTS.horizonDays,
    collapse: {
      daily: a.collapse?.daily ?? ASSUMPTION_DEFAULTS.collapseDaily,
      ...(a.collapse?.phases ? { phases: a.collapse.phases } : {}),
    },
    extension: { probability: a.extension?.probability ?? ASSUMPTION_DEFAULTS.extensionProbability },
    releases: a.releases ?? {},
    delays: a.delays ?? {},
    ...(a.releasedBy !== undefined ? { releasedBy: a.releasedBy } : {}),
  };
}

/** A projection's JSON (`truce project --json`, the server's answer): one agreement, or proposals side by side. */
export type ProjectionBody =
  | ({ readonly assumptions: Assumptions } & Projection)
  | { readonly assumptions: Assumptions; readonly proposals: readonly Projection[] };

/**
 * The JSON body of a projection, with the assumptions as used (defaults filled); `compared` gives the
 * side-by-side form even for one result.
 */
export function projectionBody(
  results: readonly Projection[],
  assumptions: Assumptions,
  compared: boolean,
): ProjectionBody {
  const used = withDefaults(assumptions);
  return compared ? { assumptions: used, proposals: results } : { assumptions: used, ...results[0]! };
}
