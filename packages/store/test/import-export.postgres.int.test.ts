import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStore } from '../src/index.ts';
import { describeImportExport } from './describe-import-export.ts';

const url = process.env.TRUCE_TEST_DATABASE_URL;

if (url) {
  // Its own schema, dropped afterwards, as in postgres.int.test.ts.
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
  describeImportExport('PostgreSQL', () => openStore({ url, schema }));
} else {
  describe.skip('import and export on PostgreSQL', () => {
    it('runs when TRUCE_TEST_DATABASE_URL names a server', () => {});
  });
}
