import type { Agreement, CompiledExtensionRule, LedgerEvent, Status } from '@truce/core';
import { evaluate, nominalDays, parseDuration, resolveTime } from '@truce/core';
import type { Assumptions, Delay } from './assumptions.ts';
import { ASSUMPTION_DEFAULTS } from './projection-inputs.ts';

const DAY = 86_400_000;

/** Where a phase stands when a run begins: 0 waiting to start, 1 running, 2 ended, 3 collapsed. */
export type PhaseCode = 0 | 1 | 2 | 3;

export type SimStart =
  | { readonly kind: 'at'; readonly day: number }
  | { readonly kind: 'after'; readonly prior: number; readonly gapDays: number }
  | { readonly kind: 'event'; readonly delay: Delay };

/** A phase, in days from the projection's start (its as-of), with its state there. */
export interface SimPhase {
  readonly id: string;
  readonly name: string;
  readonly start: SimStart;
  readonly baseDays: number | null;
  readonly rule: CompiledExtensionRule | null;
  readonly addsDays: number;
  readonly endsByDuration: boolean;
  readonly endsByCollapse: boolean;
  readonly hazard: number;
  readonly initial: {
    readonly code: PhaseCode;
    readonly startDay: number;
    readonly endDay: number;
    readonly extendedDays: number;
    readonly counted: number;
  };
}

/** How a cohort's daily releases are drawn: none, fixed, Poisson, empirical, or owed in return for others. */
export interface SimCohort {
  readonly id: string;
  readonly heldBy: string;
  readonly kind: 'none' | 'fixed' | 'poisson' | 'empirical' | 'reciprocal';
  readonly value: number;
  readonly values: readonly number[];
  /** Reciprocal: [cohort index, people owed per person released]. */
  readonly ratio: readonly (readonly [number, number])[];
  /** Phases during which it is drawn (indices); null: whenever any phase runs. */
  readonly during: readonly number[] | null;
}

/** One tranche of a release obligation: `count` of its cohorts by its deadline. */
export interface SimTranche {
  readonly obligation: string;
  readonly phase: number;
  readonly cohorts: readonly number[];
  readonly count: number;
  readonly deadline:
    | { readonly kind: 'at'; readonly day: number }
    | {
        readonly kind: 'phase';
        readonly phase: number;
        readonly edge: 'start' | 'end';
        readonly offsetDays: number;
      };
  readonly delivered: number;
}

/** Everything a run needs, as plain data that can be posted to a worker. */
export interface SimModel {
  readonly agreementId: string;
  readonly title: string;
  readonly zone: string;
  readonly asOf: number;
  readonly horizonDays: number;
  readonly extensionProbability: number;
  readonly byDay: number | null;
  readonly phases: readonly SimPhase[];
  readonly cohorts: readonly SimCohort[];
  readonly tranches: readonly SimTranche[];
}

const toDay = (iso: string | null, asOf: number) =>
  iso === null ? Number.NaN : (Date.parse(iso) - asOf) / DAY;

/**
 * Builds the model of one agreement under the assumptions. The state at `asOf` (which phases run,
 * since when, extensions agreed, releases counted towards the extension rule and the obligations)
 * comes from one full evaluation of the ledger by the core evaluator.
 */
export function buildModel(
  agreement: Agreement,
  events: readonly LedgerEvent[],
  assumptions: Assumptions,
  asOf: number,
): { model: SimModel; status: Status } {
  const status = evaluate(agreement, events, { asOf });
  const phaseIndex = new Map(agreement.phases.map((p, i) => [p.id, i]));
  const phases: SimPhase[] = agreement.phases.map((p, i) => {
    const s = status.phases[i]!;
    const code: PhaseCode =
      s.state === 'running' ? 1 : s.state === 'ended' ? 2 : s.state === 'collapsed' ? 3 : 0;
    const start: SimStart =
      p.start.kind === 'at'
        ? { kind: 'at', day: (p.start.at - asOf) / DAY }
        : p.start.kind === 'after'
          ? { kind: 'after', prior: phaseIndex.get(p.start.phase)!, gapDays: nominalDays(p.start.gap) }
          : { kind: 'event', delay: assumptions.delays?.[p.id] ?? 0 };
    return {
      id: p.id,
      name: p.name,
      start,
      baseDays: p.duration ? nominalDays(p.duration) : null,
      rule: p.agreedExtensions && p.rule ? p.rule : null,
      addsDays: p.rule ? nominalDays(p.rule.adds) : 0,
      endsByDuration: p.endsBy.includes('duration'),
      endsByCollapse: p.endsBy.includes('collapse'),
      hazard:
        assumptions.collapse?.phases?.[p.id] ??
        assumptions.collapse?.daily ??
        ASSUMPTION_DEFAULTS.collapseDaily,
      initial: {
        code,
        startDay: toDay(s.actualStart, asOf),
        endDay: code >= 2 ? toDay(s.actualEnd, asOf) : toDay(s.scheduledEnd, asOf),
        extendedDays: s.extensions.reduce((sum, e) => sum + nominalDays(parseDuration(e.by)!), 0),
        counted: s.eligibility?.counted ?? 0,
      },
    };
  });
  const cohortIds = [...agreement.cohortHeldBy.keys()];
  const cohortIndex = new Map(cohortIds.map((c, i) => [c, i]));
  const owed = new Map<string, [number, number][]>();
  for (const o of agreement.obligations)
    if (o.kind === 'reciprocal-release') {
      const target = [...o.cohorts][0];
      if (target !== undefined && !owed.has(target))
        owed.set(
          target,
          [...o.ratio]
            .map(([c, n]) => [cohortIndex.get(c)!, n] as [number, number])
            .filter(([c]) => c !== undefined),
        );
    }
  const cohorts: SimCohort[] = cohortIds.map((id) => {
    const draw = assumptions.releases?.[id];
    const during = draw?.during
      ? draw.during.map((d) => phaseIndex.get(d)).filter((d): d is number => d !== undefined)
      : null;
    const base = { id, heldBy: agreement.cohortHeldBy.get(id)!, ratio: [], during, value: 0, values: [] };
    if (!draw)
      return owed.has(id) ? { ...base, kind: 'reciprocal', ratio: owed.get(id)! } : { ...base, kind: 'none' };
    if ('fixed' in draw) return { ...base, kind: 'fixed', value: draw.fixed };
    if ('poisson' in draw) return { ...base, kind: 'poisson', value: draw.poisson };
    // `empirical: ledger` is resolved against the ledger (ledgerDraws) before a model is built.
    if (draw.empirical === 'ledger')
      throw new Error(
        `the releases of ${id} are to be drawn from the ledger: resolve them with ledgerDraws first`,
      );
    return { ...base, kind: 'empirical', values: draw.empirical };
  });
  // Reciprocal cohorts are drawn after the cohorts they are owed for.
  const tranches: SimTranche[] = [];
  for (const [oi, o] of agreement.obligations.entries()) {
    if (o.kind !== 'release') continue;
    const delivered = status.obligations[oi]?.delivered ?? 0;
    for (const t of o.tranches)
      tranches.push({
        obligation: o.id,
        phase: phaseIndex.get(o.phase)!,
        cohorts: [...o.cohorts].map((c) => cohortIndex.get(c)!),
        count: t.count,
        deadline:
          t.by.kind === 'at'
            ? { kind: 'at', day: (t.by.at - asOf) / DAY }
            : {
                kind: 'phase',
                phase: phaseIndex.get(t.by.phase)!,
                edge: t.by.edge,
                offsetDays: nominalDays(t.by.offset),
              },
        delivered,
      });
  }
  let byDay: number | null = null;
  if (assumptions.releasedBy !== undefined) {
    const r = resolveTime(assumptions.releasedBy, agreement.zone);
    if (!('error' in r)) byDay = (r.start - asOf) / DAY;
  }
  return {
    status,
    model: {
      agreementId: agreement.id,
      title: agreement.title,
      zone: agreement.zone,
      asOf,
      horizonDays: assumptions.horizonDays ?? ASSUMPTION_DEFAULTS.horizonDays,
      extensionProbability: assumptions.extension?.probability ?? ASSUMPTION_DEFAULTS.extensionProbability,
      byDay,
      phases,
      cohorts,
      tranches,
    },
  };
}

/** The order cohorts are drawn in each day: drawn cohorts first, then those owed in return. */
export function drawOrder(model: SimModel): number[] {
  const order = model.cohorts.map((_, i) => i);
  return [
    ...order.filter((i) => model.cohorts[i]!.kind !== 'reciprocal' && model.cohorts[i]!.kind !== 'none'),
    ...order.filter((i) => model.cohorts[i]!.kind === 'reciprocal'),
  ];
}
