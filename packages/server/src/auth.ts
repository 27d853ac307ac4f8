import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@truce/store';

/** What a caller may do, from least to most. Anonymous callers read public agreements only. */
export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/**
 * Who is calling: a token's name and role, an account signed in through a web session (whose writes must
 * carry its CSRF token), or nobody.
 */
export type Caller =
  | { readonly name: string; readonly role: Role; readonly session?: { readonly csrf: string } }
  | { readonly name: 'anonymous'; readonly role: null; readonly session?: undefined };

export const ANONYMOUS: Caller = { name: 'anonymous', role: null };

/** True when the caller's role is `role` or above. */
export function atLeast(caller: Caller, role: Role): boolean {
  return caller.role !== null && ROLES.indexOf(caller.role) >= ROLES.indexOf(role);
}

/** Tokens are kept as SHA-256: a token is 32 random bytes, so a fast hash is enough to make the store useless to a thief. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Makes an API token with `role`; returns the token itself, which is not stored and is shown only now. */
export async function createToken(db: Queryable, name: string, role: Role, token?: string): Promise<string> {
  const secret = token ?? `truce_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)', [
    randomBytes(8).toString('hex'),
    name,
    role,
    hashToken(secret),
  ]);
  return secret;
}

/** The caller an `Authorization: Bearer …` header names; anonymous without one, undefined for a bad token. */
export async function callerOf(db: Queryable, header: string | undefined): Promise<Caller | undefined> {
  if (header === undefined) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return undefined;
  const [row] = await db.query<{ name: string; role: Role }>(
    'SELECT name, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(match[1]!)],
  );
  return row ? { name: row.name, role: row.role } : undefined;
}

/** True when no token has been made yet: the server's first run. */
export async function noTokens(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM api_tokens');
  return Number(row?.n ?? 0) === 0;
}

/** Records a write in the audit trail. */
export async function audit(
  db: Queryable,
  caller: Caller,
  action: string,
  agreementId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor, action, agreement_id, detail) VALUES ($1, $2, $3, $4::jsonb)',
    [caller.name, action, agreementId, JSON.stringify(detail)],
  );
}
