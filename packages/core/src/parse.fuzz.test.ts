import { spawnSync } from 'node:child_process';
// biome-ignore lint/style/noRestrictedImports: the fuzz tests read the example files; the parsers under test stay pure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { type Agreement, type Parsed, parseAgreement, parseLedger } from './index.ts';

/*
 * Fuzz tests for the parsers' promise: on any input they return `{ ok: true, value }` or
 * `{ ok: false, issues }` and never throw, and every issue is well-formed (a code, a path, a message,
 * a 1-based line within the file, a 1-based column, and the file name it was given).
 * Runs are kept modest so that the file stays fast; a failure prints fast-check's seed and path.
 */

/** Multiplies every property's number of runs: raise it locally to fuzz longer. */
const RUNS = 1;
const runs = (n: number) => ({ numRuns: n * RUNS });

const example = (name: string) =>
  readFileSync(new URL(`../../../examples/gaza-2023-pause/${name}`, import.meta.url), 'utf8');
const AGREEMENT_TEXT = example('agreement.yaml');
const LEDGER_TEXT = example('ledger.yaml');
const AGREEMENT_FILE = 'gaza-2023-pause/agreement.yaml';
const LEDGER_FILE = 'gaza-2023-pause/ledger.yaml';

const exampleAgreement = (): Agreement => {
  const parsed = parseAgreement(AGREEMENT_TEXT, AGREEMENT_FILE);
  if (!parsed.ok) throw new Error(`the example agreement does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
};
const AGREEMENT = exampleAgreement();

/** Lines in a text as a line counter sees them: one more than the number of line feeds. */
const lineCount = (text: string) => text.split('\n').length;

/** The 1-based line of an offset. */
const lineAtOffset = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function fail(why: string, detail?: unknown): never {
  throw new Error(`${why}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

/**
 * Throws, saying what is wrong, unless the result is `{ ok: true, value }` or `{ ok: false, issues }`
 * with well-formed issues. `maxLine` is the last line an issue may name.
 */
function expectWellFormed(result: Parsed<unknown>, file: string, maxLine: number): void {
  if (typeof result !== 'object' || result === null) fail('the result is not an object', result);
  if (result.ok === true) {
    if (!('value' in result)) fail('an ok result has no value');
    return;
  }
  if (result.ok !== false) fail('`ok` is neither true nor false', result);
  if (!Array.isArray(result.issues)) fail('`issues` is not an array', result);
  if (result.issues.length === 0) fail('a failed result has no issues');
  for (const issue of result.issues) {
    const problems: string[] = [];
    if (typeof issue.code !== 'string' || issue.code === '') problems.push('code is not a non-empty string');
    if (!Array.isArray(issue.path)) problems.push('path is not an array');
    else if (!issue.path.every((k: unknown) => typeof k === 'string' || typeof k === 'number'))
      problems.push('path has a key that is neither a string nor a number');
    if (typeof issue.message !== 'string' || issue.message === '')
      problems.push('message is not a non-empty string');
    if (!Number.isInteger(issue.line) || issue.line < 1) problems.push('line is not an integer ≥ 1');
    else if (issue.line > maxLine) problems.push(`line is past the last allowed line ${maxLine}`);
    if (!Number.isInteger(issue.column) || issue.column < 1) problems.push('column is not an integer ≥ 1');
    if (issue.file !== file) problems.push(`file is not \`${file}\``);
    if (problems.length) fail(`malformed issue (${problems.join('; ')})`, issue);
  }
}

/** Parses as an agreement and as a ledger; both must return well-formed results. */
function expectBothParsersWellFormed(text: string): void {
  const max = lineCount(text) + 1;
  expectWellFormed(parseAgreement(text, 'fuzz-agreement.yaml'), 'fuzz-agreement.yaml', max);
  expectWellFormed(parseLedger(text, AGREEMENT, 'fuzz-ledger.yaml'), 'fuzz-ledger.yaml', max);
}

// ── Arbitraries ──────────────────────────────────────────────────────────────────────────────

/** A single UTF-16 code unit in the surrogate range: a lone surrogate, which no well-formed text has. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Pieces of YAML syntax, odd characters and the agreement's own words, to hit the parser's corners. */
const YAML_TOKENS = [
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\t',
  ':',
  ': ',
  '- ',
  '-',
  '?',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&a ',
  '*a',
  '!',
  '!!str ',
  '!!map',
  '!!binary ',
  '!<tag:x>',
  '|',
  '>',
  '|-',
  '>+',
  "'",
  '"',
  '%YAML 1.2\n',
  '%TAG ! tag:x:\n',
  '---',
  '...',
  '<<: *a',
  '@',
  '`',
  '\\',
  '~',
  'null',
  'true',
  '0x1F',
  '.inf',
  '-.inf',
  '.nan',
  '1e400',
  '-0',
  '12',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  '{ toString: x }',
  'id',
  'title',
  'timeZone',
  'parties',
  'phases',
  'obligations',
  'duration',
  'P4D',
  'pause',
  'a',
  'Z',
  '\uFEFF',
  '\u2028',
  '\u0085',
  '\u0000',
  '\u007f',
  '\u00a0',
  'é',
  '😀',
];
const yamlToken = fc.constantFrom(...YAML_TOKENS);
const yamlSoup = fc.string({ unit: yamlToken, maxLength: 80 });

/** One "character" of any kind: printable, any code point, a lone surrogate, or a YAML token. */
const anyChar = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  loneSurrogate,
  yamlToken,
);

/** Random text: printable graphemes, any code points, UTF-16 with lone surrogates, or YAML soup. */
const randomText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate) }),
  yamlSoup,
);

/**
 * Nested collections, block and flow, kept shallower than the depth at which the YAML library runs out
 * of stack (about 785 levels of `[`): past it the process itself can die, which the isolated test below
 * checks. Nested complex keys (`? `) stay shallow here; the parser refuses deep ones (see the last test).
 */
const nesting = fc.oneof(
  fc
    .tuple(fc.constantFrom('[', '{', '- ', '{a: ', '[{a: ', 'a:\n '), fc.integer({ min: 1, max: 300 }))
    .map(([open, depth]) => open.repeat(depth)),
  fc.integer({ min: 1, max: 40 }).map((depth) => '? '.repeat(depth)),
);

const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }));

const idText = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
  fc.constantFrom('pause', 'israel', 'hamas', 'a', 'b', 'Pause', ''),
  fc.string({ maxLength: 12 }),
);
const durationText = fc.oneof(
  fc.constantFrom(
    'P4D',
    'PT12H',
    'P1W',
    'P1DT6H',
    'PT0S',
    'P',
    'PT',
    'P1DT',
    'four days',
    'P1.5D',
    '-P1D',
    '',
  ),
  fc.string({ maxLength: 10 }),
);
const timeText = fc.oneof(
  fc.constantFrom(
    '2023-11-24T07:00',
    '2023-11-24',
    '2023-11-24T07:00:00+02:00',
    '2023-11-24T07:00:00Z',
    '2023-03-24T02:30',
    '2023-02-30',
    '2023-11-24T24:00',
    '2023-11',
    'not a time',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 25 }),
);
const zoneText = fc.oneof(
  fc.constantFrom('Asia/Jerusalem', 'UTC', 'Europe/London', 'Mars/Olympus', 'asia/jerusalem', '+02:00', ''),
  fc.string({ maxLength: 20 }),
);
const amount = fc.oneof(fc.integer({ min: -3, max: 1000 }), fc.double(), fc.constant('10'));
/** Mappings whose keys are the names of `Object.prototype`'s members: `{ toString: x }` and the like. */
const prototypeKeyed = fc.dictionary(
  fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty', 'toJSON'),
  fc.jsonValue({ maxDepth: 1 }),
  { minKeys: 1, maxKeys: 3 },
);
/** A plausible value most of the time, any JSON value or a prototype-keyed mapping some of the time. */
const orJunk = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: arb },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: prototypeKeyed },
  );

const clause = orJunk(
  fc.record({ ref: fc.string(), text: fc.string(), note: fc.string() }, { requiredKeys: [] }),
);
const deadline = orJunk(
  fc.oneof(
    fc.record({ at: timeText, zone: zoneText }, { requiredKeys: ['at'] }),
    fc.record(
      { phase: idText, edge: fc.constantFrom('start', 'end', 'middle'), offset: durationText },
      { requiredKeys: ['phase'] },
    ),
  ),
);
const party = fc.record(
  { id: orJunk(idText), name: orJunk(fc.string()), note: fc.string() },
  { requiredKeys: [] },
);
const phase = fc.record(
  {
    id: orJunk(idText),
    name: orJunk(fc.string()),
    start: orJunk(
      fc.oneof(
        fc.record({ at: timeText, zone: zoneText }, { requiredKeys: ['at'] }),
        fc.record({ after: idText, gap: durationText }, { requiredKeys: ['after'] }),
        fc.constant({ on: 'event' }),
      ),
    ),
    duration: orJunk(durationText),
    extension: orJunk(
      fc.record(
        {
          rule: fc.record(
            {
              every: amount,
              cohorts: fc.array(idText, { maxLength: 2 }),
              beyond: amount,
              adds: durationText,
              maxTotal: durationText,
            },
            { requiredKeys: [] },
          ),
          agreed: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    endsBy: orJunk(fc.subarray(['duration', 'event', 'collapse', 'whim'])),
    clause,
  },
  { requiredKeys: [] },
);
const obligation = fc.record(
  {
    id: orJunk(idText),
    party: orJunk(idText),
    phase: orJunk(idText),
    kind: orJunk(
      fc.constantFrom('release', 'reciprocal-release', 'rate', 'refrain', 'withdraw', 'act-by', 'bogus'),
    ),
    clause,
    cohorts: orJunk(fc.array(idText, { maxLength: 3 })),
    count: amount,
    atLeast: fc.boolean(),
    by: deadline,
    schedule: orJunk(
      fc.array(
        fc.record(
          {
            count: amount,
            by: deadline,
            repeat: fc.record({ every: durationText, times: amount }, { requiredKeys: [] }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    ratio: orJunk(
      fc.array(fc.record({ per: idText, count: amount }, { requiredKeys: [] }), { maxLength: 2 }),
    ),
    lag: durationText,
    item: fc.string(),
    quantity: amount,
    period: durationText,
    activity: fc.string(),
    area: fc.string(),
    window: fc.record(
      {
        from: fc.oneof(fc.stringMatching(/^\d{2}:\d{2}$/), fc.string()),
        to: fc.stringMatching(/^\d{2}:\d{2}$/),
      },
      { requiredKeys: [] },
    ),
    action: fc.constantFrom('withdraw', 'allow-movement', 'hand-over-lists', 'dance'),
  },
  { requiredKeys: [] },
);
const occurred = fc.oneof(
  timeText,
  fc.record(
    { at: timeText, precision: fc.constantFrom('minute', 'hour', 'day', 'month', 'eon') },
    { requiredKeys: ['at'] },
  ),
  fc.record({ from: timeText, to: timeText }, { requiredKeys: [] }),
);
/** Events shaped like the example ledger's, against the example agreement's parties, phases and cohorts. */
const eventLike = fc.record(
  {
    id: orJunk(idText),
    type: orJunk(
      fc.constantFrom(
        'release',
        'aid-delivery',
        'violation',
        'phase-started',
        'phase-extended',
        'phase-ended',
        'phase-collapsed',
        'talks-held',
        'list-handed-over',
        'withdrawal',
        'statement',
        'suspension',
        'retraction',
        'correction',
        'bogus',
      ),
    ),
    party: orJunk(fc.constantFrom('israel', 'hamas', 'qatar', 'nobody')),
    phase: orJunk(fc.constantFrom('pause', 'nope')),
    occurred: orJunk(occurred),
    recorded: orJunk(timeText),
    status: orJunk(fc.constantFrom('reported', 'corroborated', 'confirmed', 'disputed', 'rumoured')),
    released: orJunk(
      fc.array(
        fc.record(
          {
            cohort: orJunk(fc.constantFrom('hostages-women-children', 'prisoners-women-minors', 'nobody')),
            count: orJunk(fc.oneof(amount, fc.record({ best: amount, low: amount, high: amount }))),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
    ),
    sources: orJunk(fc.array(fc.constantFrom('N1', 'N3', 'AP-2023', 'NX'), { maxLength: 2 })),
    supersedes: orJunk(idText),
    by: orJunk(durationText),
    item: fc.constantFrom('trucks', 'fuel-litres', 'camels'),
    quantity: orJunk(amount),
    claim: orJunk(
      fc.record(
        {
          measure: fc.constantFrom('released', 'imagined'),
          heldBy: fc.constantFrom('israel', 'hamas', 'nobody'),
          during: fc.constantFrom('pause', 'nope'),
          until: timeText,
          value: amount,
        },
        { requiredKeys: [] },
      ),
    ),
    text: fc.string(),
    note: fc.string(),
  },
  { requiredKeys: [] },
);
/** Objects shaped like ledgers: a random subset of the top-level keys, mostly plausible values. */
const ledgerLike = fc.record(
  {
    agreement: orJunk(fc.constantFrom('gaza-2023-pause', 'another-agreement')),
    events: orJunk(fc.array(eventLike, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

/** Objects shaped like agreements: a random subset of the top-level keys, mostly plausible values. */
const agreementLike = fc.record(
  {
    id: orJunk(idText),
    title: orJunk(fc.string()),
    timeZone: orJunk(zoneText),
    parties: orJunk(fc.array(party, { maxLength: 4 })),
    phases: orJunk(fc.array(phase, { maxLength: 3 })),
    obligations: orJunk(fc.array(obligation, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

// ── Mutations of a real file ─────────────────────────────────────────────────────────────────

type Mutation =
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'duplicate-line'; readonly line: number }
  | { readonly kind: 'swap-lines'; readonly line: number; readonly other: number }
  | { readonly kind: 'replace-char'; readonly at: number; readonly char: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'reindent'; readonly line: number; readonly indent: string };

/** Text worth inserting: random text, or a plausible line of an agreement or ledger. */
const insertion = fc.oneof(
  randomText,
  fc
    .tuple(
      fc.nat({ max: 8 }),
      fc.constantFrom('- ', '', '? '),
      fc.constantFrom('id', 'duration', 'phase', 'by', 'at', 'occurred', 'type', 'released', 'bogus', '<<'),
      fc.constantFrom(': ', ':', ': &a ', ': *a', ': !!int '),
      fc.oneof(
        durationText,
        timeText,
        idText,
        fc.constantFrom('[', '{', '|', '>-', '"', "'", '{ toString: x }'),
      ),
    )
    .map(([indent, dash, key, colon, value]) => `\n${' '.repeat(indent)}${dash}${key}${colon}${value}`),
);

const indentation = fc.oneof(
  fc.nat({ max: 12 }).map((n) => ' '.repeat(n)),
  fc.constantFrom('\t', ' \t', '  \t  ', '\u00a0'),
);

/** Positions are any natural numbers, taken modulo the length of the text they are applied to. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((line): Mutation => ({ kind: 'delete-line', line })),
  fc.nat().map((line): Mutation => ({ kind: 'duplicate-line', line })),
  fc.tuple(fc.nat(), fc.nat()).map(([line, other]): Mutation => ({ kind: 'swap-lines', line, other })),
  fc.tuple(fc.nat(), anyChar).map(([at, char]): Mutation => ({ kind: 'replace-char', at, char })),
  fc.nat().map((at): Mutation => ({ kind: 'truncate', at })),
  fc.tuple(fc.nat(), insertion).map(([at, text]): Mutation => ({ kind: 'insert', at, text })),
  fc.tuple(fc.nat(), indentation).map(([line, indent]): Mutation => ({ kind: 'reindent', line, indent })),
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete-line':
      lines.splice(pick(m.line), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = pick(m.line);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const i = pick(m.line);
      const j = pick(m.other);
      const line = lines[i]!;
      lines[i] = lines[j]!;
      lines[j] = line;
      return lines.join('\n');
    }
    case 'replace-char': {
      if (text.length === 0) return m.char;
      const at = m.at % text.length;
      return text.slice(0, at) + m.char + text.slice(at + 1);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'reindent': {
      const i = pick(m.line);
      lines[i] = m.indent + lines[i]!.replace(/^[ \t]*/, '');
      return lines.join('\n');
    }
  }
}
const applyAll = (text: string, ms: readonly Mutation[]) => ms.reduce(mutate, text);

// ── Durations ────────────────────────────────────────────────────────────────────────────────

/**
 * True for anything that is, or might be read as, an ISO 8601 duration: the designator form with
 * fractions (`.` or `,`) on any part, the week form, the alternative form `PYYYY-MM-DDThh:mm:ss`, a
 * sign, any case, surrounding blanks. Deliberately broad: only strings outside it must be rejected.
 */
function mightBeIsoDuration(text: string): boolean {
  const s = text.trim();
  const n = String.raw`\d+(?:[.,]\d+)?`;
  const designators = new RegExp(
    String.raw`^[+-]?P(?!$)(?:${n}Y)?(?:${n}M)?(?:${n}W)?(?:${n}D)?(?:T(?=\d)(?:${n}H)?(?:${n}M)?(?:${n}S)?)?$`,
    'i',
  );
  const alternative = /^[+-]?P\d{4}-?\d{2}-?\d{2}(?:T\d{2}:?\d{2}:?\d{2}(?:[.,]\d+)?)?$/i;
  return designators.test(s) || alternative.test(s);
}

/** A YAML double-quoted scalar for any string, escaping everything outside printable ASCII. */
function doubleQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) out += `\\${s[i]}`;
    else if (c >= 0x20 && c <= 0x7e) out += s[i];
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** The scalar as written after `duration:`: plain when YAML reads it back as the same string, else quoted. */
function durationScalar(s: string, plain: boolean): string {
  if (plain && !/[\n\r]/.test(s)) {
    try {
      const read: unknown = parseYaml(`k: ${s}`);
      if (typeof read === 'object' && read !== null && (read as { k?: unknown }).k === s) return s;
    } catch {
      // not a plain scalar: quote it
    }
  }
  return doubleQuoted(s);
}

const notADuration = fc
  .oneof(
    fc.string({
      unit: fc.constantFrom('P', 'T', 'Y', 'M', 'W', 'D', 'H', 'S', '1', '4', '0', '.', ',', '-', ' '),
      maxLength: 8,
    }),
    fc.constantFrom(
      'four days',
      '4 days',
      'P4',
      '4D',
      'PD',
      'P4H',
      'PT4D',
      'P4DT',
      'P-4D',
      'P4D4D',
      'P4.D',
      'P',
      'PT',
      '',
    ),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({
      unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate),
      maxLength: 8,
    }),
  )
  .filter((s) => !mightBeIsoDuration(s));

const DURATION_LINE = '    duration: P4D';
const DURATION_AT = AGREEMENT_TEXT.indexOf(DURATION_LINE);

// ── Properties ───────────────────────────────────────────────────────────────────────────────

describe('parseAgreement and parseLedger on random input', () => {
  it('never throw on random strings, and their issues are well-formed', () => {
    fc.assert(
      fc.property(randomText, (text) => expectBothParsersWellFormed(text)),
      runs(300),
    );
  });

  it('never throw on nested collections', () => {
    fc.assert(
      fc.property(nesting, (text) => expectBothParsersWellFormed(text)),
      runs(40),
    );
  });

  it('parseAgreement survives collections nested past the stack limit, parsed twice in a fresh process', () => {
    // In its own process: a crash here is a V8 abort (SIGABRT), which would take the test worker down.
    const cases: [string, number][] = [
      ['[', 1000],
      ['[', 1000],
      ['{', 1000],
      ['{', 1000],
      ['[{a: ', 1000],
      ['- ', 5000],
    ];
    const script = [
      `import { parseAgreement } from ${JSON.stringify(new URL('./index.ts', import.meta.url).href)};`,
      'for (const [open, depth] of JSON.parse(process.argv[1])) {',
      "  const result = parseAgreement(open.repeat(depth), 'deep.yaml');",
      "  process.stdout.write(JSON.stringify(result.ok ? { ok: true, value: null } : result) + '\\n');",
      '}',
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(cases)],
      { cwd: fileURLToPath(new URL('../../../', import.meta.url)), encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const results = child.stdout.split('\n').filter(Boolean);
    results.forEach((line, i) => {
      const [open, depth] = cases[i]!;
      expectWellFormed(JSON.parse(line) as Parsed<unknown>, 'deep.yaml', lineCount(open.repeat(depth)) + 1);
    });
    if (child.status !== 0) {
      const [open, depth] = cases[results.length] ?? ['?', 0];
      // V8's report, without the garbage-collector log and the frames' addresses.
      const stderr = child.stderr
        .split('\n')
        .filter((l) => l.trim() && !/Scavenge|Mark-|<---/.test(l))
        .map((l) => l.replace(/^\s*\d+: 0x[0-9a-f]+\s*/, '  at ').replace(/ \[[^\]]*\]$/, ''))
        .filter((l) => l.trim() !== 'at')
        .slice(0, 12)
        .join('\n');
      throw new Error(
        `the process died (status ${child.status}, signal ${child.signal}) in parseAgreement(${JSON.stringify(open)}.repeat(${depth})), ` +
          `after ${results.length} of ${cases.length} inputs:\n${stderr}`,
      );
    }
    expect(results).toHaveLength(cases.length);
  });

  it('refuses deeply nested complex keys at once, with the line (`? `.repeat(320) once took ~25 s in the YAML library)', () => {
    const started = performance.now();
    const r = parseAgreement(`id: x\n${'? '.repeat(320)}a\n`, 'keys.yaml');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'yaml', line: 2, file: 'keys.yaml' });
  });

  it('never throw on random JSON values written as YAML or JSON', () => {
    fc.assert(
      fc.property(anyJson, fc.boolean(), (value, asJson) =>
        expectBothParsersWellFormed(asJson ? JSON.stringify(value) : stringify(value)),
      ),
      runs(200),
    );
  });

  it('parseAgreement never throws on random agreement-shaped documents, and their issues are well-formed', () => {
    fc.assert(
      fc.property(agreementLike, fc.boolean(), (doc, asJson) => {
        const text = asJson ? JSON.stringify(doc, null, 2) : stringify(doc);
        const file = 'shaped.yaml';
        expectWellFormed(parseAgreement(text, file), file, lineCount(text) + 1);
      }),
      runs(200),
    );
  });

  it('parseLedger never throws on random ledger-shaped documents, and their issues are well-formed', () => {
    fc.assert(
      fc.property(ledgerLike, fc.boolean(), (doc, asJson) => {
        const text = asJson ? JSON.stringify(doc, null, 2) : stringify(doc);
        const file = 'shaped-ledger.yaml';
        expectWellFormed(parseLedger(text, AGREEMENT, file), file, lineCount(text) + 1);
      }),
      runs(150),
    );
  });
});

describe('parsers on mutations of the example files', () => {
  it('the unmutated examples parse', () => {
    expect(parseAgreement(AGREEMENT_TEXT, AGREEMENT_FILE).ok).toBe(true);
    expect(parseLedger(LEDGER_TEXT, AGREEMENT, LEDGER_FILE).ok).toBe(true);
  });

  it('parseAgreement never throws on a mutated agreement, and its issues point inside the text', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = applyAll(AGREEMENT_TEXT, ms);
        expectWellFormed(parseAgreement(text, AGREEMENT_FILE), AGREEMENT_FILE, lineCount(text));
      }),
      runs(60),
    );
  });

  it('parseLedger never throws on a mutated ledger, and its issues are well-formed', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = applyAll(LEDGER_TEXT, ms);
        expectWellFormed(parseLedger(text, AGREEMENT, LEDGER_FILE), LEDGER_FILE, lineCount(text) + 1);
      }),
      runs(50),
    );
  });
});

describe('a phase duration that is not ISO 8601', () => {
  it('is reported as `bad-duration` on the line of `duration:`', () => {
    expect(DURATION_AT).toBeGreaterThan(0);
    expect(AGREEMENT_TEXT.indexOf(DURATION_LINE, DURATION_AT + 1)).toBe(-1);
    const line = lineAtOffset(AGREEMENT_TEXT, DURATION_AT);
    fc.assert(
      fc.property(notADuration, fc.boolean(), (value, plain) => {
        const scalar = durationScalar(value, plain);
        // The test's own quoting must give back exactly the string under test.
        expect((parseYaml(`k: ${scalar}`) as { k: unknown }).k).toBe(value);
        const text = `${AGREEMENT_TEXT.slice(0, DURATION_AT)}    duration: ${scalar}${AGREEMENT_TEXT.slice(DURATION_AT + DURATION_LINE.length)}`;
        const result = parseAgreement(text, AGREEMENT_FILE);
        expectWellFormed(result, AGREEMENT_FILE, lineCount(text));
        if (result.ok) throw new Error(`\`${value}\` was accepted as a duration`);
        const found = result.issues.filter((i) => i.code === 'bad-duration');
        if (!found.some((i) => i.line === line))
          throw new Error(`no \`bad-duration\` on line ${line}; issues: ${JSON.stringify(result.issues)}`);
      }),
      runs(50),
    );
  });
});
