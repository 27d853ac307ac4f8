import { parse } from 'yaml';
import { z } from 'zod';
import { CANDIDATE_KINDS } from './candidate.ts';

const FieldValues = z.strictObject({
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

const Decision = z.strictObject({
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
  set: FieldValues.optional().describe(
    'For edit (and note): the event’s fields that replace the proposed ones.',
  ),
});

/** One reviewer's decision on one candidate. */
export type ReviewDecision = z.output<typeof Decision>;

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
  const read = z.array(Decision).safeParse(list);
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
  const decisions = read.data;
  const seen = new Set<number>();
  const issues: string[] = [];
  for (const d of decisions) {
    if (seen.has(d.candidate)) issues.push(`candidate ${d.candidate} is decided twice`);
    seen.add(d.candidate);
    if (d.set && d.action !== 'edit' && d.action !== 'note')
      issues.push(`candidate ${d.candidate}: \`set\` goes with action edit or note, not ${d.action}`);
  }
  return issues.length ? { ok: false, issues } : { ok: true, decisions };
}
