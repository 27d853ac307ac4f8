/** How conflicting reports of the same fact are resolved, and which events count at all. */
export type EvidencePolicy = 'best-graded' | 'confirmed-only' | 'lowest';
export const EVIDENCE_POLICIES: readonly EvidencePolicy[] = ['best-graded', 'confirmed-only', 'lowest'];

export type PhaseState = 'not-started' | 'awaiting-event' | 'running' | 'ended' | 'collapsed';

export type ObligationState =
  | 'not-in-effect'
  | 'in-effect'
  | 'fulfilled'
  | 'partly-fulfilled'
  | 'overdue'
  | 'violated'
  | 'suspended'
  | 'ended'
  | 'disputed'
  | 'indeterminate';

export interface PhaseExtension {
  readonly eventId: string;
  /** ISO 8601 duration added. */
  readonly by: string;
  /** When it was agreed (RFC 3339). */
  readonly agreedAt: string;
  readonly cause: string;
}

export interface ExtensionEligibility {
  /** The rule in words. */
  readonly rule: string;
  /** In-framework releases of the rule's cohorts during the phase. */
  readonly counted: number;
  readonly eligibleDays: number;
  readonly agreedDays: number;
  /** Cap on total length in days, if any. */
  readonly capDays: number | null;
  readonly explanation: string;
}

export interface PhaseStatus {
  readonly id: string;
  readonly name: string;
  readonly state: PhaseState;
  /** As planned in the agreement, before any extension (RFC 3339, or null when it depends on an event). */
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  /** As it ran (null while not yet). */
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  /** The end as things stand: planned end plus agreed extensions. */
  readonly scheduledEnd: string | null;
  readonly endReason: 'expired' | 'completed' | 'terminated' | 'collapsed' | null;
  /** Day N of M while running (M counts agreed extensions). */
  readonly day: number | null;
  readonly days: number | null;
  readonly extensions: readonly PhaseExtension[];
  readonly eligibility: ExtensionEligibility | null;
  /** Released during the phase, per releasing party. */
  readonly released: readonly ReleaseTotal[];
  readonly explanation: readonly string[];
}

export interface CountedEvent {
  readonly id: string;
  readonly at: string;
  readonly amount: number | null;
  readonly note?: string;
}

export interface ExcludedEvent {
  readonly id: string;
  readonly reason: string;
}

/** One period of a rate, or one day of a reciprocal release. */
export interface PeriodStatus {
  readonly index: number;
  readonly start: string;
  readonly end: string;
  readonly due: number;
  readonly delivered: number | null;
  readonly state: 'met' | 'short' | 'unknown' | 'pending' | 'covered-by-span';
  readonly note?: string;
}

export interface ObligationStatus {
  readonly id: string;
  readonly kind: string;
  readonly party: string;
  readonly phase: string;
  readonly clause: { readonly ref: string; readonly text: string };
  readonly state: ObligationState;
  /** Why it is in that state, in one sentence. */
  readonly reason: string;
  readonly due: number | null;
  readonly delivered: number | null;
  /** The delivered figure under the lowest and highest readings of uncertain or conflicting reports. */
  readonly deliveredRange: { readonly low: number; readonly high: number } | null;
  readonly remaining: number | null;
  /** Delivered ÷ due; for a reciprocal release, what was released per person the other side released. */
  readonly ratio: number | null;
  readonly nextDeadline: string | null;
  readonly counted: readonly CountedEvent[];
  readonly excluded: readonly ExcludedEvent[];
  readonly arithmetic: readonly string[];
  readonly periods?: readonly PeriodStatus[];
}

export interface DiscrepantReport {
  readonly eventId: string;
  readonly figure: number;
  readonly status: string;
  readonly grade: string | null;
  readonly sources: readonly {
    readonly outlet: string;
    readonly attribution?: string;
    readonly url?: string;
  }[];
}

export interface Discrepancy {
  readonly fact: string;
  readonly kind: 'conflicting-reports' | 'claim-vs-ledger';
  readonly description: string;
  readonly reports: readonly DiscrepantReport[];
  /** The figure the evaluation used, and the event it came from (null when computed from the ledger). */
  readonly used: { readonly eventId: string | null; readonly figure: number };
  readonly why: string;
  /** Where a claim differs from the ledger: a scope under which the ledger gives the claimed figure. */
  readonly explanation: string | null;
}

export interface ReleaseTotal {
  readonly party: string;
  readonly inFramework: number;
  readonly outsideFramework: number;
  readonly total: number;
}

/** Where the agreement stands at a moment of the world, as known at a moment of the record. */
export interface Status {
  readonly agreement: {
    readonly id: string;
    readonly version: number;
    readonly title: string;
    readonly status: string;
    readonly timeZone: string;
  };
  readonly asOf: string;
  /** Events recorded after this were left out; null when every recorded event was considered. */
  readonly knownAt: string | null;
  readonly evidence: EvidencePolicy;
  readonly phases: readonly PhaseStatus[];
  readonly obligations: readonly ObligationStatus[];
  readonly discrepancies: readonly Discrepancy[];
  /** Released per releasing party, up to `asOf`: under the framework, outside it, and in all. */
  readonly released: readonly ReleaseTotal[];
  readonly nextChange: { readonly at: string; readonly what: string } | null;
  readonly events: { readonly known: number; readonly counted: number; readonly superseded: number };
}
