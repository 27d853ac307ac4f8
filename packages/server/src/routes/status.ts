import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { explain } from '@truce/core';
import { streamSSE } from 'hono/streaming';
import { type App, issuesOf, type ServerContext } from '../context.ts';
import { problem } from '../problem.ts';
import { StreamQuery } from '../schemas.ts';

/** Status (cached, tagged and gzipped), explain, and the server-sent stream of status changes. */
export function statusRoutes(app: App, ctx: ServerContext, options: { readonly pollMs: number }): void {
  // Status answers, kept by everything they depend on: the query, the ledger's length and the latest version.
  // Without asOf the status is taken at the current second, so a second's readers share one evaluation.
  // Each is kept encoded, gzipped and tagged, so a read of an unchanged ledger only sends bytes (or a 304).
  const statusCache = new Map<
    string,
    { json: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; etag: string }
  >();
  app.get('/api/agreements/:id/status', async (c) => {
    const id = c.req.param('id');
    const read = await ctx.readable(c, id);
    if (read.response) return read.response;
    const raw = c.req.query();
    const query =
      raw.asOf === undefined
        ? { ...raw, asOf: new Date(Math.floor(ctx.now() / 1000) * 1000).toISOString() }
        : raw;
    const key = JSON.stringify([id, read.head.seq, read.head.version, Object.entries(query).sort()]);
    let kept = statusCache.get(key);
    if (kept === undefined) {
      const evaluated = await ctx.evaluateQuery(c, id, read.versions, query);
      if (evaluated.response) return evaluated.response;
      const json = Buffer.from(JSON.stringify(evaluated.status), 'utf8');
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      kept = { json: new Uint8Array(json), gzip: new Uint8Array(gzipSync(json)), etag };
      if (statusCache.size >= 64) statusCache.delete(statusCache.keys().next().value!);
      statusCache.set(key, kept);
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      etag: kept.etag,
      vary: 'accept-encoding, authorization, cookie',
      'cache-control': 'private, no-cache',
    };
    if (c.req.header('if-none-match') === kept.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? ''))
      return c.body(kept.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(kept.json, 200, headers);
  });

  app.get('/api/agreements/:id/explain/:obligation', async (c) => {
    const id = c.req.param('id');
    const obligation = c.req.param('obligation');
    const read = await ctx.readable(c, id);
    if (read.response) return read.response;
    const evaluated = await ctx.evaluateQuery(c, id, read.versions, c.req.query());
    if (evaluated.response) return evaluated.response;
    const { status } = evaluated;
    const lines = explain(status, obligation);
    if (lines === undefined)
      return problem(c, 404, `no obligation \`${obligation}\` in ${id}`, {
        errors: [
          { path: ['obligation'], message: `known: ${status.obligations.map((o) => o.id).join(', ')}` },
        ],
      });
    // The same shape as `truce explain --json`.
    return c.json({
      agreement: status.agreement.id,
      asOf: status.asOf,
      knownAt: status.knownAt,
      evidence: status.evidence,
      obligation: status.obligations.find((o) => o.id === obligation) ?? null,
      explanation: lines,
    });
  });

  app.get('/api/agreements/:id/stream', async (c) => {
    const id = c.req.param('id');
    const read = await ctx.readable(c, id);
    if (read.response) return read.response;
    const query = StreamQuery.safeParse(c.req.query());
    if (!query.success) return problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) });
    const raw: Record<string, string> = {};
    if (query.data.evidence) raw.evidence = query.data.evidence;
    if (query.data.version) raw.version = String(query.data.version);
    const first = await ctx.evaluateQuery(c, id, read.versions, raw);
    if (first.response) return first.response;
    const pollMs = options.pollMs;
    return streamSSE(c, async (stream) => {
      let wake = () => {};
      const onChange = () => wake();
      ctx.changes.on(id, onChange);
      stream.onAbort(() => wake());
      try {
        let last = -1;
        while (!stream.aborted && !stream.closed) {
          const seq = await ctx.headSeq(id);
          if (seq !== last) {
            const evaluated = last === -1 ? first : await ctx.evaluateQuery(c, id, read.versions, raw);
            last = seq;
            if (evaluated.response) break;
            await stream.writeSSE({
              event: 'status',
              id: String(seq),
              data: JSON.stringify(evaluated.status),
            });
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } finally {
        ctx.changes.off(id, onChange);
      }
    });
  });
}
