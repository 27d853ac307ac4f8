import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../src/index.ts';

/**
 * Runs a suite on the PostgreSQL server that TRUCE_TEST_DATABASE_URL names (skipped when unset),
 * in a schema of its own that is dropped afterwards, so runs never see each other's data.
 */
export function onPostgres(
  title: string,
  suite: (open: () => ReturnType<typeof openStore>, url: string, schema: string) => void,
): void {
  const url = process.env.TRUCE_TEST_DATABASE_URL;
  describe.skipIf(!url)(title, () => {
    const schema = `truce_test_${randomBytes(6).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    beforeAll(() => admin(`CREATE SCHEMA ${schema}`));
    afterAll(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    suite(() => openStore({ url: url!, schema }), url!, schema);
  });
}
