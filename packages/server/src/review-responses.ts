import { CANDIDATE_KINDS } from '@truce/extract';
import { z } from 'zod';

// The answers of the extraction and review routes, for the OpenAPI document (responses are not validated).

const Span = z
  .object({ start: z.number().int(), end: z.number().int(), text: z.string() })
  .describe('[start, end) in UTF-16 code units into `text`, and the words there.');

const DateValue = z.object({
  date: z.string(),
  precision: z.enum(['year', 'month', 'day', 'part-of-day', 'minute']),
  partOfDay: z.enum(['morning', 'afternoon', 'evening', 'night']).optional(),
  time: z.string().optional(),
  fromWeekday: z.literal(true).optional(),
});

const Candidate = z.object({
  kind: z.enum(CANDIDATE_KINDS as [string, ...string[]]),
  trigger: Span,
  span: Span.describe('The sentence or clause the candidate was read from.'),
  modality: z.enum(['happened', 'proposed', 'planned', 'hoped', 'denied', 'conditional']),
  modalityCue: Span.optional(),
  when: z
    .union([
      DateValue.extend({ type: z.literal('date'), span: Span }),
      z.object({ type: z.literal('interval'), from: DateValue, to: DateValue, span: Span }),
      z.object({ type: z.literal('duration'), iso: z.string(), days: z.number(), span: Span }),
    ])
    .optional(),
  quantity: z
    .object({
      value: z.number(),
      min: z.number(),
      max: z.number(),
      qualifier: z.enum(['exact', 'at-least', 'more-than', 'about', 'at-most', 'range']),
      unit: z.string().optional(),
      span: Span,
    })
    .optional(),
  cohorts: z.array(z.object({ cohort: z.string(), span: Span })),
  actors: z.array(z.object({ name: z.string(), role: z.enum(['party', 'person', 'mediator']), span: Span })),
  goods: z.array(Span),
  attribution: z.object({
    outlet: z.string().optional(),
    url: z.string().optional(),
    sources: z.array(z.object({ scope: z.enum(['sentence', 'report']), span: Span })),
  }),
});

const Fields = z.record(z.string(), z.unknown()).describe('Event fields, named as `truce record`’s flags.');

const Proposal = z.object({
  candidate: z.number().int().describe('The candidate’s number, from 1.'),
  ok: z.boolean().describe('Whether the candidate can be accepted as a ledger event.'),
  fields: Fields.optional().describe('When ok: the proposed event.'),
  missing: z
    .array(z.string())
    .optional()
    .describe('When ok: what the report does not give; edit to give it.'),
  reason: z.string().optional().describe('When not ok: why it is not an event.'),
  note: Fields.describe('The statement event that would note the candidate.'),
});

export const ExtractResponse = z.object({
  text: z.string().describe('The plain text every span indexes.'),
  format: z.enum(['text', 'html']),
  published: z.string(),
  candidates: z.array(Candidate),
  notes: z.array(z.object({ code: z.string(), message: z.string() })),
  proposals: z
    .array(Proposal)
    .optional()
    .describe('With `agreement`: for each candidate, in order, the ledger event it proposes.'),
});

export const ReviewResponse = z.object({
  agreement: z.string(),
  outcomes: z.array(
    z.object({
      candidate: z.number().int(),
      kind: z.string(),
      action: z.enum(['recorded', 'already recorded', 'rejected', 'skipped']),
      id: z.string().optional().describe('The event’s id (recorded or already recorded).'),
      seq: z.number().int().optional().describe('Its place in the ledger.'),
      type: z.string().optional(),
    }),
  ),
});
