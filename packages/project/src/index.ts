export type { Assumptions, Delay, KnownIds, ReleaseDraw } from './assumptions.ts';
export { AssumptionsSchema, parseAssumptions } from './assumptions.ts';
export type { Fit } from './fit-assumptions.ts';
export { fitAssumptions } from './fit-assumptions.ts';
export { describeAssumptions, formatComparison, formatProjection, type Markup } from './format-projection.ts';
export type { ProjectOptions, Proposal } from './project.ts';
export { project } from './project.ts';
export {
  ASSUMPTION_DEFAULTS,
  defaultStart,
  knownIdsOf,
  type LoadedAgreement,
  ledgerDraws,
  type ProjectionBody,
  projectionBody,
  proposalsOf,
  withDefaults,
} from './projection-inputs.ts';
export { Random, runSeed } from './random.ts';
export type { RunOptions } from './run-projection.ts';
export { runProjection } from './run-projection.ts';
export type { PhaseCode, SimCohort, SimModel, SimPhase, SimTranche } from './sim-model.ts';
export { buildModel } from './sim-model.ts';
export type { RangeResult, TraceEntry } from './simulate.ts';
export { FAN_RUNS, simulateRange, traceRun } from './simulate.ts';
export type { Projection, Spread } from './summarize.ts';
export { joinRanges, percentileOf, quantile, summarize } from './summarize.ts';
