import { evaluate, parseAgreement, parseLedger } from '@truce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, MIGRATIONS, type Store } from '../src/index.ts';
import { verifyChain } from '../src/verify-chain.ts';
import { exampleAgreement, exampleLedger, exampleLedgerText, talks } from './example.ts';

export interface StoreTarget {
  /** Opens a store on the target's database; each call is a new connection to the same data. */
  readonly open: () => Promise<Store>;
  /** Run the parallel-writers test (it needs separate connections, so a server). */
  readonly parallelWriters?: boolean;
}

/** The storage suite: every database Truce supports must pass it unchanged. */
export function describeStore(name: string, target: StoreTarget): void {
  describe(`store on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await target.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    /** Adds a copy of the example agreement under `id`, failing loudly if it does not parse. */
    async function given(id: string): Promise<void> {
      const added = await store.addAgreement(exampleAgreement(id), `${id}.yaml`);
      if (!added.ok) throw new Error(added.issues.map((i) => i.message).join('\n'));
    }

    /** Runs SQL as a superuser with triggers off, as someone rewriting history would. */
    async function tamper(sql: string, params: unknown[]): Promise<void> {
      await store.database.transaction(async (tx) => {
        // Back to the session's superuser (the store acts as the application role), triggers off.
        await tx.exec('SET LOCAL ROLE NONE');
        await tx.exec('SET LOCAL session_replication_role = replica');
        await tx.query(sql, params);
      });
    }

    it('applies each migration once: reopening the same data applies none', async () => {
      const applied = () =>
        store.database.query<{ version: number; applied_at: unknown }>(
          'SELECT version, applied_at::text FROM truce_migrations ORDER BY version',
        );
      await store.close();
      store = await target.open();
      const first = await applied();
      expect(first.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      await store.close();
      store = await target.open();
      expect(await applied()).toEqual(first);
    });

    it('keeps each version of an agreement and never stores a file with issues', async () => {
      const bad = await store.addAgreement('id: versions\ntitle: [unclosed', 'bad.yaml');
      expect(bad.ok).toBe(false);
      expect(await store.agreements('versions')).toEqual([]);

      expect(await store.addAgreement(exampleAgreement('versions'))).toMatchObject({
        version: 1,
        added: true,
      });
      expect(await store.addAgreement(exampleAgreement('versions'))).toMatchObject({
        version: 1,
        added: false,
      });
      const amended = exampleAgreement('versions').replace(/^title: .*$/m, 'title: The pause, as amended');
      expect(await store.addAgreement(amended)).toMatchObject({ version: 2, added: true });
      const versions = await store.agreements('versions');
      expect(versions.map((v) => [v.version, v.document.title])).toEqual([
        [1, 'Israel–Hamas humanitarian pause and exchange, November 2023'],
        [2, 'The pause, as amended'],
      ]);
      expect((await store.agreement('versions', 1))?.title).toBe(versions[0]?.document.title);
      expect((await store.agreement('versions'))?.title).toBe('The pause, as amended');
    });

    it('given the 2023 example, the stored ledger evaluates exactly as the file does', async () => {
      await given('gaza-2023-pause');
      const { sources, events } = exampleLedger();
      const result = await store.append('gaza-2023-pause', events, { sources });
      expect(result).toMatchObject({ ok: true, skipped: [] });
      expect(result.ok && result.appended.length).toBe(events.length);

      const agreement = parseAgreement(exampleAgreement(), 'agreement.yaml');
      if (!agreement.ok) throw new Error('the example agreement does not parse');
      const file = parseLedger(exampleLedgerText(), agreement.value, 'ledger.yaml');
      if (!file.ok) throw new Error('the example ledger does not parse');
      const stored = await store.ledger('gaza-2023-pause');
      for (const asOf of ['2023-11-26T12:00:00+02:00', '2023-12-01T12:00:00+02:00']) {
        const options = { asOf: Date.parse(asOf) };
        expect(JSON.stringify(evaluate(agreement.value, stored, options))).toBe(
          JSON.stringify(evaluate(agreement.value, file.value.events, options)),
        );
      }
      expect((await store.events('gaza-2023-pause')).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await store.verify('gaza-2023-pause')).toEqual({ ok: true, count: events.length });
    });

    it('writes nothing from a batch with one bad event, and names it', async () => {
      await given('bad-batch');
      const unknownCohort = {
        ...talks('e3'),
        type: 'release',
        party: 'hamas',
        released: [{ cohort: 'nobody', count: 1 }],
      };
      const refused = await store.append('bad-batch', [talks('e1'), talks('e2'), unknownCohort, talks('e4')]);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.issues.map((i) => [i.index, i.code])).toEqual([
        [2, 'undefined-reference'],
      ]);

      const malformed = await store.append('bad-batch', [talks('e1'), { id: 'e2', type: 'talks-held' }]);
      expect(!malformed.ok && malformed.issues.map((i) => i.index)).toContain(1);

      expect(await store.events('bad-batch')).toEqual([]);
      expect(await store.verify('bad-batch')).toEqual({ ok: true, count: 0 });
      expect(await store.append('no-such-agreement', [talks('e1')])).toMatchObject({ ok: false });
    });

    it('a retried append duplicates nothing; the same id with other content is a conflict', async () => {
      await given('retries');
      const batch = ['r1', 'r2', 'r3'].map((id) => talks(id));
      expect(await store.append('retries', batch)).toMatchObject({ ok: true, skipped: [] });
      expect(await store.append('retries', batch)).toEqual({
        ok: true,
        appended: [],
        skipped: ['r1', 'r2', 'r3'],
      });
      const overlap = await store.append('retries', [talks('r3'), talks('r4')]);
      expect(overlap).toMatchObject({ ok: true, appended: [{ id: 'r4', seq: 4 }], skipped: ['r3'] });

      const conflict = await store.append('retries', [talks('r5'), talks('r2', 'rewritten')]);
      expect(!conflict.ok && conflict.issues.map((i) => [i.index, i.code])).toEqual([[1, 'conflict']]);
      expect((await store.events('retries')).map((e) => e.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
      expect(await store.verify('retries')).toEqual({ ok: true, count: 4 });
    });

    it('accepts a correction of an event stored in an earlier batch, but not of an unknown one', async () => {
      await given('corrections');
      await store.append('corrections', [talks('c1')]);
      const retract = (id: string, supersedes: string) => ({ ...talks(id), type: 'retraction', supersedes });
      expect(await store.append('corrections', [retract('c2', 'c1')])).toMatchObject({ ok: true });
      const unknown = await store.append('corrections', [retract('c3', 'c-none')]);
      expect(!unknown.ok && unknown.issues.map((i) => [i.index, i.code])).toEqual([
        [0, 'undefined-reference'],
      ]);
    });

    it('hashes the same events to the same chain on every database (SHA-256 over RFC 8785 JSON)', async () => {
      await given('golden');
      // Computed independently: Python's json.dumps(sort_keys=True, separators=(',', ':')) and hashlib.
      expect(await store.append('golden', [talks('g1'), talks('g2')])).toEqual({
        ok: true,
        appended: [
          { id: 'g1', seq: 1, hash: 'debc50bddec4e7a274a99261fa8a1f61c8999773c17a15cdc941169e5ea8de77' },
          { id: 'g2', seq: 2, hash: '412bd3f16192d1397803e7e41a4cc82681afe5f45957b85bda56091722ea59be' },
        ],
        skipped: [],
      });
    });

    it('the application role may not UPDATE, DELETE or TRUNCATE events or agreements', async () => {
      await given('append-only');
      await store.append('append-only', [talks('a1')]);
      const [who] = await store.database.query<{ user: string }>('SELECT current_user AS user');
      expect(who?.user).toBe(APP_ROLE);
      const rewrites = [
        `UPDATE events SET body = '{}' WHERE agreement_id = 'append-only'`,
        `DELETE FROM events WHERE agreement_id = 'append-only'`,
        'TRUNCATE events CASCADE',
        `UPDATE agreements SET text = '' WHERE id = 'append-only'`,
        `DELETE FROM agreements WHERE id = 'append-only'`,
      ];
      for (const sql of rewrites)
        await expect(store.database.query(sql), sql).rejects.toThrow(/permission denied/);
      // The role may still read and append.
      await expect(store.database.query('SELECT count(*) FROM events')).resolves.toHaveLength(1);
      expect((await store.append('append-only', [talks('a2')])).ok).toBe(true);
      // Behind the role, the triggers refuse the same statements even to the owner.
      for (const sql of rewrites)
        await expect(
          store.database.transaction(async (tx) => {
            await tx.exec('SET LOCAL ROLE NONE');
            await tx.query(sql);
          }),
          sql,
        ).rejects.toThrow(/append-only/);
      expect(await store.verify('append-only')).toEqual({ ok: true, count: 2 });
    });

    it('refuses events for an agreement with no ledger head, and never removes a head', async () => {
      await given('heads');
      // One good row and one for an agreement the store does not hold, in one statement: neither goes in.
      const insert = `INSERT INTO events (agreement_id, seq, event_id, body, prev_hash, hash)
        VALUES ('heads', 1, 'h1', '{}', '', 'x'), ('no-such-agreement', 1, 'n1', '{}', '', 'y')`;
      await expect(store.database.query(insert)).rejects.toThrow(
        /no ledger head for agreement no-such-agreement/,
      );
      await expect(
        store.database.query(`SELECT count(*)::int AS n FROM events WHERE agreement_id = 'heads'`),
      ).resolves.toEqual([{ n: 0 }]);
      await expect(
        store.database.query(`DELETE FROM ledger_heads WHERE agreement_id = 'heads'`),
      ).rejects.toThrow(/permission denied/);
      for (const sql of [
        `DELETE FROM ledger_heads WHERE agreement_id = 'heads'`,
        'TRUNCATE ledger_heads CASCADE',
      ])
        await expect(
          store.database.transaction(async (tx) => {
            await tx.exec('SET LOCAL ROLE NONE');
            await tx.query(sql);
          }),
          sql,
        ).rejects.toThrow(/a ledger head is never removed/);
      expect((await store.append('heads', [talks('h1')])).ok).toBe(true);
    });

    describe('verify names the first broken link after a superuser rewrites history', () => {
      const cases = [
        {
          name: 'a changed body',
          sql: `UPDATE events SET body = jsonb_set(body, '{note}', '"edited"') WHERE agreement_id = $1 AND seq = 3`,
          expected: { seq: 3, eventId: 't3', reason: 'hash-mismatch' },
        },
        {
          name: 'a deleted row',
          sql: 'DELETE FROM events WHERE agreement_id = $1 AND seq = 2',
          expected: { seq: 3, eventId: 't3', reason: 'seq-gap' },
        },
        {
          name: 'a deleted last row',
          sql: 'DELETE FROM events WHERE agreement_id = $1 AND seq = 5',
          expected: { seq: 5, reason: 'head-mismatch' },
        },
        {
          name: 'a changed hash',
          sql: `UPDATE events SET hash = repeat('0', 64) WHERE agreement_id = $1 AND seq = 2`,
          expected: { seq: 2, eventId: 't2', reason: 'hash-mismatch' },
        },
        {
          name: 'a changed prev link',
          sql: `UPDATE events SET prev_hash = '' WHERE agreement_id = $1 AND seq = 4`,
          expected: { seq: 4, eventId: 't4', reason: 'prev-mismatch' },
        },
        {
          name: 'a rolled-back head',
          sql: `UPDATE ledger_heads SET seq = 4 WHERE agreement_id = $1`,
          expected: { seq: 5, eventId: 't5', reason: 'head-mismatch' },
        },
      ];
      cases.forEach(({ name, sql, expected }, n) => {
        it(name, async () => {
          const id = `tamper-${n}`;
          await given(id);
          await store.append(
            id,
            ['t1', 't2', 't3', 't4', 't5'].map((e) => talks(e)),
          );
          expect(await store.verify(id)).toEqual({ ok: true, count: 5 });
          await tamper(sql, [id]);
          const result = await store.verify(id);
          expect(result.ok).toBe(false);
          expect(!result.ok && result.firstBroken).toMatchObject(expected);
        });
      });
    });

    it('verify names the gap when a whole page of rows was deleted', async () => {
      // verify reads ranges of seq; with pages of two, deleting events 3 and 4 empties a whole page.
      await given('tamper-page');
      await store.append(
        'tamper-page',
        ['t1', 't2', 't3', 't4', 't5'].map((e) => talks(e)),
      );
      expect(await verifyChain(store.database, 'tamper-page', 2)).toEqual({ ok: true, count: 5 });
      await tamper('DELETE FROM events WHERE agreement_id = $1 AND seq IN (3, 4)', ['tamper-page']);
      const result = await verifyChain(store.database, 'tamper-page', 2);
      expect(!result.ok && result.firstBroken).toMatchObject({ seq: 5, eventId: 't5', reason: 'seq-gap' });
    });

    it.runIf(target.parallelWriters)('8 parallel writers never fork the chain', async () => {
      await given('parallel');
      const writers = await Promise.all(Array.from({ length: 8 }, () => target.open()));
      try {
        await Promise.all(
          writers.map(async (writer, w) => {
            for (let i = 0; i < 25; i++) {
              const result = await writer.append('parallel', [talks(`w${w}-e${i}`)]);
              if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
            }
          }),
        );
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
      const seqs = await store.database.query<{ seq: string | number }>(
        `SELECT seq FROM events WHERE agreement_id = 'parallel' ORDER BY seq`,
      );
      expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(await store.verify('parallel')).toEqual({ ok: true, count: 200 });
    });
  });
}
