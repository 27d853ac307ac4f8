// Append one event, then read status, on an agreement with 1,000,000 stored events (issue 3), on PGlite
// and on the PostgreSQL server when one answers; beside it, in the same run, the append alone and a full
// evaluation of the same ledger in memory (what every read would cost without the store's kept fold).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '@truce/core';
import { formatJsonl, importJsonl, openStore, type Store } from '@truce/store';
import pg from 'pg';
import { PG_URL, postgresAnswers } from './postgres.ts';
import type { BenchResult } from './run.ts';
import { syntheticDocs, syntheticLedger } from './synthetic-ledger.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const BATCH = 20_000;
const ID = 'gaza-2023-pause';
const text = readFileSync(new URL('../examples/gaza-2023-pause/agreement.yaml', import.meta.url), 'utf8');

/** The p-th percentile (0–100) of sorted figures, nearest rank. */
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function fill(store: Store): Promise<number> {
  const added = await store.addAgreement(text, 'agreement.yaml');
  if (!added.ok) throw new Error('the example agreement does not parse');
  const jsonl = formatJsonl(syntheticDocs(N));
  const t = performance.now();
  // As `truce import` loads a file: checked whole, then written in batches with COPY.
  const r = await importJsonl(store, ID, jsonl, { batchSize: BATCH });
  if (!r.ok) throw new Error(r.bad[0]?.message);
  return performance.now() - t;
}

/** A release recorded after everything else, with a fresh id each round. */
function oneMore(i: number) {
  const at = new Date(Date.parse('2023-12-01T06:00:00+02:00') + i * 1000).toISOString();
  return {
    id: `live-${i}`,
    type: 'release',
    party: 'hamas',
    released: [{ cohort: 'hostages-women-children', count: 1 }],
    occurred: at,
    recorded: at,
    status: 'confirmed',
  };
}

async function measure(name: string, store: Store): Promise<string[][]> {
  const fillMs = await fill(store);
  const asOf = Date.parse('2023-12-02T12:00:00+02:00');
  let t = performance.now();
  const first = await store.status(ID, { asOf });
  const firstMs = performance.now() - t;
  const appendOnly: number[] = [];
  const appendStatus: number[] = [];
  const statusOnly: number[] = [];
  let known = first?.events.known ?? 0;
  for (let i = 0; i < ROUNDS; i++) {
    // In turn each round: append alone, then append and read, so both see the same machine.
    t = performance.now();
    const a = await store.append(ID, [oneMore(2 * i)]);
    appendOnly.push(performance.now() - t);
    t = performance.now();
    const b = await store.append(ID, [oneMore(2 * i + 1)]);
    const s = await store.status(ID, { asOf });
    const both = performance.now() - t;
    appendStatus.push(both);
    if (!a.ok || !b.ok || !s) throw new Error('an append or a read failed');
    statusOnly.push(both - appendOnly[appendOnly.length - 1]!);
    known = s.events.known;
  }
  if (known !== N + 2 * ROUNDS) throw new Error(`status counted ${known} events, not ${N + 2 * ROUNDS}`);
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
  const [ap, as] = [sorted(appendOnly), sorted(appendStatus)];
  return [
    [
      `${name}: load ${N.toLocaleString('en')} events`,
      `${((N / fillMs) * 1000).toFixed(0)} events/s`,
      ms(fillMs),
      `batches of ${BATCH}`,
    ],
    [
      `${name}: first status read`,
      ms(firstMs),
      'reads and folds every stored event once',
      `known ${first?.events.known}`,
    ],
    [
      `${name}: append alone (baseline)`,
      `p50 ${ms(percentile(ap, 50))}`,
      `p99 ${ms(percentile(ap, 99))}`,
      `${ROUNDS} rounds`,
    ],
    [
      `${name}: append + status`,
      `p50 ${ms(percentile(as, 50))}`,
      `p99 ${ms(percentile(as, 99))}`,
      'target p99 < 20 ms',
    ],
    [
      `${name}: status part (difference)`,
      `p50 ${ms(percentile(sorted(statusOnly), 50))}`,
      `max ${ms(Math.max(...as))} in all`,
      `known ${known}`,
    ],
  ];
}

export async function run(): Promise<BenchResult> {
  const rows: string[][] = [];
  // The floor a read would cost without the kept fold: evaluating the whole ledger in memory.
  const store = await openStore();
  try {
    const agreement = (await (async () => {
      await store.addAgreement(text, 'agreement.yaml');
      return store.agreement(ID);
    })())!;
    const events = syntheticLedger(agreement, N);
    const asOf = Date.parse('2023-12-02T12:00:00+02:00');
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      evaluate(agreement, events, { asOf });
      best = Math.min(best, performance.now() - t);
    }
    rows.push([
      'full evaluation in memory (no kept fold)',
      ms(best),
      'what each read would cost',
      `${N} events`,
    ]);
  } finally {
    await store.close();
  }
  // A workspace folder on disk, as `truce` uses (an in-memory PGlite copies its files as they grow).
  const dir = mkdtempSync(join(tmpdir(), 'truce-status-bench-'));
  const embedded = await openStore({ dataDir: dir });
  try {
    rows.push(...(await measure('PGlite', embedded)));
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresAnswers()) {
    const schema = `truce_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const server = await openStore({ url: PG_URL, schema });
      try {
        rows.push(...(await measure('PostgreSQL', server)));
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else rows.push(['PostgreSQL', 'not measured', `no server answered at ${PG_URL}`, '']);
  return {
    name: 'append one event, then read status, on 1M stored events (issue 3)',
    rows,
    notes: [
      '- The ledger is bench/synthetic-ledger.ts written out (1,000,000 releases and deliveries over the seven',
      '  days of the 2023 pause), loaded as `truce import` loads a file (see the import bench), hash chain included.',
      '- Each round appends one event alone (the baseline), then appends another and reads the status as of',
      '  2 Dec 2023 through `store.status`, which folds each ledger once and then reads only the events',
      '  appended since its last read. Rounds run in turn, so both figures see the same machine.',
      '- "Full evaluation in memory" is `evaluate` over the same 1M events already in memory: what every',
      '  read would cost if the store folded the whole ledger again (reading the rows costs more on top).',
      '- What a read after an append costs is mostly the evaluation on the kept fold. Each obligation lists up',
      '  to 1,000 events it counted and 1,000 it left out; those lists, and their rows as written out, are kept',
      '  from one read to the next and drawn again only when the kept events they come from change (an',
      '  earlier event, a correction, a report set aside), a phase starts or ends at another time, or the read',
      '  is for another as-of minute. Appending',
      '  a later event, as here, only adds to the counts, and the reciprocal judgement walks its minutes in',
      '  typed arrays it keeps, so a read leaves little garbage and the collector seldom stops it.',
      '- Before that (29 Nov 2026), every read drew every list again: on a host where the full evaluation in',
      '  memory took 76 ms, append + status gave p99 14.9 ms (PGlite) and 14.0 ms (PostgreSQL); the same',
      '  afternoon, on a host three times slower (263 ms), p99 29–41 ms: not met. The target is absolute, so',
      '  it depends on the host; the first row measures it.',
    ],
  };
}
