import { type Issue, nearest, type Parsed, readYaml, resolveTime, validateDocument } from '@truce/core';
import { z } from 'zod';

const during = z.array(z.string().min(1)).min(1).optional();
const count = z.number().int().min(0);

/** How many of one cohort are released on each simulated day a phase runs. */
export const ReleaseDrawSchema = z.union([
  z.strictObject({ fixed: count, during }),
  z.strictObject({ poisson: z.number().min(0).max(10_000), during }),
  z.strictObject({
    empirical: z.union([
      z.array(count).min(1),
      // Drawn from the ledger: the days of it before the projection starts (see ledgerDraws).
      z.literal('ledger'),
    ]),
    during,
  }),
]);

/** Days after the projection starts that a phase waiting for an event starts: fixed, or uniform in a range. */
export const DelaySchema = z.union([
  z.number().min(0),
  z.strictObject({ min: z.number().min(0), max: z.number().min(0) }),
]);

/** An assumptions file, as written (see docs/projection.md). */
export const AssumptionsSchema = z.strictObject({
  $schema: z.string().optional(),
  horizonDays: z.number().int().min(1).max(3650).optional(),
  collapse: z
    .strictObject({
      daily: z.number().min(0).max(1).optional(),
      phases: z.record(z.string(), z.number().min(0).max(1)).optional(),
    })
    .optional(),
  extension: z.strictObject({ probability: z.number().min(0).max(1) }).optional(),
  releases: z.record(z.string(), ReleaseDrawSchema).optional(),
  delays: z.record(z.string(), DelaySchema).optional(),
  releasedBy: z.string().optional(),
});

export type ReleaseDraw = z.output<typeof ReleaseDrawSchema>;
export type Delay = z.output<typeof DelaySchema>;
export type Assumptions = z.output<typeof AssumptionsSchema>;

/** The ids an assumptions file may name: those of the agreements it is used with. */
export interface KnownIds {
  readonly cohorts: ReadonlySet<string>;
  readonly phases: ReadonlySet<string>;
}

/**
 * Parses an assumptions file (YAML or JSON); each issue names its line and column and what was
 * expected. Cohorts and phases must belong to at least one of the agreements (`known`).
 * @example parseAssumptions('collapse: { daily: 0.05 }\n', 'assumptions.yaml', known)
 */
export function parseAssumptions(
  text: string,
  file: string | undefined,
  known: KnownIds,
): Parsed<Assumptions> {
  const read = readYaml(text, file);
  if ('issues' in read) return { ok: false, issues: read.issues };
  const { source } = read;
  if (source.value === null || source.value === undefined) return { ok: true, value: {} };
  if (typeof source.value !== 'object' || Array.isArray(source.value))
    return {
      ok: false,
      issues: [
        source.issue(
          'invalid-type',
          [],
          'an assumptions file is a mapping with any of `horizonDays`, `collapse`, `extension`, `releases`, `delays`, `releasedBy`',
        ),
      ],
    };
  const validated = validateDocument(AssumptionsSchema, source);
  if ('issues' in validated) return { ok: false, issues: validated.issues };
  const value = validated.value;
  const issues: Issue[] = [];
  const check = (section: string, ids: Iterable<string>, allowed: ReadonlySet<string>, what: string) => {
    for (const id of ids)
      if (!allowed.has(id)) {
        const near = nearest(id, allowed);
        issues.push(
          source.issue(
            'unknown-id',
            [section],
            `no ${what} \`${id}\` in the agreement${near ? `; did you mean \`${near}\`?` : `; expected one of ${[...allowed].map((a) => `\`${a}\``).join(', ')}`}`,
            id,
          ),
        );
      }
  };
  check('releases', Object.keys(value.releases ?? {}), known.cohorts, 'cohort');
  check('delays', Object.keys(value.delays ?? {}), known.phases, 'phase');
  if (value.collapse?.phases) {
    for (const id of Object.keys(value.collapse.phases))
      if (!known.phases.has(id)) {
        const near = nearest(id, known.phases);
        issues.push(
          source.issue(
            'unknown-id',
            ['collapse', 'phases'],
            `no phase \`${id}\` in the agreement${near ? `; did you mean \`${near}\`?` : ''}`,
            id,
          ),
        );
      }
  }
  for (const [cohort, draw] of Object.entries(value.releases ?? {}))
    for (const [i, phase] of (draw.during ?? []).entries())
      if (!known.phases.has(phase))
        issues.push(
          source.issue(
            'unknown-id',
            ['releases', cohort, 'during', i],
            `no phase \`${phase}\` in the agreement${nearest(phase, known.phases) ? `; did you mean \`${nearest(phase, known.phases)}\`?` : ''}`,
          ),
        );
  for (const [phase, delay] of Object.entries(value.delays ?? {}))
    if (typeof delay === 'object' && delay.max < delay.min)
      issues.push(
        source.issue(
          'invalid-range',
          ['delays', phase, 'max'],
          `max (${delay.max}) is below min (${delay.min})`,
        ),
      );
  if (value.releasedBy !== undefined && 'error' in resolveTime(value.releasedBy, 'UTC'))
    issues.push(
      source.issue(
        'invalid-time',
        ['releasedBy'],
        'expected a time such as 2023-11-30T07:00 or 2023-11-30 (read in the agreement’s time zone)',
      ),
    );
  return issues.length ? { ok: false, issues } : { ok: true, value };
}
