// The shapes the dashboard reads from the API: the status JSON (docs/status-json.md) and the rest.

/** People released by one party. */
export interface ReleaseTotal {
  party: string;
  inFramework: number;
  outsideFramework: number;
  total: number;
}

export interface Extension {
  eventId: string;
  by: string;
  agreedAt: string;
  cause: string;
}

export interface PhaseStatus {
  id: string;
  name: string;
  state: 'not-started' | 'awaiting-event' | 'running' | 'ended' | 'collapsed';
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  scheduledEnd: string | null;
  endReason: string | null;
  day: number | null;
  days: number | null;
  extensions: Extension[];
  eligibility: {
    rule: string;
    counted: number;
    eligibleDays: number;
    agreedDays: number;
    capDays: number | null;
    explanation: string;
  } | null;
  released: ReleaseTotal[];
  explanation: string[];
}

export interface PeriodStatus {
  index: number;
  start: string;
  end: string;
  due: number;
  delivered: number | null;
  state: 'met' | 'short' | 'unknown' | 'pending' | 'covered-by-span';
  note?: string;
}

export interface ObligationStatus {
  id: string;
  kind: 'release' | 'reciprocal-release' | 'rate' | 'refrain' | 'withdraw' | 'act-by';
  party: string;
  phase: string;
  clause: { ref: string; text: string };
  state: string;
  reason: string;
  due: number | null;
  delivered: number | null;
  deliveredRange: { low: number; high: number } | null;
  remaining: number | null;
  ratio: number | null;
  nextDeadline: string | null;
  counted: { id: string; at: string; amount: number | null; note?: string }[];
  excluded: { id: string; reason: string }[];
  arithmetic: string[];
  periods?: PeriodStatus[];
}

export interface Discrepancy {
  fact: string;
  kind: 'conflicting-reports' | 'claim-vs-ledger';
  description: string;
  reports: {
    eventId: string;
    figure: number;
    status: string;
    grade: string | null;
    sources: { outlet: string; attribution?: string; url?: string }[];
  }[];
  used: { eventId: string | null; figure: number };
  why: string;
  explanation: string | null;
}

export interface Status {
  agreement: { id: string; version: number; title: string; status: string; timeZone: string };
  asOf: string;
  knownAt: string | null;
  evidence: string;
  phases: PhaseStatus[];
  obligations: ObligationStatus[];
  discrepancies: Discrepancy[];
  released: ReleaseTotal[];
  nextChange: { at: string; what: string } | null;
  events: { known: number; counted: number; superseded: number };
}

export interface AgreementSummary {
  id: string;
  title: string;
  version: number;
  events: number;
  public: boolean;
}

/** Who is looking: `role` is null for an anonymous reader. */
export interface Session {
  name: string | null;
  role: 'viewer' | 'editor' | 'admin' | null;
  csrf: string | null;
}

/** One ledger event as the API lists it (person-level fields only for editors and admins). */
export interface LedgerEntry {
  seq: number;
  event: Record<string, unknown> & { id: string; type: string };
}

export interface Explanation {
  agreement: string;
  asOf: string;
  obligation: ObligationStatus | null;
  explanation: string[];
}

/** Percentiles over the runs of a projection. */
export interface Spread {
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** A release draw of an assumptions file: fixed, Poisson or empirical, optionally only in some phases. */
export type ReleaseDraw = ({ fixed: number } | { poisson: number } | { empirical: number[] }) & {
  during?: string[];
};

/** The assumptions of a projection (docs/projection.md), as the server answers them: defaults filled. */
export interface Assumptions {
  horizonDays?: number;
  collapse?: { daily?: number; phases?: Record<string, number> };
  extension?: { probability: number };
  releases?: Record<string, ReleaseDraw>;
  delays?: Record<string, number | { min: number; max: number }>;
  releasedBy?: string;
}

/** One agreement's projection (the JSON of `truce project --json`). */
export interface Projection {
  agreement: { id: string; title: string };
  asOf: string;
  runs: number;
  seed: number;
  horizonDays: number;
  pauseLength: Spread & {
    min: number;
    max: number;
    censored: number;
    histogram: { days: number; runs: number }[];
  };
  phases: {
    id: string;
    name: string;
    reached: number;
    ended: number;
    collapsed: number;
    runningAtHorizon: number;
    extendedDays: Spread;
  }[];
  released: ({ cohort: string; heldBy: string; by: string } & Spread)[];
  deadlines: {
    obligation: string;
    count: number;
    met: number;
    missed: number;
    notReached: number;
    missedAt: { p5: string; p50: string; p95: string } | null;
  }[];
  fan: {
    runs: number;
    cohorts: { cohort: string; heldBy: string; days: ({ day: number; at: string } & Spread)[] }[];
  };
  pauseDays: number;
}

/** What POST /api/agreements/:id/projection answers: one projection, or proposals side by side. */
export type ProjectionAnswer =
  | ({ assumptions: Assumptions } & Projection)
  | { assumptions: Assumptions; proposals: Projection[] };

/** What a projection is asked for. */
export interface ProjectionRequest {
  runs?: unknown;
  seed?: unknown;
  asOf?: string;
  assumptions?: Record<string, unknown>;
  compare?: string[];
}

/** A stored agreement as GET /api/agreements/:id gives it (the document as written). */
export interface AgreementDocument {
  id: string;
  version: number;
  document: {
    title: string;
    timeZone: string;
    cohorts?: { id: string; name?: string }[];
    phases?: { id: string; name?: string; start?: Record<string, unknown> }[];
  };
}
