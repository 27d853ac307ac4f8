import type { Actor, Candidate, Modality, When } from './candidate.ts';
import { clausesOf, modalityScope, nearest, type Trigger, triggersIn } from './clauses.ts';
import { findActors } from './find-actors.ts';
import { findCohorts } from './find-cohorts.ts';
import { findQuantities } from './find-quantities.ts';
import { findSources } from './find-sources.ts';
import { findDates, findDurations } from './find-when.ts';
import { modalityOf } from './modality.ts';
import { type Span, spanOf } from './span.ts';
import { AGREED_TERMS, GOODS, PROPOSAL, STAGE, WOULD } from './triggers.ts';

/** A candidate before the report-wide attribution is known. */
export interface Draft extends Omit<Candidate, 'attribution'> {
  readonly sentenceSources: readonly Span[];
}

const CASUALTY_UNITS =
  /^(?:people|persons|individuals|civilians|residents|dead|killed|wounded|injured|bodies|children|women|men|minors|soldiers|troops|fighters|militants|combatants|members|police(?:men)?|patients|journalists|aid workers|workers|staff|[A-Z][a-z]+(?:ians|ans|is|ese))$/;

const DAY = 86_400_000;

/**
 * A weekday alone is the nearest such day; what happened (or is denied) took place on or before
 * publication, and what is still to come on or after it.
 */
function byTense(when: When | undefined, modality: Modality, reference: Date): When | undefined {
  if (when?.type !== 'date' || !when.fromWeekday) return when;
  const at = Date.parse(`${when.date}T12:00:00Z`);
  const published = Date.parse(`${reference.toISOString().slice(0, 10)}T12:00:00Z`);
  const past = modality === 'happened' || modality === 'denied';
  const shift = past && at > published ? -7 : !past && at < published ? 7 : 0;
  return shift === 0 ? when : { ...when, date: new Date(at + shift * DAY).toISOString().slice(0, 10) };
}

function goodsIn(text: string, within: Span): Span[] {
  const pattern = new RegExp(GOODS.source, 'gi');
  const body = text.slice(within.start, within.end);
  const out: Span[] = [];
  for (let m = pattern.exec(body); m; m = pattern.exec(body))
    out.push(spanOf(text, within.start + m.index, within.start + m.index + m[0].length));
  return out;
}

function at(text: string, sentence: Span, m: RegExpExecArray): Span {
  return spanOf(text, sentence.start + m.index, sentence.start + m.index + m[0].length);
}

/**
 * The candidates of one sentence, and its sources. A proposal's sentence ("framework", "would" with
 * "stage") is one proposal-term candidate; a deal's terms alone ("under the deal") are one too.
 */
export function readSentence(
  text: string,
  sentence: Span,
  reference: Date,
): { drafts: Draft[]; sources: Span[] } {
  const sources = findSources(text, sentence);
  const body = sentence.text;
  let triggers: Trigger[] = triggersIn(text, sentence);
  const proposal = PROPOSAL.exec(body) ?? (WOULD.test(body) ? STAGE.exec(body) : null);
  const terms = AGREED_TERMS.exec(body);
  if (proposal) triggers = [{ kind: 'proposal-term', span: at(text, sentence, proposal) }];
  else if (terms && triggers.every((t) => t.kind === 'statement'))
    triggers = [{ kind: 'proposal-term', span: at(text, sentence, terms) }];
  if (triggers.length === 0) return { drafts: [], sources };
  const single = triggers[0]!.kind === 'proposal-term';
  const durations = findDurations(text, sentence);
  const dates = findDates(text, sentence, reference, durations);
  const taken = [...dates, ...durations].map((w) => w.span);
  const clauses = single ? [sentence] : clausesOf(text, sentence, triggers);
  const sentenceActors = findActors(text, sentence, sources);
  const drafts: Draft[] = [];
  triggers.forEach((trigger, i) => {
    const clause = clauses[i]!;
    const inClause = <T extends { span: Span }>(items: readonly T[]) =>
      items.filter((x) => x.span.start >= clause.start && x.span.end <= clause.end);
    const quantities = findQuantities(text, clause, taken);
    const quantity =
      trigger.kind === 'casualty-figure'
        ? nearest(
            quantities.filter((q) => q.unit && CASUALTY_UNITS.test(q.unit)),
            trigger.span,
          )
        : nearest(quantities, trigger.span);
    if (trigger.kind === 'casualty-figure' && !quantity) return;
    let actors: Actor[] = inClause(sentenceActors);
    // A later clause with no named actor shares the sentence's subject ("Russia and Ukraine ..., each handing over").
    if (actors.length === 0 && i > 0) actors = sentenceActors.filter((a) => a.span.end <= clauses[0]!.end);
    // Two clauses, two speakers ("Kyiv said ..., while Moscow said ..."): each clause keeps its own.
    const clauseSources = inClause(sources.map((span) => ({ span })));
    if (trigger.kind === 'statement' && !actors.some((a) => a.role === 'person') && sources.length === 0)
      return;
    const scope = single ? sentence : modalityScope(text, sentence, clause, trigger.span);
    let { modality, cue } = modalityOf(text, scope, trigger.span, sentence);
    if (proposal && modality !== 'denied') {
      modality = 'proposed' as Modality;
      cue = trigger.span;
    } else if (terms && (modality === 'proposed' || modality === 'happened')) {
      // A term of a deal already made will happen: planned, not proposed.
      modality = 'planned';
      cue = at(text, sentence, terms);
    }
    const when = byTense(
      nearest(inClause(dates), trigger.span) ?? nearest(inClause(durations), trigger.span),
      modality,
      reference,
    );
    const draft: { -readonly [K in keyof Draft]: Draft[K] } = {
      kind: trigger.kind,
      trigger: trigger.span,
      span: clause,
      modality,
      cohorts: findCohorts(text, clause),
      actors,
      goods: trigger.kind === 'aid-or-supply' ? goodsIn(text, clause) : [],
      sentenceSources: clauseSources.length > 0 ? clauseSources.map((s) => s.span) : sources,
    };
    if (cue) draft.modalityCue = cue;
    if (when) draft.when = when;
    if (quantity) draft.quantity = quantity;
    drafts.push(draft);
  });
  return { drafts, sources };
}
