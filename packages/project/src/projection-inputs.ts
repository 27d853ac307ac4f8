import { type Agreement, evaluate, type LedgerEvent } from '@truce/core';
import type { Assumptions, KnownIds } from './assumptions.ts';
import { fitAssumptions } from './fit-assumptions.ts';
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

const DAY = 86_400_000;

/**
 * Resolves `empirical: ledger` draws against the proposal's ledger: each such cohort draws from the
 * in-framework releases of its holder on each whole day from the first phase's actual start to the
 * projection's start (read through the core evaluator, as `fitAssumptions` reads them). The
 * assumptions come back with those counts written in, so the answer shows what was drawn from. An
 * issue (path and message) when the ledger has no whole day before the start.
 */
export function ledgerDraws(
  assumptions: Assumptions,
  proposal: Proposal,
):
  | { readonly ok: true; readonly value: Assumptions }
  | { readonly ok: false; readonly issues: { path: string[]; message: string }[] } {
  const wanted = Object.entries(assumptions.releases ?? {}).filter(
    ([, d]) => 'empirical' in d && d.empirical === 'ledger',
  );
  if (wanted.length === 0) return { ok: true, value: assumptions };
  const { agreement, events, asOf } = proposal;
  const started = evaluate(agreement, events, { asOf })
    .phases.flatMap((p) => (p.actualStart ? [Date.parse(p.actualStart)] : []))
    .sort((a, b) => a - b)[0];
  const days = started === undefined ? 0 : Math.floor((asOf - started) / DAY);
  if (started === undefined || days < 1) {
    const why =
      started === undefined
        ? 'no phase has started in the ledger by the projection’s start'
        : 'the ledger holds no whole day between the first phase’s start and the projection’s start';
    return {
      ok: false,
      issues: wanted.map(([cohort]) => ({
        path: ['releases', cohort, 'empirical'],
        message: `cannot draw ${cohort} from the ledger: ${why}; give counts, or start the projection later`,
      })),
    };
  }
  const fit = fitAssumptions(agreement, events, {
    from: started,
    days,
    cohorts: wanted.map(([c]) => c),
  });
  const releases = { ...assumptions.releases };
  for (const [cohort, draw] of wanted) {
    const daily = fit.daily[cohort];
    if (!daily)
      return {
        ok: false,
        issues: [
          {
            path: ['releases', cohort, 'empirical'],
            message: `${cohort} is not a cohort of ${agreement.id}`,
          },
        ],
      };
    releases[cohort] = { ...draw, empirical: [...daily] };
  }
  return { ok: true, value: { ...assumptions, releases } };
}
