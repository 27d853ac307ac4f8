import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '@truce/store';
import type { Role } from './auth.ts';

// scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB of memory per hash, which is what makes guessing dear.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function scryptKey(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A password as `scrypt$N$r$p$salt$key` (base64url): the cost travels with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptKey(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` is the one `stored` was made from (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptKey(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Adds an account (or replaces the password and role of one with the same email). */
export async function createUser(db: Queryable, email: string, role: Role, password: string): Promise<void> {
  await db.query(
    `INSERT INTO users (email, role, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash`,
    [email, role, await hashPassword(password)],
  );
}

/** True when no account exists yet: the server's first run. */
export async function noUsers(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM users');
  return Number(row?.n ?? 0) === 0;
}

/** How long a web session lasts. */
export const SESSION_MS = 12 * 3600_000;

const sessionHash = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');

/** Checks an email and password; on success opens a session and returns its id (for the cookie) and CSRF token. */
export async function login(
  db: Queryable,
  email: string,
  password: string,
): Promise<{ id: string; csrf: string; role: Role } | undefined> {
  const [user] = await db.query<{ role: Role; password_hash: string }>(
    'SELECT role, password_hash FROM users WHERE email = $1',
    [email],
  );
  // Without an account, a hash is still computed, so the answer takes as long either way.
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) return undefined;
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO sessions (id_hash, email, csrf, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')`,
    [sessionHash(id), email, csrf, SESSION_MS],
  );
  return { id, csrf, role: user.role };
}

const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/** The account and CSRF token of a live session, or undefined. */
export async function sessionOf(
  db: Queryable,
  id: string,
): Promise<{ email: string; role: Role; csrf: string } | undefined> {
  const [row] = await db.query<{ email: string; role: Role; csrf: string }>(
    `SELECT s.email, u.role, s.csrf FROM sessions s JOIN users u ON u.email = s.email
     WHERE s.id_hash = $1 AND s.expires_at > now()`,
    [sessionHash(id)],
  );
  return row;
}

/** Ends a session. */
export async function logout(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sessionHash(id)]);
}

const LIMITER_KEYS = 100_000;

/** Counts failed logins per key in a sliding window; `blocked` says how long to wait, in seconds, or 0. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  blocked(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.max) return 0;
    return Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000);
  }

  fail(key: string): void {
    // Many keys (an address sweeping emails) must not grow the table without end: forget the oldest.
    if (!this.failures.has(key) && this.failures.size >= LIMITER_KEYS)
      this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
