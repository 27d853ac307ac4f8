import { type Span, spanOf } from './span.ts';

// Words whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'st',
  'sen',
  'rep',
  'gov',
  'pres',
  'prof',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'no',
  'vs',
  'etc',
  'approx',
  'u.s',
  'u.n',
  'u.k',
]);

/** The sentences of `text`, each a trimmed span; a line break always ends one. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = spanOf(text, start, end);
    if (span.end > span.start) out.push(span);
    start = end;
  };
  const boundary = /[.!?]+["'\u201d\u2019)]*(?=\s+["'\u201c\u2018(]?[A-Z0-9])|\n+/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[0][0] === '.') {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(start, m.index - 12), m.index));
      if (word && (ABBREVIATIONS.has(word[1]!.toLowerCase()) || /^[A-Z]$/.test(word[1]!))) continue;
    }
    push(m.index + m[0].length);
  }
  push(text.length);
  return out;
}
