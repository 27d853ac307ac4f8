import { EVIDENCE_POLICIES, EventSchema } from '@truce/core';
import { ReviewDecisionSchema, ReviewFieldValues } from '@truce/extract';
import { AssumptionsSchema } from '@truce/project';
import { z } from 'zod';
import { ROLES } from './auth.ts';

// The schemas that validate requests; the OpenAPI document is generated from these same objects.

export const StatusQuery = z.strictObject({
  asOf: z
    .string()
    .optional()
    .describe(
      'The moment of the world to evaluate at (default: now): RFC 3339, a local time or a date, in the agreement’s zone.',
    ),
  knownAt: z
    .string()
    .optional()
    .describe('Only events recorded by then count (default: everything recorded so far).'),
  evidence: z
    .enum(EVIDENCE_POLICIES)
    .optional()
    .describe('Which reports count when they disagree (default: best-graded).'),
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Evaluate under this stored version (default: the latest).'),
});

export const EventsQuery = z.strictObject({
  type: z.string().optional().describe('Only events of this type.'),
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Events after this seq: the `next` of the page before (default: from the start).'),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only events stored in this ledger at or after this time (RFC 3339).'),
  to: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only events stored in this ledger before this time (RFC 3339).'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('At most this many events (1–1000).'),
});

export const StreamQuery = StatusQuery.pick({ evidence: true, version: true });

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** One event as written in a ledger file (the core's schema), checked again by the store on append. */
export const EventBody = EventSchema;

export const AppendBody = z.union([
  z.strictObject({ events: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000) }),
  z.record(z.string(), z.unknown()),
]);

export const PublicBody = z.strictObject({ public: z.boolean() });

export const TokenBody = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
});

export const LoginBody = z.strictObject({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export const UserBody = z.strictObject({
  email: z.string().min(3).max(320).describe('The account’s name: an email address.'),
  role: z.enum(ROLES),
  password: z.string().min(12).max(1000).describe('At least 12 characters.'),
});

/** Most runs one projection request may ask for: enough for tight percentiles, bounded in time. */
export const MAX_PROJECTION_RUNS = 100_000;

export const ProjectionBody = z.strictObject({
  runs: z
    .number()
    .int()
    .min(1)
    .max(MAX_PROJECTION_RUNS)
    .optional()
    .describe(`How many simulated runs (default 10000, at most ${MAX_PROJECTION_RUNS}).`),
  seed: z
    .number()
    .int()
    .min(0)
    .max(4_294_967_295)
    .optional()
    .describe('The seed (default 1): the same seed and inputs give byte-identical JSON.'),
  asOf: z
    .string()
    .optional()
    .describe(
      'Where the runs start; the ledger up to here is what happened (default: the first fixed phase start). RFC 3339, a local time or a date, in the agreement’s zone.',
    ),
  assumptions: AssumptionsSchema.optional().describe(
    'The fields of an assumptions file (docs/projection.md), as JSON; cohort and phase ids must be the agreements’.',
  ),
  compare: z
    .array(z.string().min(1).max(200))
    .max(4)
    .optional()
    .describe('Other stored agreements projected under the same assumptions and seed, side by side.'),
});

/**
 * The projection body as first checked: the assumptions only as an object, then read by the projection
 * package's own parser (parseAssumptions), so its messages are those `truce project` gives for a file.
 */
export const ProjectionBodyShape = ProjectionBody.extend({
  assumptions: z.record(z.string(), z.unknown()).optional(),
});

const report = {
  text: z
    .string()
    .optional()
    .describe('The report: plain text, or HTML (told apart by its tags). Give `text` or `html`.'),
  html: z
    .string()
    .optional()
    .describe('The report as an HTML page; its scripts, navigation, header and footer are left out.'),
  published: z.iso
    .date()
    .describe('The day the report was published (YYYY-MM-DD): “Wednesday” is read against it.'),
  outlet: z.string().min(1).max(300).optional().describe('Who published the report.'),
  url: z.string().min(1).max(2000).optional().describe('Where it was published (recorded, never fetched).'),
  name: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe(
      'The report’s file name, which names it in each event’s note, as `truce review` does: the same report ' +
        'reviewed from the CLI and here then makes the same events (default: the outlet).',
    ),
};
const oneReport = (r: { text?: string | undefined; html?: string | undefined }) =>
  (r.text === undefined) !== (r.html === undefined);
const ONE_REPORT = { message: 'give the report as `text` or as `html`, not both', path: ['text'] };

export const ExtractBody = z
  .strictObject({
    ...report,
    agreement: z
      .string()
      .min(1)
      .optional()
      .describe(
        'An agreement the caller may read: each candidate then comes with the ledger event it proposes.',
      ),
  })
  .refine(oneReport, ONE_REPORT);

export const ReviewDecisionBody = ReviewDecisionSchema.omit({ set: true }).extend({
  fields: ReviewFieldValues.optional().describe(
    'For edit (and note): the event’s fields that replace the proposed ones.',
  ),
});

export const ReviewBody = z.strictObject({
  report: z.strictObject(report).refine(oneReport, ONE_REPORT),
  decisions: z
    .array(ReviewDecisionBody)
    .min(1)
    .max(10_000)
    .describe('One per candidate decided; candidates not listed are skipped.'),
});
