import {
  checkDecisions,
  type Extraction,
  extract,
  planReview,
  proposeEvent,
  type ReviewContext,
  type ReviewDecision,
  recordReviewed,
} from '@truce/extract';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { audit } from '../auth.ts';
import { type App, type Ctx, issuesOf, type ServerContext } from '../context.ts';
import { problem } from '../problem.ts';
import { ExtractBody, ReviewBody } from '../schemas.ts';

/** Largest body of the routes that carry a whole report (the rest of the API takes 1 MiB). */
export const REPORT_BODY_BYTES = 10 * 1024 * 1024;

/** Whether a request path is one of the routes below, which take bodies up to REPORT_BODY_BYTES. */
export const carriesReport = (path: string): boolean =>
  path === '/api/extract' || /^\/api\/agreements\/[^/]+\/review$/.test(path);

const reportLimit = bodyLimit({
  maxSize: REPORT_BODY_BYTES,
  onError: (c) =>
    problem(c, 413, `a report may be at most 10 MB (${REPORT_BODY_BYTES} bytes) of request body`),
});

type Report = z.output<typeof ExtractBody>;

/** The body as `schema` reads it, or the problem to answer (415, 400). */
async function bodyOf<T extends z.ZodType>(
  c: Ctx,
  schema: T,
  what: string,
): Promise<{ body: z.output<T>; response?: undefined } | { response: Response }> {
  if (!(c.req.header('content-type') ?? '').includes('application/json'))
    return { response: problem(c, 415, `send ${what} as JSON (Content-Type: application/json)`) };
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { response: problem(c, 400, 'the body is not valid JSON') };
  }
  const read = schema.safeParse(raw);
  if (!read.success)
    return { response: problem(c, 400, `the body is not ${what}`, { errors: issuesOf(read.error) }) };
  return { body: read.data };
}

function extractReport(report: Omit<Report, 'agreement'>): Extraction {
  return extract(report.text ?? report.html ?? '', {
    published: report.published,
    ...(report.outlet === undefined ? {} : { outlet: report.outlet }),
    ...(report.url === undefined ? {} : { url: report.url }),
  });
}

/** Extraction (a report in, candidates out; nothing written) and review (chosen candidates into a ledger). */
export function extractRoutes(app: App, ctx: ServerContext): void {
  app.post('/api/extract', reportLimit, async (c) => {
    const refused = ctx.refuse(c, 'viewer');
    if (refused) return refused;
    const read = await bodyOf(
      c,
      ExtractBody,
      'a report: { text or html, published, outlet?, url?, agreement? }',
    );
    if (read.response) return read.response;
    const { agreement: agreementId, ...report } = read.body;
    let agreement: Parameters<typeof proposeEvent>[1] | undefined;
    if (agreementId !== undefined) {
      const readable = await ctx.readable(c, agreementId);
      if (readable.response) return readable.response;
      agreement = await ctx.store.agreement(agreementId);
    }
    const extraction = extractReport(report);
    if (!agreement) return c.json(extraction);
    const proposals = extraction.candidates.map((candidate, i) => ({
      candidate: i + 1,
      ...proposeEvent(candidate, agreement, extraction.published),
    }));
    return c.json({ ...extraction, proposals });
  });

  app.post('/api/agreements/:id/review', reportLimit, async (c) => {
    const id = c.req.param('id');
    const refused = ctx.refuse(c, 'editor');
    if (refused) return refused;
    const agreement = await ctx.store.agreement(id);
    if (!agreement) return problem(c, 404, `no agreement \`${id}\` is stored`);
    const read = await bodyOf(c, ReviewBody, 'a review: { report, decisions: [...] }');
    if (read.response) return read.response;
    const { report, decisions: given } = read.body;
    const decisions: ReviewDecision[] = given.map(({ fields, ...d }) =>
      fields === undefined ? d : { ...d, set: fields },
    );
    const twice = checkDecisions(decisions, 'fields');
    if (twice.length > 0)
      return problem(c, 400, 'the decisions are not valid', {
        errors: twice.map((i) => ({ path: ['decisions', String(i.index)], message: i.message })),
      });
    const outlet = report.outlet ?? report.name ?? 'unnamed report';
    const review: ReviewContext = {
      agreement,
      extraction: extractReport(report),
      source: {
        outlet,
        published: report.published,
        ...(report.url === undefined ? {} : { url: report.url }),
      },
      recorded: new Date(ctx.now()).toISOString().slice(0, 19).concat('Z'),
      reportName: report.name ?? outlet,
    };
    const plan = planReview(review, decisions, 'fields');
    if (!plan.ok) {
      const indexOf = new Map(decisions.map((d, i) => [d.candidate, i]));
      return problem(c, 422, `nothing was recorded: ${plan.problems.length} decision(s) cannot be taken`, {
        errors: plan.problems.map((p) => ({
          path: [
            'decisions',
            String(indexOf.get(p.candidate) ?? ''),
            ...(p.field === undefined ? [] : ['fields', p.field]),
          ],
          candidate: p.candidate,
          message: p.message,
        })),
      });
    }
    const stored = await recordReviewed(ctx.store, id, plan.events);
    if (!stored.ok)
      return problem(c, 422, `nothing was recorded: the store refused ${stored.issues.length} issue(s)`, {
        errors: stored.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })),
      });
    const recorded = stored.outcomes.filter((o) => o.action === 'recorded');
    if (recorded.length > 0) {
      ctx.changes.emit(id);
      await audit(ctx.db, c.get('caller'), 'review-report', id, {
        ids: recorded.map((o) => o.id),
        outlet,
        published: report.published,
      });
    }
    const outcomes = [...plan.outcomes, ...stored.outcomes].sort((a, b) => a.candidate - b.candidate);
    return c.json({ agreement: id, outcomes }, recorded.length > 0 ? 201 : 200);
  });
}
