import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createUser, LoginLimiter, login, logout, SESSION_MS } from '../accounts.ts';
import { audit, createToken, hashToken } from '../auth.ts';
import { type App, issuesOf, type ServerContext } from '../context.ts';
import { problem } from '../problem.ts';
import { AuditQuery, LoginBody, TokenBody, UserBody } from '../schemas.ts';
import { SESSION_COOKIE } from '../session-cookie.ts';

/** API tokens, web sessions (sign-in with a rate limit), accounts, and the audit trail. */
export function accountRoutes(
  app: App,
  ctx: ServerContext,
  options: { readonly secureCookies?: boolean | undefined },
): void {
  const limiter = new LoginLimiter();
  app.post('/api/tokens', async (c) => {
    const refused = ctx.refuse(c, 'admin');
    if (refused) return refused;
    const body = TokenBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "name": …, "role": "viewer" | "editor" | "admin" }', {
        errors: issuesOf(body.error),
      });
    const token = await createToken(ctx.db, body.data.name, body.data.role);
    const [row] = await ctx.db.query<{ id: string }>('SELECT id FROM api_tokens WHERE token_hash = $1', [
      hashToken(token),
    ]);
    await audit(ctx.db, c.get('caller'), 'create-token', null, {
      id: row!.id,
      name: body.data.name,
      role: body.data.role,
    });
    return c.json({ id: row!.id, name: body.data.name, role: body.data.role, token }, 201);
  });

  // The tokens themselves are never shown again: only their ids, names, roles and dates.
  app.get('/api/tokens', async (c) => {
    const refused = ctx.refuse(c, 'admin');
    if (refused) return refused;
    const rows = await ctx.db.query<{
      id: string;
      name: string;
      role: string;
      created_at: string;
      revoked_at: string | null;
    }>(
      `SELECT id, name, role, ${utc('created_at')} AS created_at, ${utc('revoked_at')} AS revoked_at
       FROM api_tokens ORDER BY created_at, id`,
    );
    return c.json({
      tokens: rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      })),
    });
  });

  app.delete('/api/tokens/:tokenId', async (c) => {
    const refused = ctx.refuse(c, 'admin');
    if (refused) return refused;
    const id = c.req.param('tokenId');
    const [row] = await ctx.db.query<{ name: string; revoked: boolean }>(
      `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
       RETURNING name, (revoked_at < now()) AS revoked`,
      [id],
    );
    if (!row) return problem(c, 404, `no token has the id \`${id}\`; GET /api/tokens lists them`);
    // Revoking twice changes nothing and is not recorded twice.
    if (!row.revoked) await audit(ctx.db, c.get('caller'), 'revoke-token', null, { id, name: row.name });
    return c.body(null, 204);
  });

  app.post('/api/session', async (c) => {
    const body = LoginBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "email": …, "password": … }', { errors: issuesOf(body.error) });
    const email = body.data.email.trim().toLowerCase();
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {}
    const keys = [`address:${address}`, `email:${email}`];
    const wait = Math.max(...keys.map((k) => limiter.blocked(k)));
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return problem(c, 429, `too many failed sign-ins; try again in ${wait} s`);
    }
    const session = await login(ctx.db, email, body.data.password);
    if (!session) {
      for (const k of keys) limiter.fail(k);
      return problem(c, 401, 'the email or the password is wrong');
    }
    for (const k of keys) limiter.succeed(k);
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: options.secureCookies ?? new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_MS / 1000,
    });
    await audit(ctx.db, { name: email, role: session.role }, 'sign-in', null, {});
    return c.json({ email, role: session.role, csrf: session.csrf }, 201);
  });

  app.get('/api/session', (c) => {
    const caller = c.get('caller');
    return c.json({
      name: caller.role === null ? null : caller.name,
      role: caller.role,
      csrf: caller.session?.csrf ?? null,
    });
  });

  app.delete('/api/session', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && c.get('caller').session) await logout(ctx.db, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.post('/api/users', async (c) => {
    const refused = ctx.refuse(c, 'admin');
    if (refused) return refused;
    const body = UserBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return problem(c, 400, 'send { "email": …, "role": …, "password": … (12 characters or more) }', {
        errors: issuesOf(body.error),
      });
    const email = body.data.email.trim().toLowerCase();
    await createUser(ctx.db, email, body.data.role, body.data.password);
    await audit(ctx.db, c.get('caller'), 'create-user', null, { email, role: body.data.role });
    return c.json({ email, role: body.data.role }, 201);
  });

  app.get('/api/audit', async (c) => {
    const refused = ctx.refuse(c, 'admin');
    if (refused) return refused;
    const query = AuditQuery.safeParse(c.req.query());
    if (!query.success) return problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) });
    const rows = await ctx.db.query<{
      id: string;
      at: string;
      actor: string;
      action: string;
      agreement_id: string | null;
      detail: unknown;
    }>(
      `SELECT id, ${utc('at')} AS at, actor, action, agreement_id, detail
       FROM audit_log ORDER BY id DESC LIMIT $1`,
      [query.data.limit],
    );
    return c.json({
      entries: rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actor,
        action: r.action,
        agreement: r.agreement_id,
        detail: r.detail,
      })),
    });
  });
}

/** A timestamptz column as RFC 3339 in UTC, to the millisecond (null stays null). */
const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
