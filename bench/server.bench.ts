// The status route over HTTP on an agreement with 1,000,000 stored events (issue 4), beside a static JSON
// route on the same server, measured the same way in the same run: a loopback load generator with
// keep-alive connections and a fixed number of requests in flight.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startServer } from '@truce/server';
import { formatJsonl, importJsonl, openStore } from '@truce/store';
import type { BenchResult } from './run.ts';
import { syntheticDocs } from './synthetic-ledger.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ID = 'gaza-2023-pause';
const TOKEN = 'bench-admin-token';
const text = readFileSync(new URL('../examples/gaza-2023-pause/agreement.yaml', import.meta.url), 'utf8');

/** The p-th percentile (0–100) of sorted figures, nearest rank. */
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

// The load generator runs on its own thread, so its work does not queue behind the server's on one event loop.
const GENERATOR = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, total, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const times = [];
let sent = 0;
const one = () => new Promise((resolve, reject) => {
  const t = performance.now();
  http.get(url, { agent, headers: { authorization: 'Bearer ' + token, 'accept-encoding': 'gzip' } }, (response) => {
    if (response.statusCode !== 200) reject(new Error(url + ': HTTP ' + response.statusCode));
    response.resume();
    response.on('end', () => { times.push(performance.now() - t); resolve(); });
  }).on('error', reject);
});
const worker = async () => { while (sent < total) { sent++; await one(); } };
const t = performance.now();
Promise.all(Array.from({ length: concurrency }, worker)).then(
  () => { agent.destroy(); parentPort.postMessage({ elapsed: performance.now() - t, times }); },
  (error) => { throw error; },
);
`;

/** GETs `path` `total` times with `concurrency` requests in flight; returns throughput and sorted times. */
function load(base: string, path: string, total: number, concurrency: number) {
  return new Promise<{ perSecond: number; sorted: number[] }>((resolve, reject) => {
    const worker = new Worker(GENERATOR, {
      eval: true,
      workerData: { url: `${base}${path}`, token: TOKEN, total, concurrency },
    });
    worker.once('message', ({ elapsed, times }: { elapsed: number; times: number[] }) =>
      resolve({ perSecond: (total / elapsed) * 1000, sorted: times.sort((a, b) => a - b) }),
    );
    worker.once('error', reject);
  });
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-server-bench-'));
  const store = await openStore({ dataDir: dir });
  try {
    const added = await store.addAgreement(text, 'agreement.yaml');
    if (!added.ok) throw new Error('the example agreement does not parse');
    const imported = await importJsonl(store, ID, formatJsonl(syntheticDocs(N)), { batchSize: 20_000 });
    if (!imported.ok) throw new Error(imported.bad[0]?.message);
    // The first read folds every stored event once (issue 3's store); it is taken, and timed, before serving.
    let t = performance.now();
    await store.status(ID, { asOf: Date.parse('2023-12-02T12:00:00+02:00') });
    const firstMs = performance.now() - t;
    const server = await startServer(store, {
      port: 0,
      hostname: '127.0.0.1',
      adminToken: TOKEN,
      adminPassword: 'bench admin password',
      log: () => {},
    });
    try {
      const status = `/api/agreements/${ID}/status?asOf=2023-12-02T12:00:00%2B02:00`;
      // Warm both routes before measuring.
      t = performance.now();
      await load(server.url, status, 1, 1);
      const firstHttpMs = performance.now() - t;
      await load(server.url, status, 50, 4);
      await load(server.url, '/api/health', 200, 4);
      // Best of three rounds each, taken in turn so both see the same machine.
      let stat = { perSecond: 0, sorted: [] as number[] };
      let dyn = { perSecond: 0, sorted: [] as number[] };
      for (let round = 0; round < 3; round++) {
        const s = await load(server.url, '/api/health', REQUESTS, CONCURRENCY);
        if (s.perSecond > stat.perSecond) stat = s;
        const d = await load(server.url, status, REQUESTS, CONCURRENCY);
        if (d.perSecond > dyn.perSecond) dyn = d;
      }
      const ratio = dyn.perSecond / stat.perSecond;
      const p99 = percentile(dyn.sorted, 99);
      const row = (name: string, r: typeof stat, check: string) => [
        name,
        `${r.perSecond.toFixed(0)} req/s`,
        `p50 ${percentile(r.sorted, 50).toFixed(2)} ms, p99 ${percentile(r.sorted, 99).toFixed(2)} ms`,
        check,
      ];
      return {
        name: `status over HTTP on ${N.toLocaleString('en')} stored events (issue 4)`,
        rows: [
          [
            'first status read (store, before serving)',
            `${firstMs.toFixed(0)} ms`,
            'folds every stored event once',
            '',
          ],
          [
            'first status over HTTP after it',
            `${firstHttpMs.toFixed(1)} ms`,
            'evaluation, JSON and gzip, and starting the load thread',
            '',
          ],
          row('static JSON route /api/health (baseline)', stat, `${CONCURRENCY} in flight`),
          row(
            'GET …/status',
            dyn,
            `${(ratio * 100).toFixed(0)}% of static (target ≥ 50%); p99 ${p99 < 50 ? '<' : '≥'} 50 ms target`,
          ),
        ],
        notes: [
          `- One process serves (PGlite on disk, the ledger of bench/synthetic-ledger.ts loaded as \`truce import\` does)`,
          `  while a worker thread loads it: ${REQUESTS} GETs per round with ${CONCURRENCY} in flight over keep-alive loopback connections,`,
          '  each with an admin bearer token (so both routes pay the token lookup) and `Accept-Encoding: gzip`, as',
          '  browsers send. Best of three rounds, in turn.',
          '- The status is read as of 2 Dec 2023 through `store.status`, which keeps each ledger folded; the first',
          '  read (which folds all events) is made before serving. The server keeps each status answer per query,',
          '  ledger length and latest version, so the measured reads cost a token lookup, a look at the ledger head',
          '  and sending the JSON.',
        ],
      };
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
