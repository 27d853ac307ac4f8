// Extraction speed (issue 5): MB of report text per second through extract(), against chrono-node
// parsing the same text on its own, both in the same run, best of several rounds in turn.
import { readdirSync, readFileSync } from 'node:fs';
import { extract } from '@truce/extract';
import * as chrono from 'chrono-node';
import type { BenchResult } from './run.ts';

const TARGET_BYTES = Number(process.env.BENCH_EXTRACT_BYTES ?? 5_000_000);
const ROUNDS = 3;
const PUBLISHED = '2023-12-02';

/** The seed report and the annotated reports, one paragraph each, repeated to about TARGET_BYTES. */
function corpus(): string {
  const seed = readFileSync(new URL('../../shared/articles/talks-report-2023.txt', import.meta.url), 'utf8');
  const dir = new URL('../packages/extract/test/annotated/', import.meta.url);
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { text: string }).text);
  const unit = `${[seed.trim(), ...reports].join('\n')}\n`;
  return unit.repeat(Math.ceil(TARGET_BYTES / Buffer.byteLength(unit)));
}

export function run(): BenchResult {
  const text = corpus();
  const mb = Buffer.byteLength(text) / 1_000_000;
  const paragraphs = text.split('\n');
  const reference = new Date(`${PUBLISHED}T12:00:00Z`);
  let ours = Number.POSITIVE_INFINITY;
  let theirs = Number.POSITIVE_INFINITY;
  let candidates = 0;
  let dates = 0;
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    candidates = extract(text, { published: PUBLISHED }).candidates.length;
    ours = Math.min(ours, performance.now() - t);
    t = performance.now();
    dates = 0;
    for (const p of paragraphs) dates += chrono.parse(p, reference).length;
    theirs = Math.min(theirs, performance.now() - t);
  }
  const rate = (ms: number) => mb / (ms / 1000);
  const fmt = (x: number) => x.toLocaleString('en-US');
  return {
    name: 'Extraction: MB of report text per second (issue 5)',
    rows: [
      [
        'chrono-node alone, per paragraph',
        `${rate(theirs).toFixed(2)} MB/s`,
        `${theirs.toFixed(0)} ms, ${fmt(dates)} dates`,
        '',
      ],
      [
        'extract()',
        `${rate(ours).toFixed(2)} MB/s`,
        `${ours.toFixed(0)} ms, ${fmt(candidates)} candidates`,
        rate(ours) >= 1 ? 'target ≥ 1 MB/s met' : 'target ≥ 1 MB/s NOT met',
      ],
      ['extract() ÷ chrono-node', `${((100 * rate(ours)) / rate(theirs)).toFixed(0)}%`, '', ''],
    ],
    notes: [
      `${mb.toFixed(1)} MB: the seed report and the ${'annotated'} reports of packages/extract/test/annotated, one paragraph each, repeated; published ${PUBLISHED}. Best of ${ROUNDS} rounds, extract() and chrono-node in turn within each round.`,
      'chrono-node parses each paragraph on its own (casual English, the same reference date); extract() calls it only on sentences that hold a trigger and a word a date could be made of, and does the rest (sentences, triggers, quantities, cohorts, actors, sources, modality) itself.',
      'Measured while other engineers were running tests on the same 2 cores: the figures are noisy.',
    ],
  };
}
