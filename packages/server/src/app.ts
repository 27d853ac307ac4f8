import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Store, StoreError } from '@truce/store';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { sessionOf } from './accounts.ts';
import { type Caller, callerOf } from './auth.ts';
import { type App, makeContext } from './context.ts';
import { openApiDocument } from './openapi.ts';
import { docsPage, homePage, STYLESHEET } from './pages.ts';
import { problem } from './problem.ts';
import { accountRoutes } from './routes/accounts.ts';
import { agreementRoutes, listAgreements } from './routes/agreements.ts';
import { eventRoutes } from './routes/events.ts';
import { carriesReport, extractRoutes } from './routes/extract.ts';
import { projectRoutes } from './routes/project.ts';
import { statusRoutes } from './routes/status.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

export interface AppOptions {
  /** The clock, for `asOf` when a request gives none. */
  readonly now?: () => number;
  /** Largest request body, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Time a request may take before it is answered 504 (default 30 s). */
  readonly timeoutMs?: number;
  /** How often a status stream looks for events written by another process (default 2 s). */
  readonly pollMs?: number;
  /** The built dashboard to serve at `/` (a folder holding index.html); a plain page when absent. */
  readonly webRoot?: string;
  /** Whether the session cookie is marked Secure (default: when the request came over HTTPS). */
  readonly secureCookies?: boolean;
}

export { SESSION_COOKIE } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP API over a store: agreements, events, status and exports under `/api`, the OpenAPI document at
 * `/openapi.json` and its reference at `/api/docs`. Callers are anonymous (public agreements only, read)
 * or present an API token (`Authorization: Bearer …`) with the role viewer, editor or admin. Every error
 * is an RFC 9457 problem document.
 */
export function createApp(store: Store, options: AppOptions = {}): App {
  const ctx = makeContext(store, options.now ?? Date.now);
  const db = store.database;
  const app: App = new Hono();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timeLimit = timeout(
    timeoutMs,
    () => new HTTPException(504, { message: 'the request took too long' }),
  );
  // A status stream stays open; every other request is answered within the time limit.
  app.use('/api/*', (c, next) => (c.req.path.endsWith('/stream') ? next() : timeLimit(c, next)));
  const sizeLimit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 1024 * 1024,
    onError: (c) =>
      problem(c, 413, `a request body may be at most ${options.maxBodyBytes ?? 1024 * 1024} bytes`),
  });
  // A report may be larger than the rest of the API takes; its routes set their own limit.
  app.use('/api/*', (c, next) => (carriesReport(c.req.path) ? next() : sizeLimit(c, next)));
  app.use('/api/*', async (c, next) => {
    const authorization = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    let caller: Caller | undefined;
    if (authorization === undefined && cookie !== undefined) {
      const session = await sessionOf(db, cookie);
      caller = session
        ? { name: session.email, role: session.role, session: { csrf: session.csrf } }
        : await callerOf(db, undefined);
    } else caller = await callerOf(db, authorization);
    if (!caller)
      return problem(c, 401, 'the token is not valid (or was revoked); send `Authorization: Bearer <token>`');
    // A signed-in browser's writes must show the session's CSRF token, which another site cannot read.
    const signingIn = c.req.method === 'POST' && c.req.path === '/api/session';
    if (
      caller.session &&
      !SAFE_METHODS.has(c.req.method) &&
      !signingIn &&
      c.req.header('x-csrf-token') !== caller.session.csrf
    )
      return problem(c, 403, 'a write from a web session needs its CSRF token in the X-CSRF-Token header');
    c.set('caller', caller);
    await next();
    return undefined;
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) return problem(c, error.status as 500, error.message);
    if (error instanceof StoreError) return problem(c, 500, error.message);
    console.error(error);
    return problem(c, 500, 'something went wrong on the server; nothing you sent was the cause');
  });
  app.notFound((c) => problem(c, 404, `there is no ${c.req.method} ${c.req.path}; see /api/docs`));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/docs', (c) => c.html(docsPage(openApiDocument())));
  // The address to give out for a public agreement: the dashboard's public view, which reads anonymously.
  app.get('/public/:id', (c) => c.redirect(`/#/public/${encodeURIComponent(c.req.param('id'))}`, 302));
  const webRoot = options.webRoot;
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html')))
    app.use('/*', serveStatic({ root: webRoot }));
  else app.get('/', async (c) => c.html(homePage(await listAgreements(ctx, true))));
  app.get('/style.css', (c) =>
    c.body(String(STYLESHEET), 200, { 'content-type': 'text/css; charset=utf-8' }),
  );

  agreementRoutes(app, ctx);
  statusRoutes(app, ctx, { pollMs: options.pollMs ?? 2000 });
  eventRoutes(app, ctx);
  projectRoutes(app, ctx, { timeoutMs });
  extractRoutes(app, ctx);
  accountRoutes(app, ctx, { secureCookies: options.secureCookies });
  return app;
}
