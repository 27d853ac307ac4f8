import type { Candidate } from '@truce/extract';
import { type Segment, type SpanRole, segmentsOf, spansOf } from '@truce/extract/browser';
import { html } from '../html.ts';

/** What each highlighted role is called; each also has its own underline style, so colour is never the only cue. */
export const ROLE_LABELS: Readonly<Record<SpanRole, string>> = {
  trigger: 'event words',
  when: 'when',
  quantity: 'how many',
  modality: 'how sure',
  actor: 'who acted',
  cohort: 'who is counted',
  goods: 'goods',
  source: 'who said it',
};

/** Text cut into segments, each marked one with its role's underline and a label. */
export function MarkedText({ segments }: { segments: readonly Segment[] }) {
  return html`${segments.map((s) =>
    s.role
      ? html`<mark class="span-role" data-role=${s.role}>${s.text}<span class="role-tag">${ROLE_LABELS[s.role]}</span></mark>`
      : s.text,
  )}`;
}

/** The legend of the highlighting: every role with its style and label. */
export function RoleLegend() {
  return html`<ul class="role-legend" aria-label="What the marks mean" data-testid="legend">
    ${(Object.keys(ROLE_LABELS) as SpanRole[]).map(
      (role) =>
        html`<li><mark class="span-role" data-role=${role}>example<span class="role-tag">${ROLE_LABELS[role]}</span></mark></li>`,
    )}
  </ul>`;
}

/** Longest report shown whole with its marks; a longer one is shown candidate by candidate only. */
const WHOLE_TEXT_LIMIT = 200_000;

/** The whole report with every candidate's spans marked (where two overlap, the first candidate's wins). */
export function HighlightedReport({ text, candidates }: { text: string; candidates: readonly Candidate[] }) {
  if (text.length > WHOLE_TEXT_LIMIT)
    return html`<p class="meta">The report is long (${text.length.toLocaleString('en')} characters): its spans are shown with each candidate below.</p>`;
  const spans = candidates.flatMap((c) => spansOf(c));
  return html`<section aria-labelledby="report-title">
    <h2 id="report-title">The report, with the candidates’ spans marked</h2>
    <${RoleLegend} />
    <div class="report-text" data-testid="report-text">
      <${MarkedText} segments=${segmentsOf(text, { start: 0, end: text.length, text }, spans)} />
    </div>
  </section>`;
}
