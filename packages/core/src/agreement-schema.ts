import { z } from 'zod';

/** An identifier written in an agreement or ledger file: lower-case words joined by hyphens. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'an id is lower-case letters, digits, dots, hyphens or underscores')
  .describe('A stable identifier: lower-case letters, digits, `.`, `-` or `_`.');

/** An ISO 8601 duration, checked in full by the parser (which also suggests a fix). */
export const DurationText = z
  .string()
  .describe('An ISO 8601 duration: `P4D` (four days), `PT12H` (twelve hours), `P1W`, `P1DT6H`.');

/** A time: RFC 3339 with offset, a local time read in the agreement's zone, or a date. */
export const TimeText = z
  .string()
  .describe(
    'A time: RFC 3339 with an offset (`2023-11-24T07:00:00+02:00`), a local time read in the zone (`2023-11-24T07:00`), or a date (`2023-11-24`).',
  );

export const SourceSchema = z
  .strictObject({
    outlet: z.string().describe('Who published the report: a news outlet, a ministry, a mediator.'),
    title: z.string().optional(),
    url: z.string().optional(),
    published: TimeText.optional(),
    attribution: z
      .string()
      .optional()
      .describe('Who, inside the report, said it: "unnamed senior officials", "a party\'s statement".'),
    reliability: z
      .enum(['A', 'B', 'C', 'D', 'E', 'F'])
      .optional()
      .describe(
        'Admiralty scale, source reliability: A completely reliable … E unreliable, F cannot be judged.',
      ),
    credibility: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])
      .optional()
      .describe('Admiralty scale, information credibility: 1 confirmed … 5 improbable, 6 cannot be judged.'),
  })
  .describe('A report that an agreement term or a ledger event rests on.');

export const ClauseSchema = z
  .strictObject({
    ref: z.string().describe('Where the clause is: "Israeli government statement, para 2", "Art. 3(1)".'),
    text: z.string().describe("The clause's own words."),
    sources: z.array(z.string()).optional().describe("Keys into the agreement's `sources`."),
    note: z.string().optional().describe('What the modeller decided and why, e.g. where sources disagree.'),
  })
  .describe('The words an obligation or a phase rests on.');

export const PartySchema = z.strictObject({
  id: Id,
  name: z.string(),
  note: z.string().optional(),
});

export const MediatorSchema = z.strictObject({
  id: Id,
  name: z.string(),
  role: z
    .array(z.enum(['mediator', 'guarantor', 'monitor', 'intermediary']))
    .optional()
    .describe('What the mediator does; mediators may announce extensions and certify events.'),
  note: z.string().optional(),
});

export const CohortSchema = z
  .strictObject({
    id: Id,
    name: z.string(),
    heldBy: Id.describe('The party holding the people of this cohort (the party that releases them).'),
    attributes: z
      .strictObject({
        status: z.enum(['civilian', 'soldier', 'detainee', 'prisoner', 'any']).optional(),
        sex: z.array(z.enum(['female', 'male'])).optional(),
        age: z
          .strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })
          .optional()
          .describe('Age band in whole years, inclusive.'),
        nationality: z.string().optional(),
        health: z.array(z.enum(['wounded', 'ill', 'elderly'])).optional(),
        note: z.string().optional(),
      })
      .optional(),
  })
  .describe('A category of people held or released, defined by attributes.');

const DeadlineSchema = z
  .union([
    z.strictObject({ at: TimeText, zone: z.string().optional() }),
    z.strictObject({
      phase: Id,
      edge: z
        .enum(['start', 'end'])
        .describe('`start`: from when the phase began; `end`: from its current end, extensions included.'),
      offset: DurationText.optional(),
    }),
  ])
  .describe(
    "A deadline: a fixed time, or a time relative to a phase's start or end, so that extending the phase re-times it.",
  );

export { DeadlineSchema };

const StartSchema = z
  .union([
    z.strictObject({ at: TimeText, zone: z.string().optional() }).describe('Starts at a fixed instant.'),
    z
      .strictObject({ after: Id, gap: DurationText.optional() })
      .describe('Starts when an earlier phase ends.'),
    z
      .strictObject({ on: z.literal('event') })
      .describe('Starts when a `phase-started` event for this phase is recorded.'),
  ])
  .describe('When the phase starts.');

export const ExtensionRuleSchema = z
  .strictObject({
    every: z.number().int().positive().describe('How many further releases earn one extension.'),
    cohorts: z.array(Id).min(1).describe('Whose releases count.'),
    beyond: z.number().int().min(0).default(0).describe('Releases needed before the rule starts counting.'),
    adds: DurationText.describe('What each `every` further releases add, e.g. `P1D`.'),
    maxTotal: DurationText.optional().describe(
      "Cap on the phase's total length, extensions included, e.g. `P10D`.",
    ),
  })
  .describe('Every N further releases of the cohorts add a duration to the phase, up to a cap.');

export const PhaseSchema = z.strictObject({
  id: Id,
  name: z.string(),
  start: StartSchema,
  duration: DurationText.optional().describe(
    'Planned length before any extension. Omit for open-ended phases.',
  ),
  extension: z
    .strictObject({
      rule: ExtensionRuleSchema.optional(),
      agreed: z
        .boolean()
        .default(true)
        .describe('Whether recorded `phase-extended` events may extend the phase.'),
    })
    .optional(),
  endsBy: z
    .array(z.enum(['duration', 'event', 'collapse']))
    .optional()
    .describe(
      'How the phase may end: its (extended) duration running out, a recorded `phase-ended`, or a collapse.',
    ),
  clause: ClauseSchema.optional(),
});

const ObligationBase = {
  id: Id,
  party: Id.describe('Who owes it.'),
  phase: Id.describe('The phase during which the obligation is in effect.'),
  clause: ClauseSchema,
};

const ScheduleStep = z.strictObject({
  count: z.number().int().positive(),
  by: DeadlineSchema,
  repeat: z
    .strictObject({ every: DurationText, times: z.number().int().positive() })
    .optional()
    .describe('Repeat the step: `times` more tranches, each `every` after the last.'),
});

export const ReleaseObligation = z
  .strictObject({
    ...ObligationBase,
    kind: z.literal('release'),
    cohorts: z.array(Id).min(1).describe('Cohorts whose releases count.'),
    count: z.number().int().positive().optional().describe('How many, in total, by `by`.'),
    atLeast: z.boolean().optional().describe('The clause says "at least" the count.'),
    by: DeadlineSchema.optional(),
    schedule: z.array(ScheduleStep).min(1).optional().describe('Tranches: each `count` due by its deadline.'),
  })
  .describe('Release N persons of the cohorts by a deadline, or on a schedule.');

export const ReciprocalReleaseObligation = z
  .strictObject({
    ...ObligationBase,
    kind: z.literal('reciprocal-release'),
    cohorts: z.array(Id).min(1).describe('Cohorts this party releases.'),
    ratio: z
      .array(
        z.strictObject({
          per: Id.describe('A cohort the other side releases.'),
          count: z.number().positive().describe('How many of `cohorts` are owed for each one of `per`.'),
        }),
      )
      .min(1),
    lag: DurationText.default('PT0S').describe(
      "How long after the other side's release this party's is due.",
    ),
  })
  .describe('Release persons at a ratio to what the other side released, within an allowed lag.');

export const RateObligation = z
  .strictObject({
    ...ObligationBase,
    kind: z.literal('rate'),
    item: z.string().describe('What is counted in `aid-delivery` events: `trucks`, `fuel-litres`.'),
    quantity: z.number().positive().describe('Due in each period.'),
    period: DurationText.describe("The period, from the phase's start: `P1D`."),
  })
  .describe('Deliver or allow a quantity per period, judged period by period.');

export const RefrainObligation = z
  .strictObject({
    ...ObligationBase,
    kind: z.literal('refrain'),
    activity: z.string().describe('What is to stop: `hostilities`, `air-activity`, `arrests`.'),
    area: z.string().optional(),
    window: z
      .strictObject({
        from: z.string().regex(/^\d{2}:\d{2}$/, 'write the hour as HH:MM'),
        to: z.string().regex(/^\d{2}:\d{2}$/, 'write the hour as HH:MM'),
      })
      .optional()
      .describe('Only between these local hours each day.'),
  })
  .describe('Cease an activity, possibly only in an area or a daily window.');

export const WithdrawObligation = z
  .strictObject({
    ...ObligationBase,
    kind: z.literal('withdraw'),
    action: z.enum(['withdraw', 'allow-movement']).default('withdraw'),
    area: z.string(),
    by: DeadlineSchema,
  })
  .describe('Leave an area, or allow movement, by a deadline (met by a `withdrawal` event).');

export const ActByObligation = z
  .strictObject({
    ...ObligationBase,
    kind: z.literal('act-by'),
    action: z
      .enum(['talks-held', 'list-handed-over', 'statement'])
      .describe('The event type that shows the act was done.'),
    by: DeadlineSchema,
  })
  .describe('Do something once by a deadline: hand over lists, begin negotiations.');

export const ObligationSchema = z.discriminatedUnion('kind', [
  ReleaseObligation,
  ReciprocalReleaseObligation,
  RateObligation,
  RefrainObligation,
  WithdrawObligation,
  ActByObligation,
]);

export const PowerSchema = z
  .strictObject({
    id: Id,
    holder: Id.describe('The party or mediator who holds the power.'),
    may: z.enum(['suspend', 'extend', 'end']),
    target: Id.describe('The phase or obligation it acts on.'),
    condition: z.string().describe('In words: "a breach by the other side".'),
    clause: ClauseSchema.optional(),
  })
  .describe('What may suspend, extend or end a phase or an obligation.');

export const AgreementSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    version: z.number().int().positive().default(1),
    title: z.string(),
    status: z.enum(['proposal', 'agreed', 'superseded']).default('agreed'),
    timeZone: z.string().describe('IANA zone for local times and days, e.g. `Asia/Jerusalem`.'),
    summary: z.string().optional(),
    sources: z.record(z.string(), SourceSchema).default({}),
    parties: z.array(PartySchema).min(2),
    mediators: z.array(MediatorSchema).default([]),
    cohorts: z.array(CohortSchema).default([]),
    phases: z.array(PhaseSchema).min(1),
    obligations: z.array(ObligationSchema).default([]),
    powers: z.array(PowerSchema).default([]),
  })
  .describe('A phased ceasefire-and-exchange agreement, as Truce reads it.');

export type AgreementInput = z.input<typeof AgreementSchema>;
export type AgreementDocument = z.output<typeof AgreementSchema>;
export type Obligation = z.output<typeof ObligationSchema>;
export type Phase = z.output<typeof PhaseSchema>;
export type Deadline = z.output<typeof DeadlineSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Clause = z.output<typeof ClauseSchema>;
