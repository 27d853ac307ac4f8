import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Candidate, Extraction } from '@truce/extract';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, truce } from './run-truce.ts';

const SEED = '../shared/articles/talks-report-2023.txt';
// The seed report lives beside the repository (../shared, as the issue names it); a clone without it skips these.
const HAVE_SEED = existsSync(join(ROOT, SEED));
const seedText = HAVE_SEED ? readFileSync(join(ROOT, SEED), 'utf8') : '';
const dir = mkdtempSync(join(tmpdir(), 'truce-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAVE_SEED)('truce extract --json on the seed report, from the repository root', () => {
  // Run while the tests are collected, so only when the seed report is there.
  const run = HAVE_SEED
    ? truce('extract', SEED, '--published', '2023-12-02', '--outlet', 'Example Wire', '--json')
    : { code: null, stdout: '', stderr: '' };
  const result = (HAVE_SEED ? JSON.parse(run.stdout) : { candidates: [] }) as Extraction & { file: string };
  const one = (kind: string, words: string): Candidate => {
    const found = result.candidates.filter((c) => c.kind === kind && c.span.text.includes(words));
    expect(found, `${kind} around "${words}"`).toHaveLength(1);
    return found[0]!;
  };
  /** The words of the file at a span's offsets. */
  const at = (s: { start: number; end: number }) => seedText.slice(s.start, s.end);

  it('exits 0, with the file, the plain text (the file itself) and no notes', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(result.file).toBe(SEED);
    expect(result.text).toBe(seedText);
    expect(result.notes).toEqual([]);
  });

  it('gives the seed candidates, each span the file’s own words', () => {
    const agreed = one('pause-agreed', 'humanitarian pause was reached');
    expect([agreed.when?.type === 'date' && agreed.when.date, at(agreed.when!.span)]).toEqual([
      '2023-11-22',
      'November 22',
    ]);
    const started = one('pause-started', 'took effect');
    expect([started.when?.type === 'date' && started.when.date, at(started.when!.span)]).toEqual([
      '2023-11-24',
      'November 24',
    ]);
    const ended = one('pause-ended', 'lasted until');
    expect(ended.when).toMatchObject({ type: 'date', date: '2023-12-01', partOfDay: 'morning' });
    expect(at(ended.when!.span)).toBe('the morning of December 1');
    const released = one('release', 'a total of 110');
    expect(released.quantity).toMatchObject({ value: 110, qualifier: 'exact' });
    expect(at(released.quantity!.span)).toBe('a total of 110 hostages');
    const taken = one('release', 'more than 200');
    expect(taken.quantity).toMatchObject({ value: 200, qualifier: 'more-than' });
    expect(at(taken.quantity!.span)).toBe('more than 200 hostages');
    const attack = one('attack', 'crossed into');
    expect(attack.when).toMatchObject({ type: 'date', date: '2023-10-07' });
    expect(at(attack.when!.span)).toBe('October 7');
    const framework = one('proposal-term', 'two-stage framework');
    expect([framework.modality, at(framework.trigger)]).toEqual(['proposed', 'framework']);
    const period = one('proposal-term', '30-day period');
    expect(period.modality).toBe('proposed');
    expect(period.when).toMatchObject({ type: 'duration', iso: 'P30D' });
    expect(at(period.when!.span)).toBe('an initial 30-day period');
    const curtailed = one('aid-or-supply', 'curtail');
    expect(curtailed.goods.map(at)).toEqual(['supplies', 'water', 'food', 'electricity', 'fuel']);
    expect(agreed.attribution.outlet).toBe('Example Wire');
    expect(agreed.attribution.sources.map((s) => at(s.span))).toEqual([
      'Associated Press sources',
      'unnamed senior officials familiar with the discussions',
    ]);
  });
});

describe.skipIf(!HAVE_SEED)('truce extract, readable', () => {
  it('marks spans with brackets off a terminal, and lists each candidate’s fields', () => {
    const run = truce('extract', SEED, '--published', '2023-12-02');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toMatch(/^talks-report-2023\.txt, published 2023-12-02: \d+ candidates\n/);
    expect(run.stdout).toContain(
      'Sources for the whole report: Associated Press sources; unnamed senior officials familiar with the discussions',
    );
    expect(run.stdout).toContain(
      '   The ceasefire formally [took effect] on [November 24]\n   when      November 24 → 2023-11-24 (day)\n',
    );
    expect(run.stdout).toContain('lasted until] [the morning of December 1]');
    expect(run.stdout).toContain('when      the morning of December 1 → 2023-12-01, morning (part-of-day)');
    expect(run.stdout).toContain(
      'when      an initial 30-day period → P30D (30 days, a duration, not a date)',
    );
    expect(run.stdout).toMatch(/\d+\. pause-agreed, happened {2}\(5:42\)\n {3}By \[November 22\]/);
  });

  it('colours spans on a terminal instead of brackets', () => {
    const { NO_COLOR: _unused, ...env } = process.env;
    const command = `node packages/cli/bin/truce.js extract ${SEED} --published 2023-12-02`;
    const run = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\u001b[1mtook effect\u001b[22m on \u001b[32mNovember 24\u001b[39m');
    expect(run.stdout).not.toContain('[took effect]');
  });

  it('reads HTML without its page furniture, and says places are in the page’s text', () => {
    const file = join(dir, 'report.html');
    writeFileSync(
      file,
      '<html><body><nav>Truce ended on June 3</nav><p>Hamas released 17 hostages on Sunday.</p><footer>Copyright</footer></body></html>',
    );
    const run = truce('extract', file, '--published', '2023-11-27');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 candidate (HTML: places are in the page’s text)');
    expect(run.stdout).toContain('[Hamas] [released] [17 hostages] on [Sunday]');
    expect(run.stdout).toContain('when      Sunday → 2023-11-26 (day)');
    expect(run.stdout).not.toContain('June');
  });

  it('says why a binary, empty or non-English file gives nothing, and exits 0', () => {
    const binary = join(dir, 'picture.bin');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const french = join(dir, 'french.txt');
    writeFileSync(
      french,
      'Le cessez-le-feu est entré en vigueur vendredi et cinquante otages ont été libérés.',
    );
    for (const [file, words] of [
      [binary, 'the report looks like binary data'],
      [empty, 'the report is empty'],
      [french, 'the report does not look like English'],
    ] as const) {
      const run = truce('extract', file, '--published', '2023-12-02');
      expect(run.code, file).toBe(0);
      expect(run.stdout).toContain('0 candidates');
      expect(run.stdout).toContain(`note: ${words}`);
      const json = JSON.parse(
        truce('extract', file, '--published', '2023-12-02', '--json').stdout,
      ) as Extraction;
      expect(json.candidates).toEqual([]);
      expect(json.notes).toHaveLength(1);
    }
  });
});

describe('truce extract, used wrongly', () => {
  it.each([
    [['extract', SEED], "required option '--published <date>' not specified"],
    [['extract', SEED, '--published', '2 December'], 'give the day the report was published as YYYY-MM-DD'],
    [['extract', SEED, '--published', '2023-02-30'], 'give the day the report was published as YYYY-MM-DD'],
    [['extract', 'no/such/report.txt', '--published', '2023-12-02'], 'truce: no file at no/such/report.txt'],
    [['extract', 'packages', '--published', '2023-12-02'], 'truce: packages is a folder'],
  ])('%j exits 2: %s', (args, message) => {
    const run = truce(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});
