/** A problem found in a file, written for the person who wrote it. Expected failures are values, not exceptions. */
export interface Issue {
  /** A stable code: `yaml`, `unknown-key`, `invalid-type`, `invalid-value`, `bad-duration`, `bad-time`, `undefined-reference`, `duplicate-id`, `phase-cycle`, … */
  readonly code: string;
  /** Where in the document, as keys and indexes: `['obligations', 2, 'by']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** 1-based line and column in the file; 1:1 when the place cannot be found. */
  readonly line: number;
  readonly column: number;
  readonly file?: string;
}

/** The outcome of parsing: the value, or the issues that stop it. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** `file:line:col message`, the form editors and terminals link. */
export function formatIssue(issue: Issue): string {
  const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
  return `${issue.file ?? '<input>'}:${issue.line}:${issue.column} ${issue.message}${where}`;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to `word`, when it is near enough to be a likely typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
