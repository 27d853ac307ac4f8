import type { Agreement, EventDocument, LedgerEvent, Status } from '@truce/core';
import {
  type AddAgreementResult,
  type AgreementCache,
  type AgreementVersion,
  addAgreement,
  listVersions,
  loadAgreement,
} from './agreement-versions.ts';
import { type AppendOptions, type AppendResult, appendEvents } from './append-events.ts';
import type { Database } from './database.ts';
import { APP_ROLE, migrate } from './migrations.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { readEvents, readLedger } from './read-events.ts';
import { StatusCache, type StatusOptions } from './status-cache.ts';
import { type VerifyResult, verifyChain } from './verify-chain.ts';

export interface StoreOptions {
  /** A PostgreSQL connection URL; without one the store is embedded PGlite. */
  readonly url?: string;
  /** PGlite's data folder; in memory when neither this nor `url` is given. */
  readonly dataDir?: string;
  /** A schema to keep the tables in (created on PGlite, expected to exist on a server). */
  readonly schema?: string;
}

/** Agreements and their append-only, hash-chained ledgers, in PGlite or PostgreSQL. */
export interface Store {
  /** The database underneath, for tools and tests that need raw SQL. */
  readonly database: Database;
  addAgreement(text: string, file?: string): Promise<AddAgreementResult>;
  agreements(id: string): Promise<AgreementVersion[]>;
  agreement(id: string, version?: number): Promise<Agreement | undefined>;
  append(agreementId: string, docs: readonly unknown[], options?: AppendOptions): Promise<AppendResult>;
  events(agreementId: string): Promise<EventDocument[]>;
  ledger(agreementId: string): Promise<LedgerEvent[]>;
  /**
   * Where the agreement stands (under its latest version, or `options.version`); undefined when it is
   * not stored. The store keeps each ledger folded and reads only the events appended since its last
   * read, so this costs the new events, not the whole ledger.
   */
  status(agreementId: string, options: StatusOptions): Promise<Status | undefined>;
  verify(agreementId: string): Promise<VerifyResult>;
  close(): Promise<void>;
}

/**
 * Opens a store and brings its schema up to date.
 * @example
 * const store = await openStore({ dataDir: '.truce' });
 * await store.addAgreement(text, 'agreement.yaml');
 * await store.close();
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { url, dataDir, schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new TypeError(`a schema name is lower-case letters, digits and _; not ${JSON.stringify(schema)}`);
  const database =
    url === undefined ? await openPgliteDatabase(dataDir, schema) : openPostgresDatabase(url, schema);
  try {
    await migrate(database);
    await database.useRole(APP_ROLE);
  } catch (error) {
    await database.close();
    throw error;
  }
  const compiled: AgreementCache = new Map();
  const statuses = new StatusCache(compiled);
  return {
    database,
    addAgreement: (text, file) => addAgreement(database, text, file),
    agreements: (id) => listVersions(database, id),
    agreement: (id, version) => loadAgreement(database, id, version, compiled),
    append: (agreementId, docs, appendOptions) =>
      appendEvents(database, agreementId, docs, appendOptions, { agreements: compiled }),
    events: (agreementId) => readEvents(database, agreementId),
    ledger: (agreementId) => readLedger(database, agreementId, compiled),
    status: (agreementId, statusOptions) => statuses.status(database, agreementId, statusOptions),
    verify: (agreementId) => verifyChain(database, agreementId),
    close: () => database.close(),
  };
}
