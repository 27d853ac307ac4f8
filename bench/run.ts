// `npm run bench`: runs every benchmark, prints its figures, and writes them to bench/RESULTS.md.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as evaluateBench from './evaluate.bench.ts';

const benches = [evaluateBench];
const sections: string[] = [];
for (const b of benches) {
  const result = b.run();
  console.log(`\n${result.name}`);
  for (const row of result.rows) console.log(`  ${row.map((c, i) => c.padEnd(i === 0 ? 30 : 22)).join(' ')}`);
  sections.push(
    [
      `## ${result.name}`,
      '',
      '| measure | figure | time / note | check |',
      '| --- | --- | --- | --- |',
      ...result.rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n'),
  );
}
const header = `# Benchmark results\n\nLatest \`npm run bench\`, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}. Each figure is the best of several runs in the same process; the floor is measured in the same run.\n`;
if (!process.argv.includes('--no-write'))
  writeFileSync(new URL('./RESULTS.md', import.meta.url), `${header}\n${sections.join('\n\n')}\n`);
