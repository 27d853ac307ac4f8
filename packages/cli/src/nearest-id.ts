/** Levenshtein distance between two words, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (x[i - 1] === y[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[y.length]!;
}

/**
 * The candidate closest to `word`: one that contains it or is contained in it first, else the fewest edits.
 * @example nearestId('north-release', ['north-releases', 'south-releases']) // 'north-releases'
 */
export function nearestId(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const containing = candidates.find((c) => c.toLowerCase().includes(w) || w.includes(c.toLowerCase()));
  if (containing !== undefined) return containing;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
