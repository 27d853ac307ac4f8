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
    /\b(?:if|unless|provided that|on condition that|as long as|conditional on|depending on|subject to)\b/gi,
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
    /\b(?:will|shall|is to|are to|was to|were to|scheduled|expected to|set to|plans? to|planned|planning|aims?|aimed|objective|intends?|intended|due to|going to|commitment|committed to|pledged|vowed|agreed to|to be)\b/gi,
  ],
];

/** The modality of a trigger in its clause: the strongest cue before it (a denial may also follow it), else happened. */
export function modalityOf(text: string, clause: Span, trigger: Span): { modality: Modality; cue?: Span } {
  const before = text.slice(clause.start, trigger.start);
  const after = text.slice(trigger.end, clause.end);
  for (const [modality, pattern] of CUES) {
    pattern.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = pattern.exec(before); m; m = pattern.exec(before)) last = m;
    if (last)
      return {
        modality,
        cue: spanOf(text, clause.start + last.index, clause.start + last.index + last[0].length),
      };
    if (modality === 'denied') {
      pattern.lastIndex = 0;
      const m = /^[^,;]{0,20}?\b(?:was|were) denied\b/i.exec(after);
      if (m) return { modality, cue: spanOf(text, trigger.end + m.index, trigger.end + m[0].length) };
    }
  }
  return { modality: 'happened' };
}
