import { type EventDocument, type LedgerEvent, normalizeEvents } from '@truce/core';
import { type AgreementCache, loadAgreement } from './agreement-versions.ts';
import type { Queryable } from './database.ts';
import { StoreError } from './store-error.ts';

/** The stored events of an agreement, as written, in the order they were appended. */
export async function readEvents(db: Queryable, agreementId: string): Promise<EventDocument[]> {
  const rows = await db.query<{ body: EventDocument }>(
    'SELECT body FROM events WHERE agreement_id = $1 ORDER BY seq',
    [agreementId],
  );
  return rows.map((r) => r.body);
}

/** The stored events normalized against the agreement's latest version, ready for `evaluate`. */
export async function readLedger(
  db: Queryable,
  agreementId: string,
  cache?: AgreementCache,
): Promise<LedgerEvent[]> {
  const agreement = await loadAgreement(db, agreementId, undefined, cache);
  if (!agreement) return [];
  const problems: string[] = [];
  const events = normalizeEvents(await readEvents(db, agreementId), agreement, {}, (_code, path, message) =>
    problems.push(`${path.join('.')}: ${message}`),
  );
  if (problems.length)
    throw new StoreError(
      'stored-data-invalid',
      `the stored events of ${agreementId} do not fit its latest version: ${problems.slice(0, 3).join('; ')}`,
    );
  return events;
}
