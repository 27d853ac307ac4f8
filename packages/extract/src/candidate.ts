import type { Span } from './span.ts';

/** What a candidate reports. `attack` covers hostilities outside any agreement's terms; `violation` is named as one. */
export type CandidateKind =
  | 'release'
  | 'pause-agreed'
  | 'pause-started'
  | 'pause-ended'
  | 'pause-extended'
  | 'proposal-term'
  | 'aid-or-supply'
  | 'violation'
  | 'attack'
  | 'casualty-figure'
  | 'statement';

/** Every kind, in the order a reader meets them in the docs. */
export const CANDIDATE_KINDS: readonly CandidateKind[] = [
  'release',
  'pause-agreed',
  'pause-started',
  'pause-ended',
  'pause-extended',
  'proposal-term',
  'aid-or-supply',
  'violation',
  'attack',
  'casualty-figure',
  'statement',
];

/** How sure the report is that the thing happened. */
export type Modality = 'happened' | 'proposed' | 'planned' | 'hoped' | 'denied' | 'conditional';

/** How fine a resolved date is. `part-of-day` carries `partOfDay` ("the morning of"). */
export type DatePrecision = 'year' | 'month' | 'day' | 'part-of-day' | 'minute';

/** A calendar date resolved against the publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
export interface DateValue {
  readonly date: string;
  readonly precision: DatePrecision;
  readonly partOfDay?: 'morning' | 'afternoon' | 'evening' | 'night';
  /** `HH:MM` when the report gives a clock time. */
  readonly time?: string;
  /** Only a weekday was given ("on Wednesday"): the date is that day before publication, or after it for what is still to come. */
  readonly fromWeekday?: true;
}

/** When a candidate happened: one date, an interval, or a length of time that is not a date ("a 30-day period"). */
export type When =
  | ({ readonly type: 'date'; readonly span: Span } & DateValue)
  | { readonly type: 'interval'; readonly from: DateValue; readonly to: DateValue; readonly span: Span }
  | { readonly type: 'duration'; readonly iso: string; readonly days: number; readonly span: Span };

/** How a number is qualified in the text. `range` is a vague word ("thousands") given as bounds. */
export type Qualifier = 'exact' | 'at-least' | 'more-than' | 'about' | 'at-most' | 'range';

/** A count with its qualifier; `min`/`max` bound a range, and equal `value` otherwise. */
export interface Quantity {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly qualifier: Qualifier;
  /** The noun counted ("hostages", "trucks"), when there is one. */
  readonly unit?: string;
  readonly span: Span;
}

/** A cohort word, normalised (`elderly` for "the elderly", `children` for "minors"). */
export interface Cohort {
  readonly cohort: string;
  readonly span: Span;
}

/** A named party, person or mediator, as written. */
export interface Actor {
  readonly name: string;
  readonly role: 'party' | 'person' | 'mediator';
  readonly span: Span;
}

/** Who said it: the outlet given by the caller, and the sources inside the report. */
export interface Attribution {
  readonly outlet?: string;
  readonly url?: string;
  /** In-report sources. `scope: 'report'` when said once for the whole report rather than in the candidate's sentence. */
  readonly sources: readonly { readonly scope: 'sentence' | 'report'; readonly span: Span }[];
}

/** One thing a report says happened (or was proposed, hoped, denied...), for a person to review. */
export interface Candidate {
  readonly kind: CandidateKind;
  /** The words that made this a candidate of its kind ("took effect", "released"). */
  readonly trigger: Span;
  /** The sentence (or clause) the candidate was read from. */
  readonly span: Span;
  readonly modality: Modality;
  /** The cue for the modality ("would", "denied"); absent for `happened`. */
  readonly modalityCue?: Span;
  readonly when?: When;
  readonly quantity?: Quantity;
  readonly cohorts: readonly Cohort[];
  readonly actors: readonly Actor[];
  /** Goods named for aid or supply (water, fuel, trucks...). */
  readonly goods: readonly Span[];
  readonly attribution: Attribution;
}
