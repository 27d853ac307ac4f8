import type { Assumptions } from './assumptions.ts';
import { ASSUMPTION_DEFAULTS } from './projection-inputs.ts';
import type { Projection, Spread } from './summarize.ts';

/** How headings are marked up (plain text when colour is off). */
export interface Markup {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const PLAIN: Markup = { bold: (t) => t, dim: (t) => t };
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const when = (iso: string) => iso.replace('T', ' ').replace(/:00([+-]\d\d:\d\d|Z)$/, ' ($1)');

/** Rows laid out in columns two spaces apart, the first left-aligned and the rest right-aligned. */
function table(rows: readonly (readonly string[])[], markup: Markup, indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r, j) => {
    const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    return indent + (j === 0 ? markup.bold(line.trimEnd()) : line.trimEnd());
  });
}

const spreadCells = (s: Spread) => [num(s.p5), num(s.p25), num(s.p50), num(s.p75), num(s.p95), num(s.mean)];

/** The assumptions in one line each, as the runs used them (defaults said). */
export function describeAssumptions(a: Assumptions): string[] {
  const lines = [
    `collapse hazard: ${a.collapse?.daily ?? ASSUMPTION_DEFAULTS.collapseDaily} a day${
      a.collapse?.phases
        ? ` (${Object.entries(a.collapse.phases)
            .map(([p, h]) => `${p}: ${h}`)
            .join(', ')})`
        : ''
    }`,
    `an eligible extension is agreed with probability ${a.extension?.probability ?? ASSUMPTION_DEFAULTS.extensionProbability}`,
  ];
  for (const [cohort, d] of Object.entries(a.releases ?? {}))
    lines.push(
      `${cohort}: ${'fixed' in d ? `${d.fixed} a day` : 'poisson' in d ? `Poisson, mean ${d.poisson} a day` : d.empirical === 'ledger' ? 'a day drawn from the ledger so far' : `a day drawn from [${d.empirical.join(', ')}]`}${d.during ? ` during ${d.during.join(', ')}` : ''}`,
    );
  for (const [phase, d] of Object.entries(a.delays ?? {}))
    lines.push(
      `${phase} starts ${typeof d === 'number' ? `${d} day(s)` : `${d.min}–${d.max} days`} after the start`,
    );
  lines.push(`horizon: ${a.horizonDays ?? ASSUMPTION_DEFAULTS.horizonDays} days`);
  return lines;
}

/**
 * A readable summary of one projection: pause length with percentiles and a histogram, phases
 * reached, people released by cohort, deadlines met and missed.
 */
export function formatProjection(p: Projection, assumptions: Assumptions, markup: Markup = PLAIN): string {
  const lines: string[] = [];
  lines.push(markup.bold(`${p.agreement.title} (${p.agreement.id})`));
  lines.push(`${p.runs} runs, seed ${p.seed}, from ${when(p.asOf)}; ${p.pauseDays} pause-days simulated`);
  lines.push('', markup.bold('Assumptions'), ...describeAssumptions(assumptions).map((l) => `  ${l}`));
  lines.push('', markup.bold('Pause length (days the phases ran)'));
  lines.push(
    ...table(
      [
        ['', 'p5', 'p25', 'p50', 'p75', 'p95', 'mean'],
        ['days', ...spreadCells(p.pauseLength)],
      ],
      markup,
    ),
  );
  if (p.pauseLength.censored > 0)
    lines.push(
      `  ${pct(p.pauseLength.censored)} of runs still ran at the horizon (their length is a lower bound)`,
    );
  const most = Math.max(...p.pauseLength.histogram.map((h) => h.runs));
  for (const h of p.pauseLength.histogram)
    lines.push(
      `  ${String(h.days).padStart(3)} ${'█'.repeat(Math.max(h.runs > 0 ? 1 : 0, Math.round((40 * h.runs) / most))).padEnd(40)} ${pct(h.runs / p.runs)}`,
    );
  lines.push('', markup.bold('Phases'));
  lines.push(
    ...table(
      [
        ['phase', 'reached', 'ended', 'collapsed', 'at horizon', 'extension days p50', 'p95'],
        ...p.phases.map((ph) => [
          ph.id,
          pct(ph.reached),
          pct(ph.ended),
          pct(ph.collapsed),
          pct(ph.runningAtHorizon),
          num(ph.extendedDays.p50),
          num(ph.extendedDays.p95),
        ]),
      ],
      markup,
    ),
  );
  if (p.released.length) {
    lines.push('', markup.bold(`Released after the start, by ${when(p.released[0]!.by)}`));
    lines.push(
      ...table(
        [
          ['cohort', 'p5', 'p25', 'p50', 'p75', 'p95', 'mean'],
          ...p.released.map((r) => [r.cohort, ...spreadCells(r)]),
        ],
        markup,
      ),
    );
  }
  if (p.deadlines.length) {
    lines.push('', markup.bold('Release deadlines'));
    lines.push(
      ...table(
        [
          ['obligation', 'count', 'met', 'missed', 'not reached', 'missed at (p50)'],
          ...p.deadlines.map((d) => [
            d.obligation,
            String(d.count),
            pct(d.met),
            pct(d.missed),
            pct(d.notReached),
            d.missedAt ? when(d.missedAt.p50) : '—',
          ]),
        ],
        markup,
      ),
    );
  }
  return lines.join('\n');
}

/** Several proposals side by side, under the same assumptions and seed. */
export function formatComparison(
  ps: readonly Projection[],
  assumptions: Assumptions,
  markup: Markup = PLAIN,
): string {
  const head = ['', ...ps.map((p) => p.agreement.id)];
  const row = (label: string, f: (p: Projection) => string) => [label, ...ps.map(f)];
  const rows: string[][] = [
    head,
    row('starts', (p) => when(p.asOf)),
    row('pause length p5 (days)', (p) => num(p.pauseLength.p5)),
    row('pause length p50', (p) => num(p.pauseLength.p50)),
    row('pause length p95', (p) => num(p.pauseLength.p95)),
    row('pause length mean', (p) => num(p.pauseLength.mean)),
    row('still running at horizon', (p) => pct(p.pauseLength.censored)),
    row('collapsed in some phase', (p) => pct(Math.max(0, ...p.phases.map((ph) => ph.collapsed)))),
  ];
  const phaseIds = [...new Set(ps.flatMap((p) => p.phases.map((ph) => ph.id)))];
  for (const id of phaseIds)
    rows.push(
      row(`reaches ${id}`, (p) => {
        const ph = p.phases.find((x) => x.id === id);
        return ph ? pct(ph.reached) : '—';
      }),
    );
  const cohorts = [...new Set(ps.flatMap((p) => p.released.map((r) => r.cohort)))];
  for (const cohort of cohorts)
    rows.push(
      row(`${cohort} released p50 (p5–p95)`, (p) => {
        const r = p.released.find((x) => x.cohort === cohort);
        return r ? `${num(r.p50)} (${num(r.p5)}–${num(r.p95)})` : '—';
      }),
    );
  rows.push(
    row('release deadlines missed', (p) =>
      p.deadlines.length ? p.deadlines.map((d) => pct(d.missed)).join(', ') : '—',
    ),
  );
  return [
    markup.bold('Proposals side by side (same assumptions, same seed)'),
    ...describeAssumptions(assumptions).map((l) => `  ${markup.dim(l)}`),
    '',
    ...table(rows, markup),
  ].join('\n');
}
