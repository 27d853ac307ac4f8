// Starts a worker thread (checking an import) on the TypeScript sources: registers tsx in this thread (Node 20
// does not pass `--import tsx` on to workers), then loads the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
