import type { CandidateKind } from './candidate.ts';
import { overlaps, type Span, spanOf } from './span.ts';
import { TRIGGERS } from './triggers.ts';

/** A trigger found in a sentence, with the kind it makes. */
export interface Trigger {
  readonly kind: CandidateKind;
  readonly span: Span;
}

const CLAUSE_BREAK = /,\s|;\s|\s(?:and|but|while|whereas|when|after|before)\s/g;
const SCOPE_BREAK = /;|, and\b|\b(?:but|while|whereas|although|though|however)\b/g;
// How far a trigger's companion words may be ("released ... hostages").
const NEAR = 80;

/** The triggers of a sentence in order; where two overlap, the stronger rule's. A speech verb beside an event is its attribution. */
export function triggersIn(text: string, sentence: Span): Trigger[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: Trigger[] = [];
  for (const rule of TRIGGERS) {
    if (rule.requires && !rule.requires.test(body)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(body); m; m = rule.pattern.exec(body)) {
      const span = spanOf(text, sentence.start + m.index, sentence.start + m.index + m[0].length);
      const around = text.slice(
        Math.max(sentence.start, span.start - NEAR),
        Math.min(sentence.end, span.end + NEAR),
      );
      if (rule.near && !rule.near.test(around)) continue;
      if (!found.some((f) => overlaps(f.span, span))) found.push({ kind: rule.kind, span });
    }
  }
  // "agreed to extend the truce" is an extension, not a new agreement.
  const events = found.filter(
    (f) =>
      f.kind !== 'statement' &&
      !(
        f.kind === 'pause-agreed' &&
        /^\s+to\s+(?:extend|prolong)/i.test(text.slice(f.span.end, f.span.end + 20))
      ),
  );
  const sorted = (events.length > 0 ? events : found).sort((a, b) => a.span.start - b.span.start);
  // Two triggers of one kind in one clause ("handing over ... in a three-day exchange") are one candidate.
  return sorted.filter((t, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.kind !== t.kind) return true;
    CLAUSE_BREAK.lastIndex = 0;
    return CLAUSE_BREAK.test(text.slice(prev.span.end, t.span.start));
  });
}

/** Each trigger's clause: the sentence cut at the last clause break between one trigger and the next, or at the next. */
export function clausesOf(text: string, sentence: Span, triggers: readonly Trigger[]): Span[] {
  // A clause ends where its break starts ("..., and"), and the next begins after the break.
  const starts = [sentence.start];
  const ends: number[] = [];
  for (let i = 1; i < triggers.length; i++) {
    const from = triggers[i - 1]!.span.end;
    const between = text.slice(from, triggers[i]!.span.start);
    let end = triggers[i]!.span.start;
    let start = end;
    CLAUSE_BREAK.lastIndex = 0;
    for (let m = CLAUSE_BREAK.exec(between); m; m = CLAUSE_BREAK.exec(between)) {
      end = from + m.index;
      start = from + m.index + m[0].length;
    }
    ends.push(Math.max(end, starts[starts.length - 1]!));
    starts.push(Math.max(start, starts[starts.length - 1]!));
  }
  ends.push(sentence.end);
  return triggers.map((_, i) => spanOf(text, starts[i]!, ends[i]!));
}

function gap(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** The item closest to the trigger; on a tie, the earlier. */
export function nearest<T extends { span: Span }>(items: readonly T[], trigger: Span): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || gap(item.span, trigger) < gap(best.span, trigger)) best = item;
  return best;
}

/** Where a trigger's modality cue may be: from the last hard break before it ("; but") to the end of its clause. */
export function modalityScope(text: string, sentence: Span, clause: Span, trigger: Span): Span {
  // The cue may sit before the clause ("the aim has been to repel the attack, secure the release").
  const before = text.slice(sentence.start, trigger.start);
  let start = sentence.start;
  SCOPE_BREAK.lastIndex = 0;
  for (let m = SCOPE_BREAK.exec(before); m; m = SCOPE_BREAK.exec(before)) start = sentence.start + m.index;
  return { text: text.slice(start, clause.end), start, end: clause.end };
}
