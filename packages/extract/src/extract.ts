import type { Candidate } from './candidate.ts';
import { checkInput, type ExtractionNote } from './input-checks.ts';
import { toPlainText } from './plain-text.ts';
import { type Draft, readSentence } from './read-sentence.ts';
import { splitSentences } from './sentences.ts';
import type { Span } from './span.ts';

/** What the extractor knows about a report besides its words. */
export interface ExtractOptions {
  /** Publication date, `YYYY-MM-DD` or an ISO time: relative dates ("Wednesday") are resolved against it. */
  readonly published: string;
  readonly outlet?: string;
  readonly url?: string;
}

/** The candidates read from one report. Every span refers to `text`, the report as plain text. */
export interface Extraction {
  /** The plain text the spans index: the input itself, or for HTML the text with the page furniture removed. */
  readonly text: string;
  readonly format: 'text' | 'html';
  readonly published: string;
  readonly candidates: readonly Candidate[];
  readonly notes: readonly ExtractionNote[];
}

function referenceOf(published: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(published) ? `${published}T12:00:00Z` : published;
  const date = new Date(day);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`published must be a date such as 2023-12-02, not \`${published}\``);
  return date;
}

/**
 * Reads a news report into candidate events and claims, each field with its span over the plain text.
 * Deterministic; nothing is fetched. Input that cannot be read gives no candidates and a note saying why.
 * @example extract(report, { published: '2023-12-02', outlet: 'Example Wire' }).candidates[0]?.kind
 */
export function extract(input: string, options: ExtractOptions): Extraction {
  const reference = referenceOf(options.published);
  const { text, format } = toPlainText(input);
  const base = { text, format, published: options.published };
  const problem = checkInput(text);
  if (problem) return { ...base, candidates: [], notes: [problem] };
  const drafts: Draft[] = [];
  const reportSources: Span[] = [];
  const seen = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const read = readSentence(text, sentence, reference);
    drafts.push(...read.drafts);
    // A source said once for the report; the same words again add nothing (and a long input repeats them).
    if (read.drafts.length === 0)
      for (const source of read.sources)
        if (!seen.has(source.text.toLowerCase())) {
          seen.add(source.text.toLowerCase());
          reportSources.push(source);
        }
  }
  const outlet = options.outlet === undefined ? {} : { outlet: options.outlet };
  const url = options.url === undefined ? {} : { url: options.url };
  const shared = reportSources.map((span) => ({ scope: 'report' as const, span }));
  const candidates: Candidate[] = drafts.map(({ sentenceSources, ...draft }) => ({
    ...draft,
    attribution: {
      ...outlet,
      ...url,
      sources:
        sentenceSources.length > 0
          ? sentenceSources.map((span) => ({ scope: 'sentence' as const, span }))
          : shared,
    },
  }));
  const notes: ExtractionNote[] =
    candidates.length === 0
      ? [
          {
            code: 'no-candidates',
            message: 'no releases, pauses, proposals, aid, violations or figures were found',
          },
        ]
      : [];
  return { ...base, candidates, notes };
}
