import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, type Store, writeBackup } from '../src/index.ts';
import { exampleAgreement, exampleLedger, talks } from './example.ts';

type Row = { agreement_id: string; seq: string | number; event_id: string; hash: string; prev_hash: string };

/** Every stored link, as the database holds it, in order. */
async function links(store: Store): Promise<string[]> {
  const rows = await store.database.query<Row>(
    'SELECT agreement_id, seq, event_id, prev_hash, hash FROM events ORDER BY agreement_id, seq',
  );
  return rows.map((r) => `${r.agreement_id} ${Number(r.seq)} ${r.event_id} ${r.prev_hash} ${r.hash}`);
}

async function backupText(store: Store): Promise<string> {
  let text = '';
  await writeBackup(store.database, (line) => {
    text += line;
  });
  return text;
}

/** Backup and restore: `open` gives the store backed up, `openEmpty` an empty one to restore into. */
export function describeBackup(
  name: string,
  open: () => Promise<Store>,
  openEmpty: () => Promise<Store>,
): void {
  describe(`backup and restore on ${name}`, () => {
    let source: Store;
    let target: Store;

    beforeAll(async () => {
      source = await open();
      target = await openEmpty();
      // Two agreements, one of them in two versions, with a correction in the ledger.
      for (const id of ['gaza-2023-pause', 'second-copy']) {
        const added = await source.addAgreement(exampleAgreement(id), `${id}.yaml`);
        if (!added.ok) throw new Error(added.issues.map((i) => i.message).join('\n'));
      }
      const amended = exampleAgreement('second-copy').replace(/^title: .*$/m, 'title: An amended title');
      expect((await source.addAgreement(amended, 'second-copy.yaml')).ok).toBe(true);
      const { sources, events } = exampleLedger();
      expect((await source.append('gaza-2023-pause', events, { sources })).ok).toBe(true);
      const more = await source.append('second-copy', [
        talks('t1', 'with "quotes", a tab\there and a backslash \\ and a new\nline'),
        { ...talks('t2'), type: 'retraction', supersedes: 't1' },
      ]);
      expect(more.ok, JSON.stringify(more)).toBe(true);
    }, 60_000);
    afterAll(async () => {
      await source?.close();
      await target?.close();
    });

    it('refuses an altered or cut-off backup, naming the line, and writes nothing', async () => {
      const text = await backupText(source);
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes('"id":"t1"') && l.includes('"kind":"event"'));
      expect(at).toBeGreaterThan(0);
      const altered = [...lines];
      altered[at] = altered[at]!.replace('a backslash', 'no backslash');
      await expect(restoreBackup(target.database, altered.join('\n'))).rejects.toThrow(
        `line ${at + 1}: event t1 (seq 1) does not hold in the chain: the backup was altered`,
      );
      await expect(restoreBackup(target.database, lines.slice(0, -3).join('\n'))).rejects.toThrow(/cut off/);
      await expect(restoreBackup(target.database, '')).rejects.toThrow(/not a Truce backup/);
      expect(await links(target)).toEqual([]);
      expect(await target.agreements('second-copy')).toEqual([]);
    });

    it('restores a full backup into an empty store with identical hashes, versions and recorded times', async () => {
      const text = await backupText(source);
      const summary = await restoreBackup(target.database, text);
      expect(summary).toMatchObject({ agreements: 2, versions: 3 });
      const before = await links(source);
      expect(summary.events).toBe(before.length);
      expect(await links(target)).toEqual(before);
      for (const id of ['gaza-2023-pause', 'second-copy']) {
        expect(await target.verify(id)).toEqual(await source.verify(id));
        expect(await target.events(id)).toEqual(await source.events(id));
        const versions = (s: Store) =>
          s
            .agreements(id)
            .then((vs) => vs.map((v) => [v.version, v.addedAt.toISOString(), v.document.title]));
        expect(await versions(target)).toEqual(await versions(source));
      }
      const recorded = (s: Store) =>
        s.database.query<{ t: string }>(
          "SELECT to_char(recorded_at, 'YYYY-MM-DD HH24:MI:SS.US') AS t FROM events ORDER BY agreement_id, seq",
        );
      expect(await recorded(target)).toEqual(await recorded(source));
      // A backup of the restored store is the same file, but for the time it was made.
      const strip = (t: string) => t.split('\n').slice(1).join('\n');
      expect(strip(await backupText(target))).toBe(strip(text));
    });

    it('refuses to restore into a store that holds agreements, changing nothing', async () => {
      const text = await backupText(source);
      const count = (await links(target)).length;
      await expect(restoreBackup(target.database, text)).rejects.toThrow(/empty workspace/);
      expect(await links(target)).toHaveLength(count);
    });
  });
}
