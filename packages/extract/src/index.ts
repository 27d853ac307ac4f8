export type {
  Actor,
  Attribution,
  Candidate,
  CandidateKind,
  Cohort,
  DatePrecision,
  DateValue,
  Modality,
  Qualifier,
  Quantity,
  When,
} from './candidate.ts';
export { CANDIDATE_KINDS } from './candidate.ts';
export { describeWhen } from './describe-when.ts';
export { type Extraction, type ExtractOptions, extract } from './extract.ts';
export {
  highlight,
  type RoleSpan,
  type Segment,
  type SpanRole,
  segmentsOf,
  spansOf,
} from './highlight.ts';
export type { ExtractionNote } from './input-checks.ts';
export { issueField } from './issue-field.ts';
export { toPlainText } from './plain-text.ts';
export {
  type PlannedEvent,
  planReview,
  type ReviewOutcome,
  type ReviewPlan,
  type ReviewProblem,
} from './plan-review.ts';
export { type Proposal, type ProposedFields, proposeEvent } from './propose-event.ts';
export { recordReviewed } from './record-review.ts';
export {
  checkDecisions,
  parseDecisions,
  type ReviewDecision,
  ReviewDecisionSchema,
  ReviewFieldValues,
} from './review-decisions.ts';
export {
  buildEvent,
  decidedFields,
  eventIssues,
  type ReviewContext,
  type ReviewedFields,
} from './review-event.ts';
export type { Span } from './span.ts';
