import { z } from 'zod';
import { DurationText, Id, SourceSchema, TimeText } from './agreement-schema.ts';

export const QuantitySchema = z
  .union([
    z.number().min(0),
    z
      .strictObject({
        best: z.number().min(0),
        low: z.number().min(0).optional(),
        high: z.number().min(0).optional(),
      })
      .refine((q) => (q.low ?? q.best) <= q.best && q.best <= (q.high ?? q.best), {
        message: 'a quantity needs low ≤ best ≤ high',
      }),
  ])
  .describe('A count: a number, or `{ best, low, high }` when it is uncertain.');

export const OccurredSchema = z
  .union([
    TimeText,
    z.strictObject({
      at: TimeText,
      precision: z.enum(['second', 'minute', 'hour', 'day', 'month']).optional(),
    }),
    z.strictObject({
      from: TimeText,
      to: TimeText,
      precision: z.enum(['second', 'minute', 'hour', 'day', 'month']).optional(),
    }),
  ])
  .describe(
    'When it happened: an instant, or an interval `{ from, to }` (inclusive of both ends at their precision).',
  );

export const EventStatus = z
  .enum(['reported', 'corroborated', 'confirmed', 'disputed', 'retracted'])
  .describe('How far the event is established.');

const Common = {
  id: Id.describe('Stable and unique in the ledger; a retried append with the same id is the same event.'),
  occurred: OccurredSchema,
  recorded: TimeText.describe('When the ledger learned of it.'),
  status: EventStatus.default('reported'),
  sources: z
    .array(z.union([z.string(), SourceSchema]))
    .default([])
    .describe('Source keys or sources written out.'),
  fact: z
    .string()
    .optional()
    .describe(
      'Events with the same `fact` report the same fact; when their figures differ, that is a discrepancy.',
    ),
  outsideFramework: z
    .boolean()
    .default(false)
    .describe(
      'True for events that happened outside the agreement (they count toward none of its obligations).',
    ),
  note: z.string().optional(),
  persons: z
    .array(z.record(z.string(), z.unknown()))
    .optional()
    .describe('Person-level details. Sensitive: never shown to the public role, never in a public export.'),
};

export const ReleaseEvent = z.strictObject({
  ...Common,
  type: z.literal('release'),
  party: Id.describe('The party that released them (or `rescue` when freed by force).'),
  released: z.array(z.strictObject({ cohort: Id, count: QuantitySchema })).min(1),
  creditedAt: TimeText.optional().describe(
    'When the release counts toward obligations, if the parties agreed to credit it later than it happened.',
  ),
});

export const AidDeliveryEvent = z.strictObject({
  ...Common,
  type: z.literal('aid-delivery'),
  party: Id.optional().describe('The party obliged to allow or deliver it.'),
  item: z.string(),
  quantity: QuantitySchema,
  area: z.string().optional(),
});

export const ViolationEvent = z.strictObject({
  ...Common,
  type: z.literal('violation'),
  party: Id.describe('The party said to have violated.'),
  obligation: Id.optional().describe('The obligation said to be violated, when known.'),
  activity: z.string().optional(),
  area: z.string().optional(),
  reportedBy: Id.optional(),
});

const PhaseRef = { phase: Id };

export const PhaseStartedEvent = z.strictObject({ ...Common, ...PhaseRef, type: z.literal('phase-started') });
export const PhaseExtendedEvent = z.strictObject({
  ...Common,
  ...PhaseRef,
  type: z.literal('phase-extended'),
  by: DurationText.describe('How much longer the phase runs.'),
  agreedBy: z.array(Id).optional(),
});
export const PhaseEndedEvent = z.strictObject({
  ...Common,
  ...PhaseRef,
  type: z.literal('phase-ended'),
  reason: z.enum(['expired', 'completed', 'terminated']).default('expired'),
});
export const PhaseCollapsedEvent = z.strictObject({
  ...Common,
  ...PhaseRef,
  type: z.literal('phase-collapsed'),
  blamedOn: z.array(Id).optional(),
});
export const TalksHeldEvent = z.strictObject({
  ...Common,
  type: z.literal('talks-held'),
  parties: z.array(Id).default([]),
  topic: z.string().optional(),
});
export const ListHandedOverEvent = z.strictObject({
  ...Common,
  type: z.literal('list-handed-over'),
  party: Id,
  to: Id.optional(),
  count: QuantitySchema.optional(),
});
export const WithdrawalEvent = z.strictObject({
  ...Common,
  type: z.literal('withdrawal'),
  party: Id,
  area: z.string(),
});

export const ClaimSchema = z
  .strictObject({
    measure: z.literal('released'),
    heldBy: Id.optional().describe(
      'People held by this party (e.g. "hostages" = held by one side), released by anyone.',
    ),
    releasedBy: Id.optional().describe('Only releases made by this party.'),
    inFrameworkOnly: z.boolean().default(false).describe('Only releases under the agreement.'),
    cohorts: z.array(Id).optional(),
    during: Id.optional().describe('A phase: the claim is about releases during it.'),
    since: TimeText.optional(),
    until: TimeText.optional(),
    value: QuantitySchema,
  })
  .describe('A figure a report states about the ledger ("110 hostages released during the pause").');

export const StatementEvent = z.strictObject({
  ...Common,
  type: z.literal('statement'),
  party: Id.optional(),
  text: z.string().optional(),
  claim: ClaimSchema.optional(),
});
export const SuspensionEvent = z.strictObject({
  ...Common,
  type: z.literal('suspension'),
  obligations: z.array(Id).min(1),
  by: Id.optional(),
  power: Id.optional(),
});
export const RetractionEvent = z.strictObject({
  ...Common,
  type: z.literal('retraction'),
  supersedes: Id,
});

const BaseEvents = [
  ReleaseEvent,
  AidDeliveryEvent,
  ViolationEvent,
  PhaseStartedEvent,
  PhaseExtendedEvent,
  PhaseEndedEvent,
  PhaseCollapsedEvent,
  TalksHeldEvent,
  ListHandedOverEvent,
  WithdrawalEvent,
  StatementEvent,
  SuspensionEvent,
] as const;

/** A correction: a new event that supersedes an earlier one and says what it should have been. */
export const CorrectionEvent = z.strictObject({
  ...Common,
  type: z.literal('correction'),
  supersedes: Id,
  replacement: z
    .record(z.string(), z.unknown())
    .describe('The event as it should have been, without `id` and `recorded` (checked like any event).'),
});

export const EventSchema = z.discriminatedUnion('type', [...BaseEvents, CorrectionEvent, RetractionEvent]);

export const LedgerFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    agreement: Id.describe('The agreement this ledger belongs to.'),
    sources: z.record(z.string(), SourceSchema).default({}),
    events: z.array(EventSchema),
  })
  .describe('A ledger: the sourced record of what happened under an agreement.');

export type EventInput = z.input<typeof EventSchema>;
export type EventDocument = z.output<typeof EventSchema>;
export type LedgerFile = z.output<typeof LedgerFileSchema>;
export type Quantity = z.output<typeof QuantitySchema>;
export type Occurred = z.output<typeof OccurredSchema>;
