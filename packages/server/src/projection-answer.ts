import { AssumptionsSchema } from '@truce/project';
import { z } from 'zod';

// The answer of POST /api/agreements/:id/projection, for the OpenAPI document (and a test that holds
// real answers to it): the Projection of packages/project, with the assumptions as used.

const share = z.number().min(0).max(1).describe('A fraction of runs, rounded to four decimals.');
const spread = {
  mean: z.number(),
  p5: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p95: z.number(),
};
const time = z.string().describe('RFC 3339 with the agreement’s offset.');

export const ProjectionSchema = z.strictObject({
  agreement: z.strictObject({ id: z.string(), title: z.string() }),
  asOf: time,
  runs: z.number().int(),
  seed: z.number().int(),
  horizonDays: z.number().int(),
  pauseLength: z
    .strictObject({
      ...spread,
      min: z.number(),
      max: z.number(),
      censored: share,
      histogram: z.array(z.strictObject({ days: z.number().int(), runs: z.number().int() })),
    })
    .describe('Days the phases ran in all, per run: percentiles and a histogram by whole days.'),
  phases: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      reached: share,
      ended: share,
      collapsed: share,
      runningAtHorizon: share,
      extendedDays: z.strictObject(spread),
    }),
  ),
  released: z
    .array(z.strictObject({ cohort: z.string(), heldBy: z.string(), by: time, ...spread }))
    .describe('People released after the as-of, by cohort, by `by`.'),
  deadlines: z.array(
    z.strictObject({
      obligation: z.string(),
      count: z.number(),
      met: share,
      missed: share,
      notReached: share,
      missedAt: z.strictObject({ p5: time, p50: time, p95: time }).nullable(),
    }),
  ),
  fan: z
    .strictObject({
      runs: z.number().int(),
      cohorts: z.array(
        z.strictObject({
          cohort: z.string(),
          heldBy: z.string(),
          days: z.array(z.strictObject({ day: z.number().int(), at: time, ...spread })),
        }),
      ),
    })
    .describe('People released by cohort by the end of each day, as percentiles over the first `runs` runs.'),
  pauseDays: z.number().describe('Pause-days simulated in all.'),
});

export const ProjectionAnswer = z.union([
  ProjectionSchema.extend({ assumptions: AssumptionsSchema }),
  z.strictObject({ assumptions: AssumptionsSchema, proposals: z.array(ProjectionSchema) }),
]);
