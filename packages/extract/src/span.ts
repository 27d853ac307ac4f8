/** A stretch of the extracted plain text: `text === plain.slice(start, end)`, offsets in UTF-16 code units. */
export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The span of `text.slice(start, end)`, trimmed of surrounding spaces and of commas, semicolons and colons (and a trailing full stop). */
export function spanOf(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:.]/.test(text[e - 1]!)) e--;
  return { text: text.slice(s, e), start: s, end: e };
}

/** Whether two spans share at least one character. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
