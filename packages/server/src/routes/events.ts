import { createHash } from 'node:crypto';
import { formatDeadlinesIcs, formatEventsCsv, formatJsonl } from '@truce/store';
import { audit } from '../auth.ts';
import { type App, issuesOf, type ServerContext } from '../context.ts';
import { problem } from '../problem.ts';
import { AppendBody, EventsQuery } from '../schemas.ts';

/** Events: list with filters and pages, append (idempotent), and the exports. */
export function eventRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/agreements/:id/events', async (c) => {
    const id = c.req.param('id');
    const read = await ctx.readable(c, id);
    if (read.response) return read.response;
    const query = EventsQuery.safeParse(c.req.query());
    if (!query.success) return problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) });
    const { type, cursor, from, to, limit } = query.data;
    const params: unknown[] = [id, cursor, limit + 1];
    const where = ['agreement_id = $1', 'seq > $2'];
    for (const [column, op, value] of [
      ["body->>'type'", '=', type],
      ['recorded_at', '>=', from],
      ['recorded_at', '<', to],
    ] as const)
      if (value !== undefined) {
        params.push(value);
        where.push(`${column} ${op} $${params.length}`);
      }
    const rows = await ctx.db.query<{ seq: string | number; body: Record<string, unknown> }>(
      `SELECT seq, body FROM events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $3`,
      params,
    );
    const page = rows.slice(0, limit).map((r) => ({ seq: Number(r.seq), event: ctx.forCaller(c, r.body) }));
    return c.json({ events: page, next: rows.length > limit ? page.at(-1)!.seq : null });
  });

  app.post('/api/agreements/:id/events', async (c) => {
    const id = c.req.param('id');
    const refused = ctx.refuse(c, 'editor');
    if (refused) return refused;
    if ((await ctx.store.agreements(id)).length === 0)
      return problem(c, 404, `no agreement \`${id}\` is stored`);
    if (!(c.req.header('content-type') ?? '').includes('application/json'))
      return problem(c, 415, 'send the event as JSON (Content-Type: application/json)');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return problem(c, 400, 'the body is not valid JSON');
    }
    const body = AppendBody.safeParse(raw);
    if (!body.success)
      return problem(c, 400, 'the body is not an event or { events: [...] }', {
        errors: issuesOf(body.error),
      });
    const list = 'events' in body.data && Array.isArray(body.data.events) ? body.data.events : [body.data];
    // With an Idempotency-Key, events sent without an id get one derived from the key: a retry is the same event.
    const key = c.req.header('idempotency-key');
    const events = list.map((e, i) =>
      e.id === undefined && key
        ? { ...e, id: `k-${createHash('sha256').update(`${key}:${i}`).digest('hex').slice(0, 20)}` }
        : e,
    );
    const result = await ctx.store.append(id, events);
    if (!result.ok)
      return problem(c, 422, `the events were not recorded: ${result.issues.length} issue(s)`, {
        errors: result.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })),
      });
    if (result.appended.length > 0) ctx.changes.emit(id);
    if (result.appended.length > 0)
      await audit(ctx.db, c.get('caller'), 'append-events', id, { ids: result.appended.map((a) => a.id) });
    return c.json(
      { appended: result.appended, skipped: result.skipped },
      result.appended.length > 0 ? 201 : 200,
    );
  });

  for (const format of ['jsonl', 'csv', 'ics'] as const)
    app.get(`/api/agreements/:id/export.${format}`, async (c) => {
      const id = c.req.param('id');
      const read = await ctx.readable(c, id);
      if (read.response) return read.response;
      if (format === 'ics') {
        const status = await ctx.store.status(id, { asOf: ctx.now() });
        return c.body(formatDeadlinesIcs(status!, { dtstamp: ctx.now() }), 200, {
          'content-type': 'text/calendar; charset=utf-8',
        });
      }
      const events = (await ctx.store.events(id)).map((e) => ctx.forCaller(c, e));
      return format === 'csv'
        ? c.body(formatEventsCsv(events), 200, { 'content-type': 'text/csv; charset=utf-8' })
        : c.body(formatJsonl(events), 200, { 'content-type': 'application/jsonl; charset=utf-8' });
    });
}
