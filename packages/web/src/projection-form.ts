import type { Assumptions, ProjectionRequest, ReleaseDraw } from './types.ts';

/** How one cohort's daily releases are drawn, as the form holds it (text, as typed). */
export interface ReleaseField {
  kind: 'none' | 'fixed' | 'poisson' | 'empirical' | 'ledger';
  value: string;
  during?: string[] | undefined;
}

/** The projection form's fields, as typed: sent as typed, so the server's checks speak for themselves. */
export interface ProjectionForm {
  runs: string;
  seed: string;
  asOf: string;
  horizonDays: string;
  hazard: string;
  extension: string;
  releasedBy: string;
  releases: Record<string, ReleaseField>;
  delays: Record<string, string>;
  /** Per-phase hazards from the answer, kept as they are (the form edits the daily one). */
  phaseHazards?: Record<string, number> | undefined;
  compare: string;
}

export const EMPTY_FORM: ProjectionForm = {
  runs: '10000',
  seed: '1',
  asOf: '',
  horizonDays: '',
  hazard: '',
  extension: '',
  releasedBy: '',
  releases: {},
  delays: {},
  compare: '',
};

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** A number when the text is one; otherwise the text itself, for the server to name; nothing when empty. */
export function numberOr(raw: string): unknown {
  const t = raw.trim();
  if (t === '') return undefined;
  return /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t) ? Number(t) : t;
}

function drawOf(field: ReleaseField): Record<string, unknown> | undefined {
  if (field.kind === 'none') return undefined;
  const during = field.during ? { during: field.during } : {};
  // The ledger's days so far: the server answers with the counts it drew from.
  if (field.kind === 'ledger') return { empirical: 'ledger', ...during };
  const value =
    field.kind === 'empirical'
      ? field.value
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map(numberOr)
      : numberOr(field.value);
  return { [field.kind]: value ?? null, ...during };
}

function delayOf(raw: string): unknown {
  const range = /^\s*([\d.]+)\s*(?:-|–|to)\s*([\d.]+)\s*$/.exec(raw);
  return range ? { min: numberOr(range[1]!), max: numberOr(range[2]!) } : numberOr(raw);
}

/** The request body the form describes; empty fields are left to the server's defaults. */
export function requestOf(form: ProjectionForm): ProjectionRequest {
  const assumptions: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) assumptions[key] = value;
  };
  set('horizonDays', numberOr(form.horizonDays));
  const daily = numberOr(form.hazard);
  if (daily !== undefined || form.phaseHazards)
    set('collapse', {
      ...(daily !== undefined ? { daily } : {}),
      ...(form.phaseHazards ? { phases: form.phaseHazards } : {}),
    });
  const probability = numberOr(form.extension);
  if (probability !== undefined) set('extension', { probability });
  const releases = Object.entries(form.releases).flatMap(([c, f]) => {
    const draw = drawOf(f);
    return draw ? [[c, draw] as const] : [];
  });
  if (releases.length) set('releases', Object.fromEntries(releases));
  const delays = Object.entries(form.delays).filter(([, d]) => d.trim() !== '');
  if (delays.length) set('delays', Object.fromEntries(delays.map(([p, d]) => [p, delayOf(d)])));
  if (form.releasedBy.trim()) set('releasedBy', form.releasedBy.trim());
  const body: ProjectionRequest = { assumptions };
  const runs = numberOr(form.runs);
  const seed = numberOr(form.seed);
  if (runs !== undefined) body.runs = runs;
  if (seed !== undefined) body.seed = seed;
  if (form.asOf.trim()) body.asOf = form.asOf.trim();
  if (form.compare) body.compare = [form.compare];
  return body;
}

const releaseField = (d: ReleaseDraw): ReleaseField => {
  const during = d.during;
  if ('fixed' in d) return { kind: 'fixed', value: String(d.fixed), during };
  if ('poisson' in d) return { kind: 'poisson', value: String(d.poisson), during };
  return { kind: 'empirical', value: d.empirical.join(', '), during };
};

/** The form showing the assumptions a projection used (defaults filled), keeping what the runs were asked for. */
export function formOf(used: Assumptions, asked: ProjectionForm, cohorts: readonly string[]): ProjectionForm {
  const releases: Record<string, ReleaseField> = {};
  for (const c of cohorts) releases[c] = { kind: 'none', value: '' };
  for (const [c, d] of Object.entries(used.releases ?? {})) releases[c] = releaseField(d);
  const delays: Record<string, string> = { ...asked.delays };
  for (const [p, d] of Object.entries(used.delays ?? {}))
    delays[p] = typeof d === 'number' ? String(d) : `${d.min}–${d.max}`;
  return {
    ...asked,
    horizonDays: text(used.horizonDays),
    hazard: text(used.collapse?.daily),
    extension: text(used.extension?.probability),
    releasedBy: used.releasedBy ?? '',
    releases,
    delays,
    phaseHazards: used.collapse?.phases,
  };
}

/** Each field's key: the path of the request that it fills, as the server's problem `errors` name it. */
export const FIELD = {
  runs: 'runs',
  seed: 'seed',
  asOf: 'asOf',
  compare: 'compare',
  horizonDays: 'assumptions.horizonDays',
  hazard: 'assumptions.collapse.daily',
  extension: 'assumptions.extension.probability',
  releasedBy: 'assumptions.releasedBy',
  release: (cohort: string) => `assumptions.releases.${cohort}`,
  delay: (phase: string) => `assumptions.delays.${phase}`,
} as const;

/**
 * The server's errors placed on the fields they name: each goes to the field whose key is its path or
 * the longest start of it; what names no field is returned apart.
 */
export function placeErrors(
  errors: readonly { path: readonly string[]; message: string }[],
  keys: readonly string[],
): { byField: Record<string, string>; elsewhere: string[] } {
  const byField: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const e of errors) {
    const path = e.path.join('.');
    const key = keys
      .filter((k) => path === k || path.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) elsewhere.push(`${path || '(body)'}: ${e.message}`);
    else byField[key] = byField[key] ? `${byField[key]}; ${e.message}` : e.message;
  }
  return { byField, elsewhere };
}
