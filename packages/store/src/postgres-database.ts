import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CAN_TAKE_ROLE, type Database, type Queryable } from './database.ts';

/** A PostgreSQL server through node-postgres, with a small pool; `schema` becomes the search path. */
export function openPostgresDatabase(url: string, schema?: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection that drops is replaced on next use; without a listener it would crash the process.
  pool.on('error', () => {});
  // Once a role is chosen, each connection takes it the first time it is handed out; the query is queued
  // ahead of the caller's, so nothing runs on that connection before it.
  let role: string | undefined;
  const hasRole = new WeakMap<pg.PoolClient, string>();
  pool.on('acquire', (client) => {
    if (role === undefined || hasRole.get(client) === role) return;
    hasRole.set(client, role);
    client.query(`SET ROLE ${role}`).catch(() => {});
  });
  return {
    ...queryable(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    useRole: async (name) => {
      const [row] = (await pool.query<{ ok: boolean }>(CAN_TAKE_ROLE, [name])).rows;
      if (!row?.ok) return false;
      role = name;
      return true;
    },
    close: () => pool.end(),
  };
}

function queryable(db: pg.Pool | pg.PoolClient): Queryable {
  return {
    copyRows: async (table, columns, rows) => {
      const client = db instanceof pg.Pool ? await db.connect() : db;
      try {
        const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
        await pipeline(Readable.from([Buffer.from(rows, 'utf8')]), client.query(copyFrom(sql)));
      } finally {
        if (client !== db) (client as pg.PoolClient).release();
      }
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await db.query(sql, [...params])).rows as Row[],
    exec: async (sql) => {
      await db.query(sql);
    },
  };
}
