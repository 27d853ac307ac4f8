import type { Candidate } from './candidate.ts';
import type { Span } from './span.ts';

/** What a highlighted stretch of text is. */
export type SpanRole = 'trigger' | 'when' | 'quantity' | 'modality' | 'actor' | 'cohort' | 'goods' | 'source';

/** A span with its role, for highlighting. */
export interface RoleSpan {
  readonly role: SpanRole;
  readonly span: Span;
}

/** Every span of a candidate with its role; earlier roles win where two overlap. */
export function spansOf(c: Candidate): RoleSpan[] {
  const all: RoleSpan[] = [{ role: 'trigger', span: c.trigger }];
  if (c.when) all.push({ role: 'when', span: c.when.span });
  if (c.quantity) all.push({ role: 'quantity', span: c.quantity.span });
  if (c.modalityCue) all.push({ role: 'modality', span: c.modalityCue });
  for (const a of c.actors) all.push({ role: 'actor', span: a.span });
  for (const x of c.cohorts) all.push({ role: 'cohort', span: x.span });
  for (const g of c.goods) all.push({ role: 'goods', span: g });
  for (const s of c.attribution.sources) all.push({ role: 'source', span: s.span });
  return all;
}

/** A stretch of highlighted text: words, marked with a role or plain. */
export interface Segment {
  readonly text: string;
  readonly role?: SpanRole;
}

/**
 * `text.slice(within.start, within.end)` cut into plain and marked stretches, for the spans that fall
 * inside it; where spans overlap, the first given wins and the others are left unmarked.
 */
export function segmentsOf(text: string, within: Span, spans: readonly RoleSpan[]): Segment[] {
  const chosen: RoleSpan[] = [];
  for (const s of spans) {
    if (s.span.start < within.start || s.span.end > within.end || s.span.end <= s.span.start) continue;
    if (chosen.some((c) => c.span.start < s.span.end && s.span.start < c.span.end)) continue;
    chosen.push(s);
  }
  chosen.sort((a, b) => a.span.start - b.span.start);
  const out: Segment[] = [];
  let at = within.start;
  for (const s of chosen) {
    if (s.span.start > at) out.push({ text: text.slice(at, s.span.start) });
    out.push({ text: text.slice(s.span.start, s.span.end), role: s.role });
    at = s.span.end;
  }
  if (at < within.end) out.push({ text: text.slice(at, within.end) });
  return out;
}

/**
 * `text.slice(within.start, within.end)` with the spans that fall inside it marked by `mark`;
 * where spans overlap, the first given wins and the others are left unmarked.
 * @example highlight(text, c.span, spansOf(c), (role, words) => `[${words}]`)
 */
export function highlight(
  text: string,
  within: Span,
  spans: readonly RoleSpan[],
  mark: (role: SpanRole, words: string) => string,
): string {
  return segmentsOf(text, within, spans)
    .map((s) => (s.role ? mark(s.role, s.text) : s.text))
    .join('');
}
