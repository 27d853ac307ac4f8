import { type Agreement, type AgreementDocument, type Issue, parseAgreement } from '@truce/core';
import type { Database, Queryable } from './database.ts';
import { StoreError } from './store-error.ts';

export type AddAgreementResult =
  | { readonly ok: true; readonly id: string; readonly version: number; readonly added: boolean }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** A stored version of an agreement. Versions count 1, 2, … per agreement id, in the order they were added. */
export interface AgreementVersion {
  readonly id: string;
  readonly version: number;
  readonly addedAt: Date;
  readonly document: AgreementDocument;
}

/**
 * Parses an agreement file and stores it as the agreement's next version; a file with issues is never
 * stored. Adding the same text as the latest version again stores nothing (`added: false`).
 */
export async function addAgreement(db: Database, text: string, file?: string): Promise<AddAgreementResult> {
  const parsed = parseAgreement(text, file);
  if (!parsed.ok) return parsed;
  const { id, document } = parsed.value;
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO ledger_heads (agreement_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
    // The head row also serialises versioning: two writers never both take version n + 1.
    await tx.query('SELECT 1 FROM ledger_heads WHERE agreement_id = $1 FOR UPDATE', [id]);
    const [latest] = await tx.query<{ version: number; text: string }>(
      'SELECT version, text FROM agreements WHERE id = $1 ORDER BY version DESC LIMIT 1',
      [id],
    );
    if (latest?.text === text) return { ok: true, id, version: latest.version, added: false };
    const version = (latest?.version ?? 0) + 1;
    await tx.query('INSERT INTO agreements (id, version, document, text) VALUES ($1, $2, $3::jsonb, $4)', [
      id,
      version,
      JSON.stringify(document),
      text,
    ]);
    return { ok: true, id, version, added: true };
  });
}

/** The stored versions of an agreement, oldest first. */
export async function listVersions(db: Queryable, id: string): Promise<AgreementVersion[]> {
  const rows = await db.query<{ version: number; added_at: Date; document: AgreementDocument }>(
    'SELECT version, added_at, document FROM agreements WHERE id = $1 ORDER BY version',
    [id],
  );
  return rows.map((r) => ({ id, version: r.version, addedAt: r.added_at, document: r.document }));
}

/** Compiled agreement versions by `id@version`; safe to keep because the database refuses changes to a stored version. */
export type AgreementCache = Map<string, Agreement>;

/**
 * An agreement version (the latest when none is named), compiled for evaluation, its `version` the
 * store's number for it; undefined when not stored. Compiling takes milliseconds, so a store keeps each version it has compiled in `cache`.
 */
export async function loadAgreement(
  db: Queryable,
  id: string,
  version?: number,
  cache: AgreementCache = new Map(),
): Promise<Agreement | undefined> {
  const [found] =
    version === undefined
      ? await db.query<{ version: number }>(
          'SELECT version FROM agreements WHERE id = $1 ORDER BY version DESC LIMIT 1',
          [id],
        )
      : await db.query<{ version: number }>('SELECT version FROM agreements WHERE id = $1 AND version = $2', [
          id,
          version,
        ]);
  if (!found) return undefined;
  const key = `${id}@${found.version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [row] = await db.query<{ text: string }>(
    'SELECT text FROM agreements WHERE id = $1 AND version = $2',
    [id, found.version],
  );
  const parsed = parseAgreement(row?.text ?? '', key);
  if (!parsed.ok)
    throw new StoreError(
      'stored-data-invalid',
      `stored agreement ${id} version ${found.version} no longer parses: ${parsed.issues[0]?.message}`,
    );
  // The store numbers the versions it keeps; a status names the stored version it was evaluated under.
  const agreement = { ...parsed.value, version: found.version };
  cache.set(key, agreement);
  return agreement;
}
