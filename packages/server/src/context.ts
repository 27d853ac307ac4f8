import { EventEmitter } from 'node:events';
import { resolveTime, type Status } from '@truce/core';
import type { AgreementVersion, Queryable, Store } from '@truce/store';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { atLeast, type Caller } from './auth.ts';
import { problem } from './problem.ts';
import { StatusQuery } from './schemas.ts';
import { withoutPersons } from './strip-persons.ts';

export type Env = { Variables: { caller: Caller } };
export type App = Hono<Env>;
export type Ctx = Context<Env>;

/** Where an agreement's ledger and versions stand: whatever changes either changes this. */
export interface Head {
  readonly seq: number;
  readonly version: number;
}

/** What every group of routes shares: the store, the clock, and the checks that each route makes. */
export interface ServerContext {
  readonly store: Store;
  readonly db: Queryable;
  readonly now: () => number;
  /** Appends made through this server, by agreement id, so status streams answer at once. */
  readonly changes: EventEmitter;
  /** 401 for anonymous callers, 403 for callers below `role`; undefined when allowed. */
  refuse(c: Ctx, role: 'viewer' | 'editor' | 'admin'): Response | undefined;
  /** The agreement's versions and head when the caller may read it; otherwise the problem to answer. */
  readable(
    c: Ctx,
    id: string,
  ): Promise<
    | { versions: AgreementVersion[]; head: Head; response?: undefined }
    | { response: Response; versions?: undefined; head?: undefined }
  >;
  isPublic(id: string): Promise<boolean>;
  headSeq(id: string): Promise<number>;
  /** Person-level fields reach editors and admins only. */
  forCaller<T>(c: Ctx, event: T): T;
  /** The status a query asks for (StatusQuery's fields), or the problem to answer. */
  evaluateQuery(
    c: Ctx,
    id: string,
    versions: readonly { version: number; document: { timeZone: string } }[],
    raw: Record<string, string>,
  ): Promise<{ status: Status; response?: undefined } | { response: Response }>;
}

/** A zod failure as the problem document's `errors`: where, and what is wrong. */
export const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));

export function makeContext(store: Store, now: () => number): ServerContext {
  const db = store.database;
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  const isPublic = async (id: string) =>
    (await db.query('SELECT 1 FROM public_agreements WHERE agreement_id = $1', [id])).length > 0;

  const headOf = async (id: string): Promise<Head> => {
    const [row] = await db.query<{ seq: string | number | null; version: number | null }>(
      `SELECT (SELECT seq FROM ledger_heads WHERE agreement_id = $1) AS seq,
              (SELECT max(version) FROM agreements WHERE id = $1) AS version`,
      [id],
    );
    return { seq: Number(row?.seq ?? 0), version: row?.version ?? 0 };
  };
  // Versions are never changed once stored, so they are read again only when a new one appears.
  const versionCache = new Map<string, { latest: number; versions: AgreementVersion[] }>();
  const versionsOf = async (id: string, latest: number) => {
    const cached = versionCache.get(id);
    if (cached && cached.latest === latest) return cached.versions;
    const versions = await store.agreements(id);
    if (versions.length > 0) versionCache.set(id, { latest, versions });
    return versions;
  };

  return {
    store,
    db,
    now,
    changes,
    isPublic,
    refuse(c, role) {
      const caller = c.get('caller');
      if (caller.role === null)
        return problem(
          c,
          401,
          `this needs a token with the role ${role} or above; send \`Authorization: Bearer <token>\``,
        );
      if (!atLeast(caller, role))
        return problem(c, 403, `this needs the role ${role} or above; your token is ${caller.role}`);
      return undefined;
    },
    async readable(c, id) {
      const head = await headOf(id);
      const versions = head.version === 0 ? [] : await versionsOf(id, head.version);
      if (versions.length === 0) return { response: problem(c, 404, `no agreement \`${id}\` is stored`) };
      if (c.get('caller').role === null && !(await isPublic(id)))
        return {
          response: problem(
            c,
            401,
            `agreement \`${id}\` is not public; send a token with the role viewer or above`,
          ),
        };
      return { versions, head };
    },
    async headSeq(id) {
      const [row] = await db.query<{ seq: string | number }>(
        'SELECT seq FROM ledger_heads WHERE agreement_id = $1',
        [id],
      );
      return Number(row?.seq ?? 0);
    },
    forCaller: (c, event) => (atLeast(c.get('caller'), 'editor') ? event : withoutPersons(event)),
    async evaluateQuery(c, id, versions, raw) {
      const query = StatusQuery.safeParse(raw);
      if (!query.success)
        return { response: problem(c, 400, 'the query is not valid', { errors: issuesOf(query.error) }) };
      const { asOf, knownAt, evidence, version } = query.data;
      const chosen = version === undefined ? versions.at(-1)! : versions.find((v) => v.version === version);
      if (!chosen)
        return {
          response: problem(c, 400, `${id} has no version ${version}`, {
            errors: [
              { path: ['version'], message: `versions: ${versions.map((v) => v.version).join(', ')}` },
            ],
          }),
        };
      const zone = chosen.document.timeZone;
      const times: { asOf: number; knownAt?: number } = { asOf: now() };
      for (const [name, text] of [
        ['asOf', asOf],
        ['knownAt', knownAt],
      ] as const) {
        if (text === undefined) continue;
        const t = resolveTime(text, zone);
        if ('error' in t)
          return {
            response: problem(c, 400, `${name} ${text}: ${t.error}`, {
              errors: [{ path: [name], message: t.error }],
            }),
          };
        times[name] = t.start;
      }
      const status = await store.status(id, {
        ...times,
        ...(evidence === undefined ? {} : { evidence }),
        ...(version === undefined ? {} : { version }),
      });
      if (!status) return { response: problem(c, 404, `no agreement \`${id}\` is stored`) };
      return { status };
    },
  };
}
