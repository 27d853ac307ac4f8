import { parentPort, workerData } from 'node:worker_threads';
import type { Agreement } from '@truce/core';
import type { ChunkAnswer, ChunkJob, WireRecord } from './check-in-chunks.ts';
import { checkRecords } from './check-records.ts';
import { type ImportRecord, jsonlRecord, RecordSyntaxError } from './jsonl.ts';

/** A worker thread that checks chunks of an import file against one agreement (see `checkInChunks`). */
const { agreement } = workerData as { agreement: Agreement };

parentPort!.on('message', (job: ChunkJob) => {
  const records =
    'text' in job
      ? job.text.split('\n').map((text, i) => jsonlRecord(job.lines[i]!, text))
      : job.records.map(recordOf);
  const answer: ChunkAnswer = { index: job.index, ...checkRecords(agreement, records) };
  parentPort!.postMessage(answer);
});

function recordOf(wire: WireRecord): ImportRecord {
  if (wire.text !== undefined) return jsonlRecord(wire.line, wire.text);
  if (wire.doc !== undefined) return { line: wire.line, doc: wire.doc };
  const reason = wire.syntax ?? 'the record could not be read';
  return {
    line: wire.line,
    get doc(): Record<string, unknown> {
      throw new RecordSyntaxError(reason);
    },
  };
}
