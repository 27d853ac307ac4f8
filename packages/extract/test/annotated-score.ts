import { readdirSync, readFileSync } from 'node:fs';
import { type Candidate, extract, type When } from '@truce/extract';

/** One hand-annotated candidate: `anchor` is words unique in the report that the candidate's span must hold. */
export interface ExpectedCandidate {
  readonly kind: Candidate['kind'];
  readonly anchor: string;
  readonly modality: Candidate['modality'];
  /** `YYYY-MM-DD`, `FROM/TO` for an interval, or an ISO duration (`P30D`). */
  readonly when?: string;
  /** `QUALIFIER VALUE`, or `range MIN-MAX`. */
  readonly quantity?: string;
  readonly cohorts: readonly string[];
  readonly actors: readonly string[];
  readonly sources: readonly string[];
}

/** A short report in our own words, with the candidates a careful reader would take from it. */
export interface AnnotatedReport {
  readonly id: string;
  readonly published: string;
  readonly text: string;
  readonly expected: readonly ExpectedCandidate[];
}

/** True and false positives and false negatives, and the precision and recall they give. */
export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export const FIELDS = ['kind', 'when', 'quantity', 'modality', 'cohorts', 'actors', 'sources'] as const;
export type Field = (typeof FIELDS)[number];

const DIR = new URL('./annotated/', import.meta.url);

/** Every report in test/annotated, in file-name order. */
export function loadAnnotated(): AnnotatedReport[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as AnnotatedReport);
}

/** A `when` in the annotation's notation. */
export function whenKey(when: When | undefined): string | undefined {
  if (!when) return undefined;
  if (when.type === 'date') return when.date;
  if (when.type === 'interval') return `${when.from.date}/${when.to.date}`;
  return when.iso;
}

function quantityKey(c: Candidate): string | undefined {
  const q = c.quantity;
  if (!q) return undefined;
  return q.qualifier === 'range' ? `range ${q.min}-${q.max}` : `${q.qualifier} ${q.value}`;
}

/** Lower case, without a leading article: "the Red Cross" and "Red Cross" name the same source. */
function normal(text: string): string {
  return text.toLowerCase().replace(/^the\s+/, '');
}

function listOf(c: Candidate, field: 'cohorts' | 'actors' | 'sources'): string[] {
  const raw =
    field === 'cohorts'
      ? c.cohorts.map((x) => x.cohort)
      : field === 'actors'
        ? c.actors.map((x) => x.name)
        : c.attribution.sources.filter((s) => s.scope === 'sentence').map((s) => s.span.text);
  return [...new Set(raw.map(normal))];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function scoreValue(counts: Counts, got: string | undefined, want: string | undefined): void {
  if (got !== undefined && got === want) counts.tp++;
  else {
    if (got !== undefined) counts.fp++;
    if (want !== undefined) counts.fn++;
  }
}

function scoreList(counts: Counts, got: readonly string[], want: readonly string[]): void {
  const wanted = new Set(want.map(normal));
  for (const g of got) {
    if (wanted.has(g)) counts.tp++;
    else counts.fp++;
  }
  for (const w of wanted) if (!got.includes(w)) counts.fn++;
}

/** What went wrong where, for reading a regression. */
export interface Miss {
  readonly report: string;
  readonly field: Field;
  readonly anchor: string;
  readonly got: unknown;
  readonly want: unknown;
}

/**
 * Precision and recall per field over the annotated set. `kind` scores candidates: an extracted candidate
 * matches an expected one of the same kind whose anchor overlaps its span (one whose trigger is in the anchor first). The other fields are scored
 * over matched pairs only, so a missed candidate costs recall on `kind`, not on every field.
 */
export function scoreAnnotated(reports: readonly AnnotatedReport[] = loadAnnotated()): {
  scores: Record<Field, FieldScore>;
  misses: Miss[];
} {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Counts>;
  const misses: Miss[] = [];
  for (const report of reports) {
    const { candidates } = extract(report.text, { published: report.published });
    const used = new Set<Candidate>();
    for (const want of report.expected) {
      const at = report.text.indexOf(want.anchor);
      const end = at + want.anchor.length;
      const near = candidates.filter(
        (c) => !used.has(c) && c.kind === want.kind && c.span.start < end && at < c.span.end,
      );
      const got = near.find((c) => c.trigger.start < end && at < c.trigger.end) ?? near[0];
      if (!got) {
        counts.kind.fn++;
        misses.push({
          report: report.id,
          field: 'kind',
          anchor: want.anchor,
          got: undefined,
          want: want.kind,
        });
        continue;
      }
      used.add(got);
      counts.kind.tp++;
      const pairs: [Field, unknown, unknown][] = [
        ['when', whenKey(got.when), want.when],
        ['quantity', quantityKey(got), want.quantity],
        ['modality', got.modality, want.modality],
      ];
      for (const [field, g, w] of pairs) {
        const before = counts[field].tp;
        scoreValue(counts[field], g as string | undefined, w as string | undefined);
        if (counts[field].tp === before && (g !== undefined || w !== undefined))
          misses.push({ report: report.id, field, anchor: want.anchor, got: g, want: w });
      }
      for (const field of ['cohorts', 'actors', 'sources'] as const) {
        const g = listOf(got, field);
        const before = { ...counts[field] };
        scoreList(counts[field], g, want[field]);
        if (counts[field].fp !== before.fp || counts[field].fn !== before.fn)
          misses.push({ report: report.id, field, anchor: want.anchor, got: g, want: want[field] });
      }
    }
    for (const c of candidates)
      if (!used.has(c)) {
        counts.kind.fp++;
        misses.push({
          report: report.id,
          field: 'kind',
          anchor: c.trigger.text,
          got: c.kind,
          want: undefined,
        });
      }
  }
  const scores = Object.fromEntries(
    FIELDS.map((f) => {
      const { tp, fp, fn } = counts[f];
      return [
        f,
        {
          tp,
          fp,
          fn,
          precision: tp + fp === 0 ? 1 : tp / (tp + fp),
          recall: tp + fn === 0 ? 1 : tp / (tp + fn),
        },
      ];
    }),
  ) as Record<Field, FieldScore>;
  return { scores, misses };
}
