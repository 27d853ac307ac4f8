import { createHash } from 'node:crypto';
import { type Agreement, LedgerFileSchema, normalizeEvents } from '@truce/core';
import { canonicalJson } from '@truce/store';
import type { Candidate } from './candidate.ts';
import type { Extraction } from './extract.ts';
import type { Proposal, ProposedFields } from './propose-event.ts';
import type { ReviewDecision } from './review-decisions.ts';

/** The fields a reviewer settled on: the proposed ones, as accepted or edited. */
export type ReviewedFields = ProposedFields & { status?: string; outsideFramework?: boolean };

/** Everything an event built from a report shares: the agreement, the report as its source, when it was recorded. */
export interface ReviewContext {
  readonly agreement: Agreement;
  readonly extraction: Extraction;
  /** The report as the events' source: outlet, published, url. */
  readonly source: Readonly<Record<string, string>>;
  /** When the ledger learned of it (RFC 3339). */
  readonly recorded: string;
  /** The report's name in each event's note (the CLI gives its file name). */
  readonly reportName: string;
}

/**
 * The ledger event for reviewed fields, with the report as its source and the candidate's in-report
 * sources as the attribution. The id is derived from everything but `recorded`, so a second review of
 * the same report names the same events and the store skips them.
 */
export function buildEvent(
  fields: ReviewedFields,
  c: Candidate,
  ctx: ReviewContext,
): Record<string, unknown> {
  const doc: Record<string, unknown> = { type: fields.type, occurred: fields.occurred };
  for (const key of ['party', 'item', 'quantity', 'area', 'phase', 'by', 'text', 'status'] as const)
    if (fields[key] !== undefined) doc[key] = fields[key];
  if (fields.cohort !== undefined || fields.count !== undefined)
    doc.released = [{ cohort: fields.cohort, count: fields.count }];
  if (fields.outsideFramework) doc.outsideFramework = true;
  const attribution = c.attribution.sources.map((s) => s.span.text).join('; ');
  doc.sources = [{ ...ctx.source, ...(attribution ? { attribution } : {}) }];
  doc.note =
    fields.note ?? `From ${ctx.reportName}: “${c.span.text.replace(/\s+/g, ' ')}” (${c.kind}, ${c.modality})`;
  const id = `ev-${fields.type}-${createHash('sha256').update(canonicalJson(doc)).digest('hex').slice(0, 12)}`;
  return { id, ...doc, recorded: ctx.recorded };
}

/** The core's checks of one event document against the agreement (the same the store runs), with paths into a ledger file. */
export function eventIssues(
  doc: Record<string, unknown>,
  agreement: Agreement,
): { path: (string | number)[]; message: string }[] {
  const parsed = LedgerFileSchema.safeParse({ agreement: agreement.id, events: [doc] });
  if (!parsed.success)
    return parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  const issues: { path: (string | number)[]; message: string }[] = [];
  normalizeEvents(parsed.data.events, agreement, {}, (_code, path, message) =>
    issues.push({ path: [...path], message }),
  );
  return issues;
}

/** The fields a decision gives, or why it cannot be taken. `setName` is what the caller calls a decision's fields. */
export function decidedFields(
  decision: ReviewDecision,
  proposal: Proposal,
  setName = 'set',
): ReviewedFields | string {
  switch (decision.action) {
    case 'accept':
      if (!proposal.ok)
        return `cannot be accepted: ${proposal.reason}; note it, edit it into an event, or reject it`;
      if (proposal.missing.length > 0)
        return `cannot be accepted as it is: the report does not give its ${proposal.missing.join(', ')}; use edit with ${setName}`;
      return proposal.fields;
    case 'edit':
      return { ...(proposal.ok ? proposal.fields : proposal.note), ...decision.set } as ReviewedFields;
    case 'note':
      return { ...proposal.note, ...decision.set, type: 'statement' } as ReviewedFields;
    case 'reject':
      return 'rejected';
  }
}
