import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStore } from '../src/index.ts';
import { describeStore } from './describe-store.ts';

const url = process.env.TRUCE_TEST_DATABASE_URL;

if (url) {
  // Each run gets its own schema, dropped afterwards, so runs never see each other's data.
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
  describeStore('PostgreSQL', { open: () => openStore({ url, schema }), parallelWriters: true });
} else {
  describe.skip('store on PostgreSQL', () => {
    it('runs when TRUCE_TEST_DATABASE_URL names a server', () => {});
  });
}
