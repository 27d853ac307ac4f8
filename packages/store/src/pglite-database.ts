import type { PGlite } from '@electric-sql/pglite';
import { CAN_TAKE_ROLE, type Database, type Queryable } from './database.ts';

/** Embedded PostgreSQL (WebAssembly): in `dataDir`, or in memory when none is given. */
export async function openPgliteDatabase(dataDir?: string, schema?: string): Promise<Database> {
  // Loaded only when used, so a server deployment never loads the WebAssembly build.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  if (schema !== undefined)
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  return {
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    useRole: async (role) => {
      const [row] = (await db.query<{ ok: boolean }>(CAN_TAKE_ROLE, [role])).rows;
      if (!row?.ok) return false;
      // PGlite loads COPY input from a file it names /dev/blob, which only roles that may read server
      // files can do; in an embedded database that is the caller's own memory.
      await db.exec(`GRANT pg_read_server_files TO ${role}; SET ROLE ${role}`);
      return true;
    },
    close: () => db.close(),
  };
}

function queryable(db: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    // PGlite reads COPY's input from a Blob it names /dev/blob.
    copyRows: async (table, columns, rows) => {
      await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([rows]),
      });
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await db.query<Row>(sql, [...params])).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}
