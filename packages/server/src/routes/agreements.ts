import { audit } from '../auth.ts';
import { type App, issuesOf, type ServerContext } from '../context.ts';
import { problem } from '../problem.ts';
import { setPublic } from '../public-agreements.ts';
import { PublicBody } from '../schemas.ts';

/** The stored agreements (latest versions), with their ledger lengths; only public ones when asked. */
export async function listAgreements(ctx: ServerContext, publicOnly: boolean) {
  const rows = await ctx.db.query<{
    id: string;
    version: number;
    title: string;
    events: string | number;
    public: boolean;
  }>(
    `SELECT a.id, a.version, a.document->>'title' AS title, h.seq AS events, (p.agreement_id IS NOT NULL) AS public
     FROM agreements a
     JOIN ledger_heads h ON h.agreement_id = a.id
     LEFT JOIN public_agreements p ON p.agreement_id = a.id
     WHERE a.version = (SELECT max(version) FROM agreements b WHERE b.id = a.id)
     ORDER BY a.id`,
  );
  return rows
    .filter((r) => !publicOnly || r.public)
    .map((r) => ({
      id: r.id,
      title: r.title,
      version: r.version,
      events: Number(r.events),
      public: r.public,
    }));
}

/** Agreements, their versions, and opening one to the public. */
export function agreementRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/agreements', async (c) =>
    c.json({ agreements: await listAgreements(ctx, c.get('caller').role === null) }),
  );

  app.get('/api/agreements/:id', async (c) => {
    const id = c.req.param('id');
    const read = await ctx.readable(c, id);
    if (read.response) return read.response;
    const latest = read.versions.at(-1)!;
    return c.json({
      id,
      public: await ctx.isPublic(id),
      version: latest.version,
      versions: read.versions.map((v) => ({
        version: v.version,
        addedAt: v.addedAt.toISOString(),
        title: v.document.title,
      })),
      document: latest.document,
    });
  });

  app.get('/api/agreements/:id/versions/:version', async (c) => {
    const id = c.req.param('id');
    const read = await ctx.readable(c, id);
    if (read.response) return read.response;
    const found = read.versions.find((v) => String(v.version) === c.req.param('version'));
    if (!found)
      return problem(
        c,
        404,
        `${id} has no version ${c.req.param('version')}; its versions are ${read.versions.map((v) => v.version).join(', ')}`,
      );
    return c.json({
      id,
      version: found.version,
      addedAt: found.addedAt.toISOString(),
      document: found.document,
    });
  });

  app.put('/api/agreements/:id/public', async (c) => {
    const id = c.req.param('id');
    const refused = ctx.refuse(c, 'admin');
    if (refused) return refused;
    if ((await ctx.store.agreements(id)).length === 0)
      return problem(c, 404, `no agreement \`${id}\` is stored`);
    const body = PublicBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "public": true } or { "public": false }', {
        errors: issuesOf(body.error),
      });
    await setPublic(ctx.db, id, body.data.public);
    await audit(ctx.db, c.get('caller'), body.data.public ? 'open-to-public' : 'close-to-public', id, {});
    return c.json({ id, public: body.data.public });
  });
}
