// Bulk import of 1,000,000 events (issue 3), into PGlite (a workspace folder on disk, as `truce import`
// uses) and into the PostgreSQL server when one answers; beside each, in the same run, a raw COPY of the
// same rows (same columns, same keys, hashes computed beforehand) into a bare table. Target: the import,
// parsing, checking and hash chain included, at ≥ 60% of the raw COPY rate.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJson,
  copyField,
  type Database,
  formatJsonl,
  importJsonl,
  linkHash,
  openStore,
  type Store,
} from '@truce/store';
import pg from 'pg';
import { PG_URL, postgresAnswers } from './postgres.ts';
import type { BenchResult } from './run.ts';
import { syntheticDocs } from './synthetic-ledger.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ID = 'gaza-2023-pause';
const COPY_CHUNK = 10_000;
const text = readFileSync(new URL('../examples/gaza-2023-pause/agreement.yaml', import.meta.url), 'utf8');

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')} rows/s`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The rows the import writes, as COPY text in chunks: the same bodies and chain, computed before timing. */
function copyChunks(docs: readonly unknown[]): string[] {
  const chunks: string[] = [];
  let prev = '';
  let chunk = '';
  docs.forEach((doc, i) => {
    const body = canonicalJson(doc);
    const id = (doc as { id: string }).id;
    const hash = linkHash(ID, i + 1, id, body, prev);
    chunk += `${ID}\t${i + 1}\t${copyField(id)}\t${copyField(body)}\t${prev}\t${hash}\n`;
    prev = hash;
    if ((i + 1) % COPY_CHUNK === 0 || i === docs.length - 1) {
      chunks.push(chunk);
      chunk = '';
    }
  });
  return chunks;
}

/** Raw COPY of the rows into a bare table with the events table's columns and keys (no triggers, no checks). */
async function rawCopy(db: Database, chunks: readonly string[]): Promise<number> {
  // As the owner: the application role the store acts as may not create tables.
  await db.exec(`SET ROLE NONE; CREATE TABLE raw_events (
    agreement_id text NOT NULL, seq bigint NOT NULL CHECK (seq > 0), event_id text NOT NULL,
    body jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), prev_hash text NOT NULL,
    hash text NOT NULL, PRIMARY KEY (agreement_id, seq), UNIQUE (agreement_id, event_id))`);
  const columns = ['agreement_id', 'seq', 'event_id', 'body', 'prev_hash', 'hash'];
  const t = performance.now();
  await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL ROLE NONE');
    for (const chunk of chunks) await tx.copyRows('raw_events', columns, chunk);
  });
  return performance.now() - t;
}

/** Raw COPYs and imports measured in turn, each in a store of its own; the best of each is kept. */
const ROUNDS = 2;

/** One raw COPY into a fresh store: its time. */
async function timeRawCopy(open: () => Promise<Store>, chunks: readonly string[]): Promise<number> {
  // Each in a store of its own, so neither finds the other's rows in its indexes or its cache.
  const store = await open();
  try {
    return await rawCopy(store.database, chunks);
  } finally {
    await store.close();
  }
}

/** One import into a fresh store, its chain verified: its time and what it wrote. */
async function timeImport(open: () => Promise<Store>, jsonl: string) {
  const store = await open();
  try {
    await store.addAgreement(text, 'agreement.yaml');
    const t = performance.now();
    const result = await importJsonl(store, ID, jsonl);
    const ms = performance.now() - t;
    if (!result.ok || result.appended.length !== N)
      throw new Error(`the import wrote ${result.appended.length} of ${N}: ${result.bad[0]?.message}`);
    const verified = await store.verify(ID);
    if (!verified.ok || verified.count !== N) throw new Error('the imported chain does not verify');
    return { ms, batches: result.batches, verified: verified.count };
  } finally {
    await store.close();
  }
}

async function measure(name: string, open: () => Promise<Store>, jsonl: string, chunks: readonly string[]) {
  const copies: number[] = [];
  const imports: Awaited<ReturnType<typeof timeImport>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    copies.push(await timeRawCopy(open, chunks));
    imports.push(await timeImport(open, jsonl));
  }
  const copyMs = Math.min(...copies);
  const best = imports.reduce((a, b) => (b.ms < a.ms ? b : a));
  const ratio = copyMs / best.ms;
  const each = (times: readonly number[]) => times.map((ms) => seconds(ms)).join(', ');
  return [
    [
      `${name}: raw COPY (baseline)`,
      rate(N, copyMs),
      seconds(copyMs),
      `one transaction, 10,000 rows per COPY; rounds ${each(copies)}`,
    ],
    [
      `${name}: truce import`,
      rate(N, best.ms),
      seconds(best.ms),
      `${best.batches} batches; chain verifies, ${best.verified.toLocaleString('en')} events; rounds ${each(imports.map((i) => i.ms))}`,
    ],
    [
      `${name}: import ÷ raw COPY`,
      `${(ratio * 100).toFixed(0)} %`,
      'target ≥ 60 %',
      ratio >= 0.6 ? 'met' : 'not met',
    ],
  ];
}

/**
 * The file to import and the raw COPY's rows. The documents themselves are let go: a million parsed
 * objects kept alive would slow every collection in both measurements, and neither needs them.
 */
function fixtures(): { jsonl: string; chunks: string[] } {
  const docs = syntheticDocs(N);
  return { jsonl: formatJsonl(docs), chunks: copyChunks(docs) };
}

export async function run(): Promise<BenchResult> {
  const { jsonl, chunks } = fixtures();
  const rows: string[][] = [];
  const dirs: string[] = [];
  try {
    rows.push(
      ...(await measure(
        'PGlite',
        async () => {
          const dir = mkdtempSync(join(tmpdir(), 'truce-import-bench-'));
          dirs.push(dir);
          return openStore({ dataDir: dir });
        },
        jsonl,
        chunks,
      )),
    );
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresAnswers()) {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const schemas: string[] = [];
    try {
      rows.push(
        ...(await measure(
          'PostgreSQL',
          async () => {
            const schema = `truce_bench_${randomBytes(4).toString('hex')}`;
            schemas.push(schema);
            await admin.query(`CREATE SCHEMA ${schema}`);
            return openStore({ url: PG_URL, schema });
          },
          jsonl,
          chunks,
        )),
      );
    } finally {
      for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else rows.push(['PostgreSQL', 'not measured', `no server answered at ${PG_URL}`, '']);
  return {
    name: 'bulk import of 1,000,000 events against raw COPY (issue 3)',
    rows,
    notes: [
      '- The file is bench/synthetic-ledger.ts written as JSON Lines (1,000,000 releases and deliveries over',
      '  the seven days of the 2023 pause), imported by `importJsonl` exactly as `truce import` does: parse',
      '  every line, check every event with the core schema and reference checks and against what is stored,',
      '  and write batches of 10,000 with COPY. The lines are checked on a worker thread (one per core but',
      '  one: on 2 cores, one), 20,000 at a time; the main thread chains the rows as they come back and, the',
      '  ledger being empty, writes them while the rest is checked, in one transaction committed only once',
      '  the whole file has passed; the batches left after that commit one by one.',
      '- Each store is fresh; raw COPY and import are measured in turn, twice each, and the best of each',
      '  is kept (the rounds are listed): runs vary widely on this 2-core machine, the raw COPY itself moving',
      '  by a fifth from run to run. Three runs on 29 Nov 2026 gave 66–77 % (PGlite) and 66–71 % (PostgreSQL);',
      '  taken round by round, 64–77 % and 64–72 %. The import is bound by the CPU: checking takes about 10 µs an event on',
      '  the worker, chaining about 3 µs on the main thread, beside the database (on PGlite, in the main',
      '  thread too). That afternoon the host ran the raw COPY at about half the rate of that morning: compare',
      '  rates only within one run. The run recorded here was on another host (an Intel Xeon, not an AMD EPYC),',
      '  whose PostgreSQL server took the raw COPY twice as fast (107k rows/s): there the import, bound by these',
      '  checks, kept 62 % of it (PGlite 72 %).',
      '- The raw COPY writes the same rows (the same canonical bodies and hashes, computed before timing) into',
      '  a bare table with the same columns and keys, in one transaction: the database’s own floor.',
      '- PGlite keeps its data in a folder on disk, as a workspace does; an in-memory PGlite copies its files',
      '  as they grow and COPYs ten times slower, so it is not what is measured.',
    ],
  };
}
