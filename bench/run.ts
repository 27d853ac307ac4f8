// `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or those whose file name contains a NAME),
// prints its figures, and rewrites its own section of bench/RESULTS.md, keeping the others.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** What a benchmark module exports: `run` returns a named table of rows, and optional notes. */
export interface BenchResult {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
  /** Markdown lines that explain how the figures were taken. */
  readonly notes?: readonly string[];
}

interface BenchModule {
  run(): BenchResult | Promise<BenchResult>;
}

const RESULTS = new URL('./RESULTS.md', import.meta.url);
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => args.length === 0 || args.some((a) => f.includes(a)))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches ${args.join(', ')}`);
  process.exit(2);
}

const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`;
const measured = new Map<string, string>();
for (const file of files) {
  const mod = (await import(`./${file}`)) as BenchModule;
  const loadBefore = loadavg()[0]!;
  const result = await mod.run();
  // Other work on the machine moves every figure: say how busy it was.
  const load = `Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${cpus().length} cores.`;
  console.log(`\n${result.name}`);
  for (const row of result.rows) console.log(`  ${row.map((c, i) => c.padEnd(i === 0 ? 34 : 24)).join(' ')}`);
  measured.set(
    file,
    [
      `## ${result.name}`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`bench/${file}\`, ${machine}. ${load}`,
      '',
      '| measure | figure | time / note | check |',
      '| --- | --- | --- | --- |',
      ...result.rows.map((r) => `| ${r.join(' | ')} |`),
      ...(result.notes?.length ? ['', ...result.notes] : []),
    ].join('\n'),
  );
}
if (!process.argv.includes('--no-write')) {
  // Read now, not at the start: another bench run may have written its section meanwhile.
  const sections = readSections();
  for (const [file, text] of measured) sections.set(file, text);
  const header =
    '# Benchmark results\n\nThe latest `npm run bench` of each benchmark. Each figure is the best of several runs in the same process, and each floor or baseline is measured in the same run as what it is compared with.\n';
  const body = [...sections.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, text]) => `<!-- bench:${file} -->\n${text}`);
  writeFileSync(RESULTS, `${header}\n${body.join('\n\n')}\n`);
}

/** The sections of RESULTS.md written before, by bench file, so a run of one bench keeps the others. */
function readSections(): Map<string, string> {
  const found = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(RESULTS, 'utf8');
  } catch {
    return found;
  }
  const parts = text.split(/^<!-- bench:(.+?) -->\n/m);
  for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i]!, parts[i + 1]!.trimEnd());
  return found;
}
