import { parentPort, workerData } from 'node:worker_threads';
import type { SimModel } from './sim-model.ts';
import { simulateRange } from './simulate.ts';

/** A worker thread's share of a projection: runs [from, to), with progress posted every 1000 runs. */
interface Job {
  readonly model: SimModel;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
const result = simulateRange(job.model, job.seed, job.from, job.to, (done) =>
  parentPort!.postMessage({ progress: done }),
);
parentPort!.postMessage({ result });
