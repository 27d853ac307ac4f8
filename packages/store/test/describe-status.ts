import { EVIDENCE_POLICIES, type EvaluateOptions, evaluate } from '@truce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index.ts';
import { StatusCache } from '../src/status-cache.ts';
import { exampleAgreement, exampleLedger, talks } from './example.ts';

/**
 * Status read from the store's kept fold must equal the pure evaluator on the whole stored ledger,
 * whoever appended and whenever it was read. `open` opens a new connection to the same data.
 */
export function describeStatus(name: string, open: () => Promise<Store>, otherWriter = false): void {
  describe(`status from the store on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    async function given(id: string): Promise<void> {
      const added = await store.addAgreement(exampleAgreement(id), `${id}.yaml`);
      if (!added.ok) throw new Error(added.issues.map((i) => i.message).join('\n'));
    }

    // Times across the 2023 pause, and one after every event (which the kept fold answers alone).
    const times: EvaluateOptions[] = [
      { asOf: Date.parse('2023-11-23T12:00:00+02:00') },
      { asOf: Date.parse('2023-11-26T12:00:00+02:00'), knownAt: Date.parse('2023-11-25T20:00:00+02:00') },
      ...EVIDENCE_POLICIES.map((evidence) => ({ asOf: Date.parse('2024-06-01T00:00:00Z'), evidence })),
    ];

    async function expectSameAsEvaluate(id: string): Promise<void> {
      const agreement = await store.agreement(id);
      const ledger = await store.ledger(id);
      for (const options of times)
        expect(await store.status(id, options)).toEqual(evaluate(agreement!, ledger, options));
    }

    it('given the 2023 example appended in batches, each read equals evaluate on the whole stored ledger', async () => {
      await given('status-batches');
      const { sources, events } = exampleLedger();
      // Uneven batches, read between each: corrections land in other batches than what they correct.
      for (const [from, to] of [
        [0, 1],
        [1, 9],
        [9, 30],
        [30, events.length],
      ] as const) {
        const appended = await store.append('status-batches', events.slice(from, to), { sources });
        expect(appended.ok).toBe(true);
        await expectSameAsEvaluate('status-batches');
      }
      const final = await store.status('status-batches', { asOf: Date.parse('2023-12-01T12:00:00+02:00') });
      expect(final?.events.known).toBe(events.length);
    });

    it('reads a long ledger page by page to the same status', async () => {
      const pages = new StatusCache(new Map(), 7);
      const asOf = Date.parse('2023-12-01T12:00:00+02:00');
      const agreement = await store.agreement('status-batches');
      const paged = await pages.status(store.database, 'status-batches', { asOf });
      expect(paged?.events.known).toBe(exampleLedger().events.length);
      expect(paged).toEqual(evaluate(agreement!, await store.ledger('status-batches'), { asOf }));
    });

    it('reads of one agreement at the same time take each new event once', async () => {
      await given('status-parallel');
      const { sources, events } = exampleLedger();
      expect((await store.append('status-parallel', events.slice(0, 20), { sources })).ok).toBe(true);
      const asOf = Date.parse('2024-06-01T00:00:00Z');
      const reads = await Promise.all(
        Array.from({ length: 5 }, () => store.status('status-parallel', { asOf })),
      );
      for (const r of reads) expect(r?.events.known).toBe(20);
      await expectSameAsEvaluate('status-parallel');
    });

    it('evaluates under an earlier version, and says when the ledger cannot be read under it', async () => {
      await given('status-versions');
      const { sources, events } = exampleLedger();
      expect((await store.append('status-versions', events, { sources })).ok).toBe(true);
      // Version 2 renames an obligation's clause reference: a status under each version names its own.
      const v2 = exampleAgreement('status-versions')
        .replace('ref: Israeli government statement, 22 November 2023', 'ref: Amended statement')
        .replace(
          'cohorts:\n',
          'cohorts:\n  - { id: added-cohort, name: A cohort added by version 2, heldBy: hamas }\n',
        );
      expect(await store.addAgreement(v2, 'v2.yaml')).toMatchObject({ ok: true, version: 2 });
      const asOf = Date.parse('2023-12-01T12:00:00+02:00');
      const latest = await store.status('status-versions', { asOf });
      const first = await store.status('status-versions', { asOf, version: 1 });
      expect(latest?.agreement.version).toBe(2);
      expect(first?.agreement.version).toBe(1);
      const refs = (s: typeof latest) => s?.obligations.map((o) => o.clause.ref);
      expect(refs(latest)).toContain('Amended statement');
      expect(refs(first)).not.toContain('Amended statement');
      expect(await store.status('status-versions', { asOf, version: 9 })).toBeUndefined();
      expect(await store.status('no-such-agreement', { asOf })).toBeUndefined();
      // An event of the cohort version 2 added cannot be read under version 1.
      const added = await store.append('status-versions', [
        {
          id: 'added-release',
          type: 'release',
          party: 'hamas',
          released: [{ cohort: 'added-cohort', count: 1 }],
          occurred: '2023-11-30T12:00',
          recorded: '2023-11-30T13:00',
        },
      ]);
      expect(added.ok).toBe(true);
      await expect(store.status('status-versions', { asOf, version: 1 })).rejects.toMatchObject({
        code: 'version-mismatch',
        message: expect.stringContaining('added-cohort'),
      });
      expect((await store.status('status-versions', { asOf }))?.events.known).toBe(events.length + 1);
    });

    it.runIf(otherWriter)('sees what another connection appended since its last read', async () => {
      await given('status-writers');
      const asOf = Date.parse('2024-06-01T00:00:00Z');
      expect((await store.status('status-writers', { asOf }))?.events.known).toBe(0);
      const other = await open();
      try {
        expect((await other.append('status-writers', [talks('w1'), talks('w2')])).ok).toBe(true);
      } finally {
        await other.close();
      }
      expect((await store.status('status-writers', { asOf }))?.events.known).toBe(2);
      await expectSameAsEvaluate('status-writers');
    });
  });
}
