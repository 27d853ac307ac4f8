import { readFileSync } from 'node:fs';
import { EventSchema, evaluate } from '@truce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/database.ts';
import {
  canonicalJson,
  exportCsv,
  exportJsonl,
  formatBadRecord,
  formatEventsCsv,
  importCsv,
  importJsonl,
  importRecords,
  parseAcledCsv,
  parseEventsCsv,
  type Store,
} from '../src/index.ts';
import { type BuiltBatch, copyEvents, RowsAhead, setHead } from '../src/rows-ahead.ts';
import { WriteAhead } from '../src/write-ahead.ts';
import { exampleAgreement, exampleLedger, talks } from './example.ts';

/** The import and export suite; each test works on its own copy of the example agreement in one store. */
export function describeImportExport(
  name: string,
  open: () => Promise<Store>,
  /** `ownsDatabase`: no other test uses the database meanwhile, so its statistics are this suite's own. */
  options: { readonly ownsDatabase?: boolean } = {},
): void {
  describe(`import and export on ${name}`, () => {
    let store: Store;
    const asOf = { asOf: Date.parse('2023-12-01T12:00:00+02:00') };

    beforeAll(async () => {
      store = await open();
      await given('gaza-2023-pause');
      const { sources, events } = exampleLedger();
      const result = await store.append('gaza-2023-pause', events, { sources });
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    }, 60_000); // PGlite's initdb is slow when the other store files start theirs at the same time
    afterAll(async () => {
      await store?.close();
    });

    async function given(id: string): Promise<void> {
      const added = await store.addAgreement(exampleAgreement(id), `${id}.yaml`);
      if (!added.ok) throw new Error(added.issues.map((i) => i.message).join('\n'));
    }

    /** The evaluated status of a copy, with the agreement id written as the original's so the two compare. */
    async function statusOf(id: string): Promise<string> {
      const agreement = await store.agreement(id);
      if (!agreement) throw new Error(`no agreement ${id}`);
      const status = evaluate(agreement, await store.ledger(id), asOf);
      return JSON.stringify({ ...status, agreement: { ...status.agreement, id: 'x' } });
    }

    it('round-trips the 2023 ledger through JSON Lines into a fresh agreement: same events, same status', async () => {
      const jsonl = await exportJsonl(store, 'gaza-2023-pause');
      const events = await store.events('gaza-2023-pause');
      expect(jsonl.split('\n').slice(0, -1)).toHaveLength(events.length);
      await given('jsonl-copy');
      const result = await importJsonl(store, 'jsonl-copy', jsonl);
      expect(result).toMatchObject({ ok: true, skipped: [], bad: [] });
      expect(result.appended).toHaveLength(events.length);
      expect((await store.events('jsonl-copy')).map(canonicalJson)).toEqual(events.map(canonicalJson));
      expect(await statusOf('jsonl-copy')).toBe(await statusOf('gaza-2023-pause'));
      expect(await exportJsonl(store, 'jsonl-copy')).toBe(jsonl);

      // The same file again duplicates nothing.
      const again = await importJsonl(store, 'jsonl-copy', jsonl);
      expect(again).toMatchObject({ ok: true, appended: [], bad: [] });
      expect(again.skipped).toHaveLength(events.length);
      expect(await store.verify('jsonl-copy')).toEqual({ ok: true, count: events.length });
    });

    it('round-trips the 2023 ledger through CSV into a fresh agreement: same events, same status', async () => {
      const csv = await exportCsv(store, 'gaza-2023-pause');
      const events = await store.events('gaza-2023-pause');
      const parsed = parseEventsCsv(csv);
      expect(parsed.bad).toEqual([]);
      expect(parsed.records.map((r) => canonicalJson(r.doc))).toEqual(events.map(canonicalJson));
      await given('csv-copy');
      const result = await importCsv(store, 'csv-copy', csv);
      expect(result).toMatchObject({ ok: true, skipped: [], bad: [] });
      expect((await store.events('csv-copy')).map(canonicalJson)).toEqual(events.map(canonicalJson));
      expect(await statusOf('csv-copy')).toBe(await statusOf('gaza-2023-pause'));
      expect(await importCsv(store, 'csv-copy', csv)).toMatchObject({ ok: true, appended: [] });
      expect(await store.verify('csv-copy')).toEqual({ ok: true, count: events.length });
    });

    const release = (id: string, cohort: string) => ({
      ...talks(id),
      type: 'release',
      party: 'hamas',
      released: [{ cohort, count: 1 }],
    });
    const lines = (docs: unknown[]) =>
      docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('\n');

    it('a JSON Lines file with one bad line imports nothing and names the line; skipBad imports the rest', async () => {
      await given('bad-jsonl');
      const text = `${lines([talks('b1'), talks('b2'), '{"id": "b3", "type": ', talks('b4')])}\n`;
      const refused = await importJsonl(store, 'bad-jsonl', text);
      expect(refused.ok).toBe(false);
      expect(refused.bad.map((b) => [b.line, b.code])).toEqual([[3, 'syntax']]);
      expect(
        formatBadRecord('events.jsonl', refused.bad[0] ?? { line: 0, code: '', path: [], message: '' }),
      ).toMatch(/^events\.jsonl:3: not valid JSON/);
      expect(await store.events('bad-jsonl')).toEqual([]);

      const skipped = await importJsonl(store, 'bad-jsonl', text, { skipBad: true });
      expect(skipped).toMatchObject({ ok: true, skipped: [] });
      expect(skipped.appended).toEqual(['b1', 'b2', 'b4']);
      expect(skipped.bad.map((b) => b.line)).toEqual([3]);
      expect(await store.verify('bad-jsonl')).toEqual({ ok: true, count: 3 });
    });

    it('reports events the store refuses by line, with the store’s reasons, and writes nothing by default', async () => {
      await given('bad-events');
      const text = lines([
        talks('v1'),
        release('v2', 'nobody'),
        '',
        '[1, 2]',
        { id: 'v3', type: 'talks-held' },
        talks('v4'),
        { ...talks('v5'), type: 'retraction', supersedes: 'v2' },
      ]);
      const refused = await importJsonl(store, 'bad-events', text);
      expect(refused.ok).toBe(false);
      expect([...new Set(refused.bad.map((b) => b.line))]).toEqual([2, 4, 5, 7]);
      expect(refused.bad.find((b) => b.line === 2)).toMatchObject({ code: 'undefined-reference' });
      expect(await store.events('bad-events')).toEqual([]);

      const skipped = await importJsonl(store, 'bad-events', text, { skipBad: true });
      expect(skipped.ok).toBe(true);
      expect(skipped.appended).toEqual(['v1', 'v4']);
      expect([...new Set(skipped.bad.map((b) => b.line))]).toEqual([2, 4, 5, 7]);
    });

    it('refuses everything, with no line to blame, when the agreement is not stored', async () => {
      const result = await importJsonl(store, 'no-such-agreement', lines([talks('n1')]));
      expect(result).toMatchObject({ ok: false, bad: [{ line: null, code: 'undefined-reference' }] });
      expect(
        (await importJsonl(store, 'no-such-agreement', lines([talks('n1')]), { skipBad: true })).ok,
      ).toBe(false);
    });

    it('reads CSV rows with quoting, several cohorts and uncertain counts, and reports bad rows by line', async () => {
      await given('csv-edges');
      const csv = [
        'id,type,occurred,recorded,party,cohort,count,count_low,count_high,note,source_outlet,extra',
        'c1,talks-held,2023-11-20T10:00,2023-11-20T12:00,,,,,,"a note, with a comma and ""quotes""",Outlet,',
        'c2,release,2023-11-20T10:00,2023-11-20T12:00,hamas,hostages-foreign-nationals,12,10,12,"two',
        'lines",,',
        'c3,release,2023-11-20T10:00,2023-11-20T12:00,hamas,hostages-women-children=2;hostages-foreign-nationals=1,,,,,,',
        'c4,release,2023-11-20T10:00,2023-11-20T12:00,hamas,hostages-women-children,many,,,,,',
        'c5,talks-held,2023-11-20T10:00,2023-11-20T12:00,,,,,,,,"{""topic"":""extensions""}"',
        'c6,talks-held,2023-11-20T10:00,2023-11-20T12:00,,,,,,"unclosed',
      ].join('\r\n');
      const parsed = parseEventsCsv(csv);
      expect(parsed.records.map((r) => [r.line, r.doc.id])).toEqual([
        [2, 'c1'],
        [3, 'c2'],
        [5, 'c3'],
        [7, 'c5'],
      ]);
      expect(parsed.records[0]?.doc).toMatchObject({
        note: 'a note, with a comma and "quotes"',
        sources: [{ outlet: 'Outlet' }],
      });
      expect(parsed.records[1]?.doc).toMatchObject({
        released: [{ cohort: 'hostages-foreign-nationals', count: { best: 12, low: 10, high: 12 } }],
        note: 'two\r\nlines',
      });
      expect(parsed.records[2]?.doc.released).toEqual([
        { cohort: 'hostages-women-children', count: 2 },
        { cohort: 'hostages-foreign-nationals', count: 1 },
      ]);
      expect(parsed.records[3]?.doc.topic).toBe('extensions');
      expect(parsed.bad.map((b) => [b.line, b.path])).toEqual([
        [6, ['count']],
        [8, []],
      ]);

      const refused = await importCsv(store, 'csv-edges', csv);
      expect(refused.ok).toBe(false);
      expect(await store.events('csv-edges')).toEqual([]);
      const skipped = await importCsv(store, 'csv-edges', csv, { skipBad: true });
      expect(skipped.appended).toEqual(['c1', 'c2', 'c3', 'c5']);

      // What went in comes out as the same CSV rows.
      const out = parseEventsCsv(formatEventsCsv(await store.events('csv-edges')));
      expect(out.records.map((r) => canonicalJson(EventSchema.parse(r.doc)))).toEqual(
        (await store.events('csv-edges')).map(canonicalJson),
      );
    });

    it('refuses a CSV whose header names an unknown column, on line 1', () => {
      const parsed = parseEventsCsv('id,type,colour\r\nx,talks-held,red\r\n');
      expect(parsed.records).toEqual([]);
      expect(parsed.bad).toMatchObject([{ line: 1, code: 'syntax' }]);
      expect(parsed.bad[0]?.message).toMatch(/unknown column "colour"/);
    });
    it('imports an ACLED export: the rows it maps go in as reported events, the rest are reported by line', async () => {
      await given('acled');
      const agreement = (await store.agreement('acled'))!;
      const text = readFileSync(new URL('fixtures/acled-sample.csv', import.meta.url), 'utf8');
      const parsed = parseAcledCsv(text, { agreement, recorded: '2023-12-02T00:00:00Z' });
      const refused = await importRecords(store, 'acled', parsed);
      expect(refused.ok).toBe(false);
      expect(await store.events('acled')).toEqual([]);
      const result = await importRecords(store, 'acled', parsed, { skipBad: true });
      expect(result).toMatchObject({
        ok: true,
        appended: ['acled-tst0001', 'acled-tst0002', 'acled-tst0003'],
      });
      expect(result.bad.map((b) => b.line)).toEqual([5, 6, 7]);
      expect((await store.events('acled')).map((e) => e.type)).toEqual([
        'violation',
        'violation',
        'statement',
      ]);
      expect(await store.verify('acled')).toEqual({ ok: true, count: 3 });
    });

    const many = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => JSON.stringify(talks(`m${from + i}`, `event ${from + i}`))).join(
        '\n',
      );

    it('writes in batches of the size given, each committed whole, and reports progress after each', async () => {
      await given('batches');
      const seen: number[] = [];
      const result = await importJsonl(store, 'batches', many(25), {
        batchSize: 10,
        onProgress: (p) => {
          if (p.written > 0) seen.push(p.written);
        },
      });
      expect(result).toMatchObject({ ok: true, batches: 3, skipped: [] });
      expect(result.appended).toHaveLength(25);
      expect(seen).toEqual([10, 20, 25]);
      expect(await store.verify('batches')).toEqual({ ok: true, count: 25 });
    });

    /** 4,000 events with notes of 1,000 characters: about 4.5 MB of COPY text, over PostgreSQL's default work_mem of 4 MB. */
    const overFourMegabytes = (prefix: string) =>
      Array.from({ length: 4_000 }, (_, i) => talks(`${prefix}${i}`, 'x'.repeat(1_000)));

    it('raises work_mem for a batch’s transaction to hold its rows, and only for that transaction', async () => {
      await given('work-mem');
      const built: BuiltBatch[] = [];
      const rows = new RowsAhead('work-mem', { seq: 0, hash: '' }, 4_000, (b) => built.push(b));
      for (const doc of overFourMegabytes('w'))
        rows.add(String(doc.id), canonicalJson(EventSchema.parse(doc)));
      rows.finish();
      const batch = built[0]!;
      const kB = (setting: string) => {
        const [, n, unit] = /^(\d+)(kB|MB|GB)$/.exec(setting) ?? [];
        return Number(n) * ({ kB: 1, MB: 1024, GB: 1024 * 1024 }[unit ?? ''] ?? Number.NaN);
      };
      const workMem = async (db: Queryable) =>
        kB((await db.query<{ w: string }>("SELECT current_setting('work_mem') AS w"))[0]!.w);
      const before = await workMem(store.database);
      const during = await store.database.transaction(async (tx) => {
        await copyEvents(tx, batch.rows);
        await setHead(tx, 'work-mem', batch.head);
        return workMem(tx);
      });
      expect(during).toBeGreaterThanOrEqual((2 * Buffer.byteLength(batch.rows)) / 1024);
      expect(await workMem(store.database)).toBe(before);
      expect(await store.verify('work-mem')).toEqual({ ok: true, count: 4_000 });
    });

    if (options.ownsDatabase)
      it('writes no temporary file for a batch over 4 MB (its head check reads the rows in memory)', async () => {
        await given('no-spill');
        const stats = async () => {
          // This backend's counts reach the view once it goes idle after this statement.
          await store.database.query('SELECT pg_stat_force_next_flush()');
          const [row] = await store.database.query<{ files: number | string }>(
            'SELECT temp_files AS files FROM pg_stat_database WHERE datname = current_database()',
          );
          return Number(row!.files);
        };
        const lines = overFourMegabytes('t')
          .map((doc) => JSON.stringify(doc))
          .join('\n');
        const before = await stats();
        const result = await importJsonl(store, 'no-spill', lines, { batchSize: 4_000, workers: 0 });
        expect(result).toMatchObject({ ok: true, batches: 1 });
        expect(await stats()).toBe(before);
      });

    it('takes the planner’s statistics again after a large import, so that pages are read through the index', async () => {
      // Without this, PGlite (no autovacuum) kept planning for an empty table: reading the next page of a
      // million events sorted all of them.
      await given('statistics');
      const result = await importJsonl(store, 'statistics', many(10_000), { batchSize: 5_000 });
      expect(result.ok).toBe(true);
      const [row] = await store.database.query<{ tuples: number }>(
        `SELECT reltuples::float8 AS tuples FROM pg_class WHERE oid = 'events'::regclass`,
      );
      expect(Number(row?.tuples)).toBeGreaterThanOrEqual(10_000);
    });

    it('resumes an import whose first batches were written: the rest go in, nothing twice', async () => {
      await given('resume');
      // As if an earlier run was killed after its first two batches of ten.
      const first = await importJsonl(store, 'resume', many(20), { batchSize: 10 });
      expect(first.appended).toHaveLength(20);
      const again = await importJsonl(store, 'resume', many(35), { batchSize: 10 });
      expect(again).toMatchObject({ ok: true, batches: 2 });
      expect(again.skipped).toHaveLength(20);
      expect(again.appended).toEqual(Array.from({ length: 15 }, (_, i) => `m${20 + i}`));
      const ids = (await store.events('resume')).map((e) => e.id);
      expect(new Set(ids).size).toBe(35);
      expect(await store.verify('resume')).toEqual({ ok: true, count: 35 });
    });

    it('chains on after another writer’s events when one appends between the check and a batch', async () => {
      await given('interleaved');
      let interleaved = false;
      const result = await importJsonl(store, 'interleaved', many(30), {
        batchSize: 10,
        onProgress: async (p) => {
          if (p.written === 10 && !interleaved) {
            interleaved = true;
            // Another writer's append lands between the import's batches.
            const other = await store.append('interleaved', [
              talks('other-writer'),
              talks('m25', 'event 25'),
            ]);
            expect(other.ok).toBe(true);
          }
        },
      });
      expect(interleaved).toBe(true);
      expect(result.ok).toBe(true);
      // m25 was stored by the other writer with the same content, so the import skips it.
      expect(result.skipped).toEqual(['m25']);
      expect(result.appended).toHaveLength(29);
      const ids = (await store.events('interleaved')).map((e) => e.id);
      expect(ids.slice(10, 12)).toEqual(['other-writer', 'm25']);
      expect(new Set(ids).size).toBe(31);
      expect(await store.verify('interleaved')).toEqual({ ok: true, count: 31 });
    });
    it('stops, naming the line, when another writer stores one of its ids with other content mid-import', async () => {
      await given('clash');
      const result = await importJsonl(store, 'clash', many(30), {
        batchSize: 10,
        onProgress: async (p) => {
          if (p.written === 10) await store.append('clash', [talks('m25', 'not the same note')]);
        },
      });
      expect(result.ok).toBe(false);
      expect(result.appended).toHaveLength(20);
      expect(result.bad).toMatchObject([{ line: 26, code: 'conflict' }]);
      expect(result.bad[0]?.message).toContain('20 events were written before it');
      expect(await store.verify('clash')).toEqual({ ok: true, count: 21 });
    });
    for (const workers of [0, 2])
      it(`finds ids used twice and a correction of a bad event across a long file, and writes nothing (${workers ? `${workers} worker threads` : 'in this thread'})`, async () => {
        const id = `long-file-${workers}`;
        await given(id);
        // Longer than the chunk the records are checked in, with the problems far apart.
        const docs: unknown[] = Array.from({ length: 20_010 }, (_, i) => talks(`l${i}`));
        docs[1] = {
          ...talks('l1'),
          type: 'release',
          party: 'hamas',
          released: [{ cohort: 'nobody', count: 1 }],
        };
        docs[10] = talks('l5');
        docs[20_004] = talks('l3');
        docs[20_007] = { ...talks('retract-l1'), type: 'retraction', supersedes: 'l1' };
        const result = await importJsonl(store, id, docs.map((d) => JSON.stringify(d)).join('\n'), {
          workers,
        });
        expect(result.ok).toBe(false);
        expect(result.bad.map((b) => [b.line, b.code])).toEqual([
          [2, 'undefined-reference'],
          [11, 'duplicate-id'],
          [20_005, 'duplicate-id'],
          [20_008, 'undefined-reference'],
        ]);
        // Within one chunk and across chunks alike, the earlier use is named by its line.
        expect(result.bad[1]?.message).toBe('the event id `l5` is already used on line 6');
        expect(result.bad[2]?.message).toBe('the event id `l3` is already used on line 4');
        expect(await store.events(id)).toEqual([]);
      });
    it('checks a long file on worker threads into the same chain as in this thread', async () => {
      const docs = Array.from({ length: 25_000 }, (_, i) => talks(`w${i}`));
      docs[22_000] = { ...talks('retract-w5'), type: 'retraction', supersedes: 'w5' };
      const text = docs.map((d) => JSON.stringify(d)).join('\n');
      const ledgers: unknown[] = [];
      for (const workers of [0, 1, 2]) {
        const id = `parallel-${workers}`;
        await given(id);
        const result = await importJsonl(store, id, text, { workers, batchSize: 5_000 });
        expect(result).toMatchObject({ ok: true, bad: [], skipped: [], batches: 5 });
        expect(result.appended).toHaveLength(25_000);
        expect(await store.verify(id)).toEqual({ ok: true, count: 25_000 });
        ledgers.push(await store.events(id));
        // Run again, every record is found stored: nothing is written twice.
        const again = await importJsonl(store, id, text, { workers });
        expect(again).toMatchObject({ ok: true, appended: [], batches: 0 });
        expect(again.skipped).toHaveLength(25_000);
      }
      expect(ledgers[1]).toEqual(ledgers[0]);
      expect(ledgers[2]).toEqual(ledgers[0]);
    });

    describe('rows written while the file is still being checked', () => {
      /** Two batches of three events chained on the empty ledger of `id`, as an import builds them. */
      async function batches(id: string): Promise<BuiltBatch[]> {
        await given(id);
        const built: BuiltBatch[] = [];
        const rows = new RowsAhead(id, { seq: 0, hash: '' }, 3, (b) => built.push(b));
        for (const n of [1, 2, 3, 4, 5, 6]) {
          const event = EventSchema.parse(talks(`a${n}`));
          rows.add(`a${n}`, canonicalJson(event));
        }
        rows.finish();
        return built;
      }

      it('leave nothing when the import is abandoned, though they were written', async () => {
        const [first, second] = await batches('ahead-abandoned');
        const ahead = new WriteAhead(store.database, 'ahead-abandoned', { seq: 0, hash: '' });
        await ahead.push(first!);
        await ahead.push(second!);
        await ahead.abandon();
        expect(await store.events('ahead-abandoned')).toEqual([]);
        // The head did not move: an append after it starts the chain.
        expect((await store.append('ahead-abandoned', [talks('later')])).ok).toBe(true);
        expect(await store.verify('ahead-abandoned')).toEqual({ ok: true, count: 1 });
      });

      it('leave nothing when the database fails partway through them, and the import writes them all after', async () => {
        await given('ahead-fails');
        // A fault injected as a superuser: the first insert of m40 (the fifth batch of ten) fails. A
        // sequence counts the tries, as it is not rolled back with the transaction that failed.
        const asSuperuser = (sql: string) =>
          store.database.transaction(async (tx) => {
            await tx.exec('SET LOCAL ROLE NONE');
            await tx.exec(sql);
          });
        await asSuperuser(`
          CREATE SEQUENCE ahead_fault;
          CREATE FUNCTION ahead_fault() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
          BEGIN
            IF NEW.agreement_id = 'ahead-fails' AND NEW.event_id = 'm40' AND nextval('ahead_fault') = 1 THEN
              RAISE EXCEPTION 'injected fault';
            END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER ahead_fault BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION ahead_fault();`);
        try {
          const tries = async () => {
            const [row] = await store.database.query<{ n: number | string; called: boolean }>(
              'SELECT last_value AS n, is_called AS called FROM ahead_fault',
            );
            return row?.called ? Number(row.n) : 0;
          };
          // One worker thread, so the first batches are written while the file is checked; the check
          // waits (its progress callback is awaited) until the write-ahead transaction has failed.
          const result = await importJsonl(store, 'ahead-fails', many(60), {
            batchSize: 10,
            workers: 1,
            onProgress: async (p) => {
              if (p.written > 0) return;
              for (let waited = 0; (await tries()) === 0 && waited < 20_000; waited += 20)
                await new Promise((resolve) => setTimeout(resolve, 20));
            },
          });
          // m40 was tried twice: in the write-ahead transaction, which failed and left nothing, then in
          // the import's own fifth batch. The first four, whose rows were dropped once written, were
          // chained again from the checked records.
          expect(await tries()).toBe(2);
          expect(result).toMatchObject({ ok: true, bad: [], skipped: [], batches: 6 });
          expect(result.appended).toEqual(Array.from({ length: 60 }, (_, i) => `m${i}`));
          expect((await store.events('ahead-fails')).map((e) => e.id)).toEqual(result.appended);
          expect(await store.verify('ahead-fails')).toEqual({ ok: true, count: 60 });
        } finally {
          await asSuperuser(
            'DROP TRIGGER ahead_fault ON events; DROP FUNCTION ahead_fault(); DROP SEQUENCE ahead_fault',
          );
        }
      });

      it('commit together once the file has passed, and another writer waits for them', async () => {
        const [first, second] = await batches('ahead-committed');
        const ahead = new WriteAhead(store.database, 'ahead-committed', { seq: 0, hash: '' });
        await ahead.push(first!);
        // An append while the import holds the head lands after it, chained on its last row.
        const other = store.append('ahead-committed', [talks('other')]);
        await ahead.push(second!);
        expect(await ahead.commit()).toBe(2);
        expect((await other).ok).toBe(true);
        expect((await store.events('ahead-committed')).map((e) => e.id)).toEqual([
          'a1',
          'a2',
          'a3',
          'a4',
          'a5',
          'a6',
          'other',
        ]);
        expect(await store.verify('ahead-committed')).toEqual({ ok: true, count: 7 });
      });
    });
  });
}
