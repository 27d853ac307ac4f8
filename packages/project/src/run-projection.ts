import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SimModel } from './sim-model.ts';
import { type RangeResult, simulateRange } from './simulate.ts';
import { joinRanges } from './summarize.ts';

export interface RunOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads (default: one per core, at most 8); 1 runs in this thread. */
  readonly workers?: number;
  /** Called with the number of runs done so far (not in run order). */
  readonly onProgress?: (done: number) => void;
  /** Stops the workers and rejects with the signal's reason (a request that timed out or went away). */
  readonly signal?: AbortSignal;
}

const WORKER = new URL('./project-worker.ts', import.meta.url).href;
// A plain module that registers tsx in the new thread before loading the TypeScript worker.
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * Runs the model `runs` times. Run i is seeded from (seed, i) alone, so the joined result is the
 * same whatever the number of workers; workers run the TypeScript source through tsx.
 */
export async function runProjection(model: SimModel, options: RunOptions): Promise<RangeResult> {
  const { runs, seed } = options;
  const workers = Math.max(1, Math.min(options.workers ?? Math.min(8, availableParallelism()), runs));
  options.signal?.throwIfAborted();
  if (workers === 1) return simulateRange(model, seed, 0, runs, options.onProgress);
  const done = new Array<number>(workers).fill(0);
  const started: Worker[] = [];
  const stop = () => {
    for (const worker of started) void worker.terminate();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = Math.floor((runs * w) / workers);
      const to = Math.floor((runs * (w + 1)) / workers);
      return new Promise<RangeResult>((resolve, reject) => {
        const worker = new Worker(BOOT, { workerData: { module: WORKER, model, seed, from, to } });
        started.push(worker);
        options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
        worker.on('message', (m: { progress?: number; result?: RangeResult }) => {
          if (m.progress !== undefined) {
            done[w] = m.progress;
            options.onProgress?.(done.reduce((s, x) => s + x, 0));
          } else if (m.result) resolve(m.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`projection worker stopped with exit code ${code}`));
        });
      });
    }),
  ).finally(() => options.signal?.removeEventListener('abort', stop));
  return joinRanges(parts, model);
}
