import { parse } from 'yaml';
import { z } from 'zod';
import { CANDIDATE_KINDS } from './candidate.ts';

/** The event fields a reviewer may set on an edited or noted candidate (named as `truce record`'s flags). */
export const ReviewFieldValues = z.strictObject({
  type: z.string().optional(),
  party: z.string().optional(),
  cohort: z.string().optional(),
  count: z.number().min(0).optional(),
  item: z.string().optional(),
  quantity: z.number().min(0).optional(),
  area: z.string().optional(),
  phase: z.string().optional(),
  by: z.string().optional(),
  occurred: z.string().optional(),
  status: z.enum(['reported', 'corroborated', 'confirmed', 'disputed', 'retracted']).optional(),
  outsideFramework: z.boolean().optional(),
  text: z.string().optional(),
  note: z.string().optional(),
});

/** One decision as a decisions file writes it. */
export const ReviewDecisionSchema = z.strictObject({
  candidate: z
    .number()
    .int()
    .min(1)
    .describe('The candidate’s number, as `truce extract` prints it (from 1).'),
  kind: z
    .enum(CANDIDATE_KINDS as [string, ...string[]])
    .optional()
    .describe('When given, the candidate must be of this kind: a guard against reviewing the wrong one.'),
  action: z.enum(['accept', 'edit', 'note', 'reject']),
  set: ReviewFieldValues.optional().describe(
    'For edit (and note): the event’s fields that replace the proposed ones.',
  ),
});

/** One reviewer's decision on one candidate. */
export type ReviewDecision = z.output<typeof ReviewDecisionSchema>;

/**
 * Reads a decisions file (YAML or JSON): a list of `{ candidate, action, kind?, set? }`, or
 * `{ decisions: [...] }`. Failures are values: one message per problem, naming where it is.
 */
export function parseDecisions(
  text: string,
): { ok: true; decisions: ReviewDecision[] } | { ok: false; issues: string[] } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { ok: false, issues: [`not YAML or JSON: ${(error as Error).message.split('\n')[0]}`] };
  }
  const list =
    raw && typeof raw === 'object' && !Array.isArray(raw) && 'decisions' in raw
      ? (raw as { decisions: unknown }).decisions
      : raw;
  if (!Array.isArray(list))
    return { ok: false, issues: ['give a list of decisions, or `decisions:` with a list'] };
  const read = z.array(ReviewDecisionSchema).safeParse(list);
  if (!read.success)
    return {
      ok: false,
      issues: read.error.issues.map((i) => {
        const [index, ...rest] = i.path;
        const where =
          typeof index === 'number'
            ? `decision ${index + 1}${rest.length ? ` ${rest.join('.')}` : ''}: `
            : '';
        return `${where}${i.message}`;
      }),
    };
  const issues = checkDecisions(read.data).map((i) => i.message);
  return issues.length ? { ok: false, issues } : { ok: true, decisions: read.data };
}

/**
 * What the decisions' schema cannot see: a candidate decided twice, or fields set on an accept or a
 * reject. `setName` is what the caller calls the fields (`set` in a decisions file).
 */
export function checkDecisions(
  decisions: readonly ReviewDecision[],
  setName = 'set',
): { index: number; message: string }[] {
  const seen = new Set<number>();
  const issues: { index: number; message: string }[] = [];
  decisions.forEach((d, index) => {
    if (seen.has(d.candidate)) issues.push({ index, message: `candidate ${d.candidate} is decided twice` });
    seen.add(d.candidate);
    if (d.set && d.action !== 'edit' && d.action !== 'note')
      issues.push({
        index,
        message: `candidate ${d.candidate}: \`${setName}\` goes with action edit or note, not ${d.action}`,
      });
  });
  return issues;
}
