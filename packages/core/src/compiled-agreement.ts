import type { AgreementDocument, Clause, Obligation, Phase } from './agreement-schema.ts';
import type { Duration } from './duration.ts';

/** A deadline, resolved: a fixed instant, or an offset from a phase's start or current end. */
export type CompiledDeadline =
  | { readonly kind: 'at'; readonly at: number }
  | {
      readonly kind: 'phase';
      readonly phase: string;
      readonly edge: 'start' | 'end';
      readonly offset: Duration;
    };

export type CompiledStart =
  | { readonly kind: 'at'; readonly at: number }
  | { readonly kind: 'after'; readonly phase: string; readonly gap: Duration }
  | { readonly kind: 'event' };

export interface CompiledExtensionRule {
  readonly every: number;
  readonly cohorts: ReadonlySet<string>;
  readonly beyond: number;
  readonly adds: Duration;
  readonly maxTotal: Duration | undefined;
}

export interface CompiledPhase {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly start: CompiledStart;
  readonly duration: Duration | undefined;
  readonly rule: CompiledExtensionRule | undefined;
  readonly agreedExtensions: boolean;
  readonly endsBy: readonly ('duration' | 'event' | 'collapse')[];
  readonly clause: Clause | undefined;
  readonly source: Phase;
}

export interface CompiledTranche {
  readonly count: number;
  readonly by: CompiledDeadline;
}

/** An obligation with its times parsed: the clause as written, plus what the evaluator needs. */
export interface CompiledObligation {
  readonly id: string;
  readonly kind: Obligation['kind'];
  readonly party: string;
  readonly phase: string;
  readonly clause: Clause;
  /** Release: tranches due (one for `count` + `by`). */
  readonly tranches: readonly CompiledTranche[];
  readonly cohorts: ReadonlySet<string>;
  /** Reciprocal release: owed per cohort released by the other side. */
  readonly ratio: ReadonlyMap<string, number>;
  readonly lag: Duration | undefined;
  /** Rate: period length. */
  readonly period: Duration | undefined;
  /** Withdraw and act-by: the deadline. */
  readonly by: CompiledDeadline | undefined;
  /** Refrain: daily window in minutes after local midnight. */
  readonly window: { readonly from: number; readonly to: number } | undefined;
  readonly source: Obligation;
}

/** An agreement checked and compiled for evaluation. Phases are in dependency order. */
export interface Agreement {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly status: AgreementDocument['status'];
  readonly zone: string;
  readonly document: AgreementDocument;
  readonly phases: readonly CompiledPhase[];
  readonly obligations: readonly CompiledObligation[];
  readonly partyIds: ReadonlySet<string>;
  readonly cohortHeldBy: ReadonlyMap<string, string>;
}
