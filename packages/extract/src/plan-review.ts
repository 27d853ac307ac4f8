import type { CandidateKind } from './candidate.ts';
import { issueField } from './issue-field.ts';
import { proposeEvent } from './propose-event.ts';
import type { ReviewDecision } from './review-decisions.ts';
import { buildEvent, decidedFields, eventIssues, type ReviewContext } from './review-event.ts';

/** What became of one candidate. */
export interface ReviewOutcome {
  readonly candidate: number;
  readonly kind: CandidateKind;
  readonly action: 'recorded' | 'already recorded' | 'rejected' | 'skipped';
  readonly id?: string;
  readonly seq?: number;
  readonly type?: string;
}

/** Why one decision cannot be taken; `field` names the reviewed field when one is at fault. */
export interface ReviewProblem {
  readonly candidate: number;
  readonly field?: string;
  readonly message: string;
}

/** An event a decision makes, not yet stored. */
export interface PlannedEvent {
  readonly candidate: number;
  readonly kind: CandidateKind;
  readonly doc: Record<string, unknown>;
}

/** The events the decisions make and what became of the other candidates, or every problem with them. */
export type ReviewPlan =
  | {
      readonly ok: true;
      readonly events: readonly PlannedEvent[];
      readonly outcomes: readonly ReviewOutcome[];
    }
  | { readonly ok: false; readonly problems: readonly ReviewProblem[] };

/**
 * Checks every decision against the report's candidates and the agreement before anything is stored:
 * each accepted, edited or noted candidate becomes its event (as `buildEvent` makes it), checked as the
 * store will check it; rejected and undecided candidates are outcomes already. Any problem fails the whole plan.
 * `setName` is what the caller calls a decision's fields in its messages (`set` in a decisions file).
 */
export function planReview(
  ctx: ReviewContext,
  decisions: readonly ReviewDecision[],
  setName = 'set',
): ReviewPlan {
  const { candidates } = ctx.extraction;
  const problems: ReviewProblem[] = [];
  const events: PlannedEvent[] = [];
  const outcomes: ReviewOutcome[] = [];
  const byNumber = new Map(decisions.map((d) => [d.candidate, d]));
  for (const d of decisions)
    if (d.candidate > candidates.length)
      problems.push({
        candidate: d.candidate,
        message: `candidate ${d.candidate}: the report has ${candidates.length} candidates`,
      });
  candidates.forEach((c, i) => {
    const n = i + 1;
    const d = byNumber.get(n);
    if (!d) return void outcomes.push({ candidate: n, kind: c.kind, action: 'skipped' });
    if (d.kind && d.kind !== c.kind)
      return void problems.push({
        candidate: n,
        message: `candidate ${n} is a ${c.kind}, not a ${d.kind}: is this the same report?`,
      });
    if (d.action === 'reject') return void outcomes.push({ candidate: n, kind: c.kind, action: 'rejected' });
    const fields = decidedFields(d, proposeEvent(c, ctx.agreement, ctx.extraction.published), setName);
    if (typeof fields === 'string')
      return void problems.push({ candidate: n, message: `candidate ${n} (${c.kind}) ${fields}` });
    const doc = buildEvent(fields, c, ctx);
    const issues = eventIssues(doc, ctx.agreement);
    for (const issue of issues) {
      const field = issueField(issue.path);
      problems.push({
        candidate: n,
        ...(field === undefined ? {} : { field }),
        message: `candidate ${n} (${c.kind}) ${field ?? 'event'}: ${issue.message}`,
      });
    }
    if (issues.length === 0) events.push({ candidate: n, kind: c.kind, doc });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events, outcomes };
}
