import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Agreement } from '@truce/core';
import { type CheckedChunk, checkRecords } from './check-records.ts';
import { type ImportRecord, RecordSyntaxError } from './jsonl.ts';

/** Records checked at a time: their checked copies are let go before the next chunk. */
export const CHECK_CHUNK = 20_000;
/** Files of at least this many records are checked on worker threads by default. */
const PARALLEL_FROM = 50_000;
/** Chunks handed to each worker before it has answered: one to check, one waiting. */
const IN_FLIGHT = 2;

const WORKER = new URL('./check-worker.ts', import.meta.url).href;
// A plain module that registers tsx in the new thread before loading the TypeScript worker.
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** A record as a worker receives it: one of its text (JSON Lines), its document, or why it cannot be read. */
export interface WireRecord {
  readonly line: number;
  readonly text?: string;
  readonly doc?: Record<string, unknown>;
  readonly syntax?: string;
}

/**
 * A chunk as a worker receives it. Records of JSON Lines travel as their lines joined into one text (a
 * line holds no line break) with their line numbers: two objects to copy across, not one per record.
 */
export type ChunkJob =
  | { readonly index: number; readonly lines: Int32Array; readonly text: string }
  | { readonly index: number; readonly records: readonly WireRecord[] };

export interface ChunkAnswer extends CheckedChunk {
  readonly index: number;
}

/**
 * Worker threads to check `count` records with, when the caller names none: one per core but one (at
 * least one, at most 4), since this thread is busy too, chaining the rows and writing them. On 2 cores one
 * worker imported a million events faster than two, into PGlite and into PostgreSQL alike.
 */
export function defaultWorkers(count: number): number {
  return count >= PARALLEL_FROM ? Math.max(1, Math.min(4, availableParallelism() - 1)) : 0;
}

/**
 * Checks the records a chunk at a time (see `checkRecords`) and hands each chunk's result to `onChunk`
 * in file order. With `workers` ≥ 1 the chunks are checked on that many worker threads while this thread
 * takes the answers in (and checks chunks itself until the first answer comes, while the workers start);
 * `onChunk` still sees them one at a time and in order. Stops at the first chunk
 * with an issue that blames no one record (its `fatal`), and says whether it stopped.
 */
export async function checkInChunks(
  agreement: Agreement,
  records: readonly ImportRecord[],
  workers: number,
  onChunk: (chunk: CheckedChunk, checked: number) => void | Promise<void>,
  /** Records per chunk. */
  size = CHECK_CHUNK,
): Promise<{ fatal: boolean }> {
  const count = Math.ceil(records.length / size);
  const end = (index: number) => Math.min((index + 1) * size, records.length);
  const slice = (index: number) => records.slice(index * size, end(index));
  if (workers < 1 || count <= 1) {
    for (let index = 0; index < count; index++) {
      const chunk = checkRecords(agreement, slice(index));
      await onChunk(chunk, end(index));
      if (chunk.fatal) return { fatal: true };
    }
    return { fatal: false };
  }
  const answers = Array.from({ length: count }, () => deferred<CheckedChunk>());
  // A worker that fails rejects every answer still to come; the loop below meets the first of them.
  for (const answer of answers) answer.promise.catch(() => {});
  const failAll = (error: unknown) => {
    for (const answer of answers) answer.reject(error);
  };
  // This thread checks the first chunk itself, so that the first rows can be written while the workers
  // start (about a second, loading their modules); they take the chunks after it.
  let next = 1;
  const send = (worker: Worker) => {
    if (next >= count) return;
    const index = next++;
    worker.postMessage(jobOf(index, slice(index)));
  };
  let started = false;
  let stopped = false;
  const pool: Worker[] = [];
  let helping: Promise<void> = Promise.resolve();
  try {
    for (let w = 0; w < Math.min(workers, count - 1); w++) {
      const worker = new Worker(BOOT, { workerData: { module: WORKER, agreement } });
      pool.push(worker);
      worker.on('message', (answer: ChunkAnswer) => {
        started = true;
        answers[answer.index]!.resolve(answer);
        send(worker);
      });
      worker.on('error', failAll);
      worker.on('exit', (code) => {
        if (code !== 0) failAll(new Error(`an import check worker stopped with exit code ${code}`));
      });
      for (let i = 0; i < IN_FLIGHT; i++) send(worker);
    }
    // Until a worker answers, this thread goes on checking the next chunks, one per turn of the event loop,
    // between the turns that hand the chunks on below and write them.
    helping = (async () => {
      for (let index = 0; ; index = next++) {
        try {
          answers[index]!.resolve(checkRecords(agreement, slice(index)));
        } catch (error) {
          answers[index]!.reject(error);
          return;
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (started || stopped || next >= count) return;
      }
    })();
    // Answers come in any order; they are handed on in file order, one at a time.
    for (let index = 0; index < count; index++) {
      const chunk = await answers[index]!.promise;
      await onChunk(chunk, end(index));
      if (chunk.fatal) return { fatal: true };
    }
    return { fatal: false };
  } finally {
    stopped = true;
    await helping;
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/**
 * A chunk as a worker receives it: JSON Lines as its text (parsed there); other records as their documents,
 * or, when one cannot be read, the reason.
 */
function jobOf(index: number, records: readonly ImportRecord[]): ChunkJob {
  // One plain loop: every chunk of a long file passes here, on the thread that also writes.
  const lines = new Int32Array(records.length);
  const texts = new Array<string>(records.length);
  let i = 0;
  for (; i < records.length; i++) {
    const { line, text } = records[i]!;
    if (text === undefined) break;
    lines[i] = line;
    texts[i] = text;
  }
  if (i === records.length) return { index, lines, text: texts.join('\n') };
  return {
    index,
    records: records.map((r): WireRecord => {
      if (r.text !== undefined) return { line: r.line, text: r.text };
      try {
        return { line: r.line, doc: r.doc };
      } catch (error) {
        if (!(error instanceof RecordSyntaxError)) throw error;
        return { line: r.line, syntax: error.message };
      }
    }),
  };
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (reason: unknown) => void;
}

/** A promise with its settling functions (Node 20 has no Promise.withResolvers). */
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
