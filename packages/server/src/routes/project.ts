import { availableParallelism } from 'node:os';
import { type Agreement, type LedgerEvent, resolveTime } from '@truce/core';
import {
  type Assumptions,
  knownIdsOf,
  ledgerDraws,
  parseAssumptions,
  project,
  projectionBody,
  proposalsOf,
} from '@truce/project';
import { type App, type Ctx, issuesOf, type ServerContext } from '../context.ts';
import { problem } from '../problem.ts';
import { ProjectionBodyShape } from '../schemas.ts';
import { turns } from '../turns.ts';

const DEFAULT_RUNS = 10_000;
// At least two threads, so a projection never runs on the thread that answers requests.
const WORKERS = Math.max(2, Math.min(8, availableParallelism()));

type Loaded = { agreement: Agreement; events: readonly LedgerEvent[] };

/** The latest version of a stored agreement, compiled, with its ledger; or the problem to answer. */
async function loadStored(
  ctx: ServerContext,
  c: Ctx,
  id: string,
  field: readonly (string | number)[] | null,
): Promise<{ loaded: Loaded; response?: undefined } | { response: Response }> {
  const read = await ctx.readable(c, id);
  if (read.response) {
    // An agreement named in the body that is not stored is a bad field; a refusal stays a refusal.
    if (field !== null && read.response.status === 404)
      return {
        response: problem(c, 400, `no agreement \`${id}\` is stored`, {
          errors: [{ path: field.map(String), message: `no agreement \`${id}\` is stored` }],
        }),
      };
    return read;
  }
  // The store keeps each version compiled.
  const agreement = (await ctx.store.agreement(id))!;
  return { loaded: { agreement, events: await ctx.store.ledger(id) } };
}

/** `POST /api/agreements/:id/projection`: the JSON of `truce project --json`, run on worker threads. */
export function projectRoutes(app: App, ctx: ServerContext, options: { readonly timeoutMs: number }): void {
  const inTurn = turns(2);
  app.post('/api/agreements/:id/projection', async (c) => {
    const id = c.req.param('id');
    const main = await loadStored(ctx, c, id, null);
    if (main.response) return main.response;
    const text = await c.req.text();
    let raw: unknown = {};
    if (text.trim() !== '')
      try {
        raw = JSON.parse(text);
      } catch {
        return problem(c, 400, 'the body is not JSON', {
          errors: [{ path: [], message: 'expected a JSON object' }],
        });
      }
    const body = ProjectionBodyShape.safeParse(raw);
    if (!body.success)
      return problem(c, 400, 'the projection request is not valid', { errors: issuesOf(body.error) });
    const { runs = DEFAULT_RUNS, seed = 1, asOf, compare = [] } = body.data;
    const all = [main.loaded];
    for (const [i, other] of compare.entries()) {
      const more = await loadStored(ctx, c, other, ['compare', i]);
      if (more.response) return more.response;
      all.push(more.loaded);
    }
    let assumptions: Assumptions = {};
    if (body.data.assumptions !== undefined) {
      // The same checks as an assumptions file: every cohort and phase named must be the agreements'.
      const parsed = parseAssumptions(
        JSON.stringify(body.data.assumptions),
        undefined,
        knownIdsOf(all.map((l) => l.agreement)),
      );
      if (!parsed.ok)
        return problem(c, 400, 'the assumptions are not valid', {
          errors: parsed.issues.map((i) => ({
            path: ['assumptions', ...i.path.map(String)],
            message: i.message,
          })),
        });
      assumptions = parsed.value;
    }
    let start: number | undefined;
    if (asOf !== undefined) {
      const t = resolveTime(asOf, main.loaded.agreement.zone);
      if ('error' in t)
        return problem(c, 400, `asOf ${asOf}: ${t.error}`, {
          errors: [{ path: ['asOf'], message: t.error }],
        });
      start = t.start;
    }
    // Past the request's time limit (or when the caller goes away) the workers are stopped.
    const signal = AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(options.timeoutMs)]);
    try {
      const proposals = proposalsOf(all, start, ctx.now());
      // Draws written `empirical: ledger` take the counts of the ledger so far.
      const drawn = ledgerDraws(assumptions, proposals[0]!);
      if (!drawn.ok)
        return problem(c, 400, 'the assumptions cannot be used as they are', {
          errors: drawn.issues.map((i) => ({ path: ['assumptions', ...i.path], message: i.message })),
        });
      assumptions = drawn.value;
      const results = await inTurn(signal, () =>
        project(proposals, assumptions, { runs, seed, workers: WORKERS, signal }),
      );
      return c.json(projectionBody(results, assumptions, compare.length > 0));
    } catch (error) {
      if (!signal.aborted) throw error;
      return problem(c, 504, 'the projection took longer than the request may; ask for fewer runs', {
        errors: [{ path: ['runs'], message: `${runs} runs did not finish in ${options.timeoutMs} ms` }],
      });
    }
  });
}
