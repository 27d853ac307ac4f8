import type { Source } from './agreement-schema.ts';
import type { Duration } from './duration.ts';
import type { Precision } from './instant.ts';

export type EventStatus = 'reported' | 'corroborated' | 'confirmed' | 'disputed' | 'retracted';

/** A count with its uncertainty: best figure, and a low–high range (equal to best when exact). */
export interface Figure {
  readonly best: number;
  readonly low: number;
  readonly high: number;
}

export interface ReleasedCount extends Figure {
  readonly cohort: string;
  /** `codeOf(cohort)`, set when parsed. */
  readonly cohortCode: number;
}

interface EventBase {
  readonly id: string;
  /** A release or delivery at one instant, with no fact key, counted when it happened (set when parsed). */
  readonly plain: boolean;
  /** `at` and `recorded` in whole minutes since the epoch: small integers, read without following a pointer. */
  readonly atMinute: number;
  readonly recordedMinute: number;
  /** The instant the event counts at: the middle of its precision range (for an interval, of its first day). */
  readonly at: number;
  /** For an interval, the middle of its last precision range; otherwise equal to `at`. */
  readonly until: number;
  /** The whole range the written time can mean. */
  readonly occurredStart: number;
  readonly occurredEnd: number;
  readonly precision: Precision;
  readonly recorded: number;
  readonly status: EventStatus;
  readonly fact: string | undefined;
  readonly outsideFramework: boolean;
  readonly sources: readonly Source[];
  /** 0–35 from the best Admiralty grade of its sources (reliability × 6 + credibility); -1 when ungraded. */
  readonly grade: number;
  readonly note: string | undefined;
  /** True when person-level details were recorded (they are kept out of status and public views). */
  readonly hasPersons: boolean;
  /** For a correction's replacement: the id of the event it corrects. */
  readonly corrects: string | undefined;
}

export type LedgerEvent =
  | (EventBase & {
      readonly type: 'release';
      readonly party: string;
      /** `codeOf(party)`, set when parsed. */
      readonly partyCode: number;
      readonly released: readonly ReleasedCount[];
      readonly credited: number;
      readonly creditedMinute: number;
    })
  | (EventBase & {
      readonly type: 'aid-delivery';
      readonly party: string | undefined;
      /** `codeOf(party)`, or -1 when no party is named; set when parsed. */
      readonly partyCode: number;
      readonly item: string;
      readonly itemCode: number;
      readonly quantity: Figure;
      readonly area: string | undefined;
    })
  | (EventBase & {
      readonly type: 'violation';
      readonly party: string;
      readonly obligation: string | undefined;
      readonly activity: string | undefined;
      readonly area: string | undefined;
      readonly reportedBy: string | undefined;
    })
  | (EventBase & { readonly type: 'phase-started'; readonly phase: string })
  | (EventBase & {
      readonly type: 'phase-extended';
      readonly phase: string;
      readonly by: Duration;
      readonly byText: string;
    })
  | (EventBase & {
      readonly type: 'phase-ended';
      readonly phase: string;
      readonly reason: 'expired' | 'completed' | 'terminated';
    })
  | (EventBase & {
      readonly type: 'phase-collapsed';
      readonly phase: string;
      readonly blamedOn: readonly string[];
    })
  | (EventBase & {
      readonly type: 'talks-held';
      readonly parties: readonly string[];
      readonly topic: string | undefined;
    })
  | (EventBase & {
      readonly type: 'list-handed-over';
      readonly party: string;
      readonly to: string | undefined;
      readonly count: Figure | undefined;
    })
  | (EventBase & { readonly type: 'withdrawal'; readonly party: string; readonly area: string })
  | (EventBase & {
      readonly type: 'statement';
      readonly party: string | undefined;
      readonly text: string | undefined;
      readonly claim: Claim | undefined;
    })
  | (EventBase & {
      readonly type: 'suspension';
      readonly obligations: readonly string[];
      readonly by: string | undefined;
    })
  | (EventBase & {
      readonly type: 'correction';
      readonly supersedes: string;
      readonly replacement: LedgerEvent;
    })
  | (EventBase & { readonly type: 'retraction'; readonly supersedes: string });

export type EventType = LedgerEvent['type'];

/** A figure a report states about the ledger, to be compared with what the ledger adds up to. */
export interface Claim {
  readonly measure: 'released';
  readonly heldBy: string | undefined;
  readonly releasedBy: string | undefined;
  readonly inFrameworkOnly: boolean;
  readonly cohorts: readonly string[] | undefined;
  readonly during: string | undefined;
  readonly since: number | undefined;
  readonly until: number | undefined;
  readonly value: Figure;
}

/** A ledger: the events recorded under one agreement. */
export interface Ledger {
  readonly agreement: string;
  readonly events: readonly LedgerEvent[];
}

const RELIABILITY = { A: 5, B: 4, C: 3, D: 2, E: 1, F: 0 } as const;

/** The best Admiralty grade among sources as one number: higher is better; -1 when none is graded. */
export function gradeOf(sources: readonly Source[]): number {
  let best = -1;
  for (const s of sources) {
    if (s.reliability === undefined && s.credibility === undefined) continue;
    const r = s.reliability === undefined ? 0 : RELIABILITY[s.reliability];
    const c = s.credibility === undefined ? 0 : 6 - s.credibility;
    best = Math.max(best, r * 6 + c);
  }
  return best;
}

/** The Admiralty grade as written, e.g. `B2`, of the best-graded source. */
export function gradeLabel(sources: readonly Source[]): string | undefined {
  let best: Source | undefined;
  for (const s of sources) if (gradeOf([s]) > (best ? gradeOf([best]) : -1)) best = s;
  return best ? `${best.reliability ?? '?'}${best.credibility ?? '?'}` : undefined;
}
