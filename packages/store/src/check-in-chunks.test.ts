import { readFileSync } from 'node:fs';
import { parseAgreement } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { checkInChunks } from './check-in-chunks.ts';
import { type CheckedChunk, checkRecords } from './check-records.ts';
import { parseJsonl } from './jsonl.ts';

const parsed = parseAgreement(
  readFileSync(new URL('../../../examples/gaza-2023-pause/agreement.yaml', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the example agreement does not parse');
const agreement = parsed.value;

/** `n` talks, with a bad one (an unknown type) every 37th line. */
const lines = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `t${i}`,
      type: i % 37 === 5 ? 'no-such-type' : 'talks-held',
      occurred: '2023-11-20T10:00',
      recorded: '2023-11-20T12:00',
    }),
  ).join('\n');

describe('checkInChunks', () => {
  it('hands on every chunk in file order, the same on worker threads (this thread helping) as in it', async () => {
    const records = parseJsonl(lines(1_000)).records;
    const expected: CheckedChunk[] = [];
    for (let i = 0; i < records.length; i += 60)
      expected.push(checkRecords(agreement, records.slice(i, i + 60)));
    for (const workers of [0, 1, 2]) {
      const seen: { chunk: CheckedChunk; checked: number }[] = [];
      const result = await checkInChunks(
        agreement,
        records,
        workers,
        (chunk, checked) => {
          seen.push({ chunk, checked });
        },
        60,
      );
      expect(result).toEqual({ fatal: false });
      expect(seen.map((s) => s.checked)).toEqual(expected.map((_, i) => Math.min((i + 1) * 60, 1_000)));
      // Answers from a worker carry their index; compare what the chunks hold.
      expect(seen.map((s) => ({ ...s.chunk, index: undefined }))).toEqual(
        expected.map((c) => ({ ...c, index: undefined })),
      );
      expect(seen.flatMap((s) => s.chunk.bad.map((b) => b.line))).toEqual(
        Array.from({ length: 27 }, (_, k) => 37 * k + 6),
      );
    }
  });
});
