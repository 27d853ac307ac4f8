import { basename } from 'node:path';
import {
  type Candidate,
  describeWhen,
  type Extraction,
  extract,
  highlight,
  type SpanRole,
  spansOf,
} from '@truce/extract';
import { type Command, InvalidArgumentError } from 'commander';
import { readText } from './load-example.ts';
import { useColor } from './text-style.ts';

interface ExtractFlags {
  readonly published: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly json?: boolean;
}

/** A publication date for the option parser: a real calendar day, `YYYY-MM-DD`. */
export function publishedDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(`${m[0]}T00:00:00Z`) : undefined;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[0])
    throw new InvalidArgumentError('give the day the report was published as YYYY-MM-DD, e.g. 2023-12-02');
  return m[0];
}

const ANSI: Record<SpanRole, [number, number]> = {
  trigger: [1, 22],
  when: [32, 39],
  quantity: [33, 39],
  modality: [31, 39],
  actor: [36, 39],
  cohort: [35, 39],
  goods: [34, 39],
  source: [2, 22],
};

/** Marks a span: a colour on a terminal, square brackets otherwise. */
export function spanMarker(color: boolean): (role: SpanRole, words: string) => string {
  if (!color) return (_role, words) => `[${words}]`;
  return (role, words) => `\u001b[${ANSI[role][0]}m${words}\u001b[${ANSI[role][1]}m`;
}

/** `line:col` (1-based) of an offset in the text. */
function placeOf(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `${line}:${offset - last}`;
}

function fieldLines(c: Candidate): string[] {
  const lines: string[] = [];
  const add = (name: string, value: string) => lines.push(`   ${name.padEnd(9)} ${value}`);
  if (c.when) add('when', `${c.when.span.text} → ${describeWhen(c.when)}`);
  if (c.quantity) {
    const q = c.quantity;
    const range = q.qualifier === 'range' ? `${q.min} to ${q.max}` : `${q.value}`;
    add('quantity', `${q.span.text} → ${range} (${q.qualifier}${q.unit ? `, ${q.unit}` : ''})`);
  }
  if (c.modalityCue) add('modality', `${c.modality} (“${c.modalityCue.text}”)`);
  if (c.cohorts.length > 0) add('cohorts', [...new Set(c.cohorts.map((x) => x.cohort))].join(', '));
  if (c.actors.length > 0)
    add('actors', c.actors.map((a) => (a.role === 'party' ? a.name : `${a.name} (${a.role})`)).join(', '));
  if (c.goods.length > 0) add('goods', c.goods.map((g) => g.text).join(', '));
  const here = c.attribution.sources.filter((s) => s.scope === 'sentence');
  if (here.length > 0) add('source', here.map((s) => s.span.text).join('; '));
  else if (c.attribution.sources.length > 0) add('source', 'the whole report’s (above)');
  return lines;
}

/** One candidate as lines: its number, kind and place, its clause with the spans marked, then its fields. */
export function formatCandidate(text: string, c: Candidate, n: number, color: boolean): string[] {
  return [
    `${n}. ${c.kind}, ${c.modality}  (${placeOf(text, c.trigger.start)})`,
    `   ${highlight(text, c.span, spansOf(c), spanMarker(color)).replace(/\s*\n\s*/g, ' ')}`,
    ...fieldLines(c),
  ];
}

/** The extraction as text: each candidate's clause with its spans marked, then its fields. */
export function formatExtraction(name: string, result: Extraction, color: boolean): string {
  const out: string[] = [];
  const n = result.candidates.length;
  out.push(
    `${name}, published ${result.published}: ${n} candidate${n === 1 ? '' : 's'}${result.format === 'html' ? ' (HTML: places are in the page’s text)' : ''}`,
  );
  for (const note of result.notes) out.push(`note: ${note.message}`);
  const outlet = result.candidates[0]?.attribution.outlet;
  if (outlet) out.push(`Outlet: ${outlet}`);
  const report = result.candidates.flatMap((c) => c.attribution.sources.filter((s) => s.scope === 'report'));
  const seen = new Set<number>();
  const whole = report.filter((s) => !seen.has(s.span.start) && seen.add(s.span.start));
  if (whole.length > 0) out.push(`Sources for the whole report: ${whole.map((s) => s.span.text).join('; ')}`);
  result.candidates.forEach((c, i) => {
    out.push('', ...formatCandidate(result.text, c, i + 1, color));
  });
  return `${out.join('\n')}\n`;
}

/** Adds `truce extract <file> --published <date>`. */
export function addExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'read a news report (plain text or HTML) into candidate events and claims — releases, pauses, proposals, aid, attacks, figures, statements — with when, how many, who, who said it and how sure, each with its place in the text',
    )
    .argument('<file>', 'the report: a plain-text or HTML file')
    .requiredOption(
      '--published <date>',
      'the day the report was published (YYYY-MM-DD): "Wednesday" is read against it',
      publishedDate,
    )
    .option('--outlet <name>', 'who published the report, recorded as its attribution')
    .option('--url <url>', 'where the report was published (recorded, never fetched)')
    .option('--json', 'print the extraction as JSON: the plain text, notes and candidates with every span')
    .addHelpText(
      'after',
      `
Spans are [start, end) offsets in UTF-16 code units into the report's plain text: the file
itself for plain text, or for HTML the page's text with scripts, navigation, header and footer
removed (given as "text" in the JSON). Nothing is fetched. Input that cannot be read (empty,
binary, not English) gives no candidates and a note, and exits 0.

Examples:
  $ truce extract ../shared/articles/talks-report-2023.txt --published 2023-12-02
  $ truce extract report.html --published 2023-11-25 --outlet "Example Wire" --json
`,
    )
    .action((file: string, flags: ExtractFlags) => {
      const options = {
        published: flags.published,
        ...(flags.outlet === undefined ? {} : { outlet: flags.outlet }),
        ...(flags.url === undefined ? {} : { url: flags.url }),
      };
      const result = extract(readText(file), options);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ file, ...result }, null, 2)}\n`);
        return;
      }
      process.stdout.write(formatExtraction(basename(file), result, useColor(process.stdout)));
    });
}
