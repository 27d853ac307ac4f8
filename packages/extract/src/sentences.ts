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

// Longer "sentences" are not prose (a table, a page without full stops): they are read in pieces,
// so that no pattern or date parser ever sees more than this many characters at once.
const MAX_SENTENCE = 1000;

function cut(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  while (sentence.end - start > MAX_SENTENCE) {
    const space = text.lastIndexOf(' ', start + MAX_SENTENCE);
    const end = space > start + MAX_SENTENCE / 2 ? space : start + MAX_SENTENCE;
    const piece = spanOf(text, start, end);
    if (piece.end > piece.start) out.push(piece);
    start = end;
  }
  const last = spanOf(text, start, sentence.end);
  if (last.end > last.start) out.push(last);
  return out;
}

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
  return out.flatMap((s) => (s.end - s.start > MAX_SENTENCE ? cut(text, s) : [s]));
}
