import type { Modality } from './candidate.ts';
import { type Span, spanOf } from './span.ts';

// Strongest first: a denial or a condition outweighs a hope or a plan in the same clause.
const CUES: readonly [Modality, RegExp][] = [
  [
    'denied',
    /\b(?:denied|denies|deny|denying|rejected (?:reports|claims)|dismissed (?:reports|claims)|refuted|did not|didn't|has not|hasn't|have not|haven't|had not|was not|were not|never|no longer)\b/gi,
  ],
  [
    'conditional',
    /\b(?:if|unless|provided that|on condition that|as long as|conditional on|depending on|subject to|for every|for each)\b/gi,
  ],
  [
    'hoped',
    /\b(?:hope|hopes|hoped|hoping|hopeful|wish|wishes|aspire|optimistic|efforts?|seek|seeks|seeking|sought|call(?:ed|s)? for|urged|urges|demand(?:ed|s)?|pushing for|pressing for)\b/gi,
  ],
  [
    'proposed',
    /\b(?:would|proposal|proposals|proposed|proposes|propose|framework|draft|offered|offer|suggested|put forward|floated|could|might|potential|envisag\w+)\b/gi,
  ],
  [
    'planned',
    /\b(?:will|shall|is to|are to|was to|were to|scheduled|expected to|set to|plans? to|planned|planning|aims?|aimed|objective|intends?|intended|due to|going to|commitment|committed to|pledged|vowed|agreed to (?!(?:a|an|the|terms|this|its|their)\b)|to be)\b/gi,
  ],
];
// "no airstrikes", "not released": a negation right before the trigger.
const NEGATED = /\b(?:no|not|never)\s+(?:\w+\s+)?$/i;
// "..., which Moscow denied", "a claim Tehran denied": a denial after the trigger, in the sentence.
const DENIED_AFTER =
  /\b(?:which|a claim|claims|an accusation|accusations|allegations?|reports)\s+(?:that\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:has |have |had )?(?:denied|rejected|dismissed)\b|^[^,;]{0,20}?\b(?:was|were) denied\b/;

/**
 * The modality of a trigger: the strongest cue before it in its scope, a negation just before it, or a
 * denial after it in the sentence; else happened.
 */
export function modalityOf(
  text: string,
  scope: Span,
  trigger: Span,
  sentence: Span = scope,
): { modality: Modality; cue?: Span } {
  const before = text.slice(scope.start, trigger.start);
  const negated = NEGATED.exec(before);
  if (negated) return { modality: 'denied', cue: spanOf(text, scope.start + negated.index, trigger.start) };
  const after = text.slice(trigger.end, sentence.end);
  const denial = DENIED_AFTER.exec(after);
  if (denial)
    return {
      modality: 'denied',
      cue: spanOf(text, trigger.end + denial.index, trigger.end + denial.index + denial[0].length),
    };
  for (const [modality, pattern] of CUES) {
    pattern.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = pattern.exec(before); m; m = pattern.exec(before)) last = m;
    if (last)
      return {
        modality,
        cue: spanOf(text, scope.start + last.index, scope.start + last.index + last[0].length),
      };
  }
  return { modality: 'happened' };
}
