import type { Actor, Candidate, CandidateKind, Modality, Quantity, When } from './candidate.ts';
import { findActors } from './find-actors.ts';
import { findCohorts } from './find-cohorts.ts';
import { findQuantities } from './find-quantities.ts';
import { findSources } from './find-sources.ts';
import { findDates, findDurations } from './find-when.ts';
import { checkInput, type ExtractionNote } from './input-checks.ts';
import { modalityOf } from './modality.ts';
import { toPlainText } from './plain-text.ts';
import { splitSentences } from './sentences.ts';
import { overlaps, type Span, spanOf } from './span.ts';
import { GOODS, PROPOSAL, STAGE, TRIGGERS, WOULD } from './triggers.ts';

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

interface Trigger {
  readonly kind: CandidateKind;
  readonly span: Span;
}

const CLAUSE_BREAK = /,\s|;\s|\s(?:and|but|while|whereas|when|after|before)\s/g;
const SCOPE_BREAK = /;|\b(?:but|while|whereas|although|though|however)\b/g;
const CASUALTY_UNITS =
  /^(?:people|persons|individuals|civilians|residents|dead|killed|wounded|injured|bodies|children|women|men|minors|soldiers|troops|fighters|militants|combatants|members|police(?:men)?|patients|journalists|aid workers|workers|staff|[A-Z][a-z]+(?:ians|ans|is|ese))$/;
// How far a trigger's companion words may be ("released ... hostages").
const NEAR = 80;
const SPEECH_BY = /^(?:person)$/;

function referenceOf(published: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(published) ? `${published}T12:00:00Z` : published;
  const date = new Date(day);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`published must be a date such as 2023-12-02, not \`${published}\``);
  return date;
}

function triggersIn(text: string, sentence: Span): Trigger[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: Trigger[] = [];
  for (const rule of TRIGGERS) {
    if (rule.requires && !rule.requires.test(body)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(body); m; m = rule.pattern.exec(body)) {
      const span = spanOf(text, sentence.start + m.index, sentence.start + m.index + m[0].length);
      if (
        rule.near &&
        !rule.near.test(
          text.slice(Math.max(sentence.start, span.start - NEAR), Math.min(sentence.end, span.end + NEAR)),
        )
      )
        continue;
      if (!found.some((f) => overlaps(f.span, span))) found.push({ kind: rule.kind, span });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Each trigger's clause: the sentence cut at the last clause break between one trigger and the next. */
function segmentsOf(text: string, sentence: Span, triggers: readonly Trigger[]): Span[] {
  const cuts = [sentence.start];
  for (let i = 1; i < triggers.length; i++) {
    const from = triggers[i - 1]!.span.end;
    const to = triggers[i]!.span.start;
    const between = text.slice(from, to);
    let cut = to;
    CLAUSE_BREAK.lastIndex = 0;
    for (let m = CLAUSE_BREAK.exec(between); m; m = CLAUSE_BREAK.exec(between)) cut = from + m.index;
    cuts.push(Math.max(cut, cuts[cuts.length - 1]!));
  }
  cuts.push(sentence.end);
  return triggers.map((_, i) => spanOf(text, cuts[i]!, cuts[i + 1]!));
}

/** The first item after the trigger, else the last before it. */
function nearest<T extends { span: Span }>(items: readonly T[], trigger: Span): T | undefined {
  return (
    items.find((i) => i.span.start >= trigger.start) ?? items.filter((i) => i.span.end <= trigger.start).pop()
  );
}

function modalityScope(text: string, sentence: Span, segment: Span, trigger: Span): Span {
  const before = text.slice(sentence.start, trigger.start);
  let start = sentence.start;
  SCOPE_BREAK.lastIndex = 0;
  for (let m = SCOPE_BREAK.exec(before); m; m = SCOPE_BREAK.exec(before)) start = sentence.start + m.index;
  return { text: '', start: Math.min(start, segment.start), end: segment.end };
}

function goodsIn(text: string, within: Span): Span[] {
  const pattern = new RegExp(GOODS.source, 'gi');
  const body = text.slice(within.start, within.end);
  const out: Span[] = [];
  for (let m = pattern.exec(body); m; m = pattern.exec(body))
    out.push(spanOf(text, within.start + m.index, within.start + m.index + m[0].length));
  return out;
}

interface Draft extends Omit<Candidate, 'attribution'> {
  readonly sentenceSources: readonly Span[];
}

function readSentence(text: string, sentence: Span, reference: Date): { drafts: Draft[]; sources: Span[] } {
  const sources = findSources(text, sentence);
  const body = sentence.text;
  let triggers = triggersIn(text, sentence);
  const proposal = PROPOSAL.exec(body) ?? (WOULD.test(body) ? STAGE.exec(body) : null);
  if (proposal) {
    const at = sentence.start + proposal.index;
    triggers = [{ kind: 'proposal-term', span: spanOf(text, at, at + proposal[0].length) }];
  }
  if (triggers.length === 0) return { drafts: [], sources };
  const durations = findDurations(text, sentence);
  const dates = findDates(text, sentence, reference, durations);
  const whens: When[] = [...dates, ...durations].sort((a, b) => a.span.start - b.span.start);
  const taken = whens.map((w) => w.span);
  const segments = proposal ? [sentence] : segmentsOf(text, sentence, triggers);
  const sentenceActors = findActors(text, sentence, sources);
  const drafts: Draft[] = [];
  triggers.forEach((trigger, i) => {
    const segment = segments[i]!;
    const inSegment = <T extends { span: Span }>(items: readonly T[]) =>
      items.filter((x) => x.span.start >= segment.start && x.span.end <= segment.end);
    const quantities = findQuantities(text, segment, taken);
    let quantity: Quantity | undefined = nearest(quantities, trigger.span);
    const goods = trigger.kind === 'aid-or-supply' ? goodsIn(text, segment) : [];
    if (trigger.kind === 'casualty-figure') {
      quantity = nearest(
        quantities.filter((q) => q.unit && CASUALTY_UNITS.test(q.unit)),
        trigger.span,
      );
      if (!quantity) return;
    }
    let actors: Actor[] = inSegment(sentenceActors);
    if (actors.length === 0 && !proposal) actors = sentenceActors;
    if (trigger.kind === 'statement' && !actors.some((a) => SPEECH_BY.test(a.role)) && sources.length === 0)
      return;
    const scope = proposal ? sentence : modalityScope(text, sentence, segment, trigger.span);
    let { modality, cue } = modalityOf(text, scope, trigger.span);
    if (proposal && modality !== 'denied') {
      modality = 'proposed' as Modality;
      cue = trigger.span;
    }
    const when = nearest(inSegment(whens), trigger.span);
    const draft: { -readonly [K in keyof Draft]: Draft[K] } = {
      kind: trigger.kind,
      trigger: trigger.span,
      span: segment,
      modality,
      cohorts: findCohorts(text, segment),
      actors,
      goods,
      sentenceSources: sources,
    };
    if (cue) draft.modalityCue = cue;
    if (when) draft.when = when;
    if (quantity) draft.quantity = quantity;
    drafts.push(draft);
  });
  return { drafts, sources };
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
  for (const sentence of splitSentences(text)) {
    const read = readSentence(text, sentence, reference);
    drafts.push(...read.drafts);
    if (read.drafts.length === 0) reportSources.push(...read.sources);
  }
  const outlet = options.outlet === undefined ? {} : { outlet: options.outlet };
  const url = options.url === undefined ? {} : { url: options.url };
  const candidates: Candidate[] = drafts.map(({ sentenceSources, ...draft }) => ({
    ...draft,
    attribution: {
      ...outlet,
      ...url,
      sources:
        sentenceSources.length > 0
          ? sentenceSources.map((span) => ({ scope: 'sentence' as const, span }))
          : reportSources.map((span) => ({ scope: 'report' as const, span })),
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
