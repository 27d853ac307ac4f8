import { type Span, spanOf } from './span.ts';

const PROPER = "(?:[A-Z][A-Za-z'\\u2019.-]*(?:\\s+(?:of|for|the|al|bin)?\\s*[A-Z][A-Za-z'\\u2019.-]*)*)";
const ROLE =
  'spokes(?:man|woman|person)|minister|ministry|official|officials|envoy|negotiator|negotiators|mediator|mediators|diplomat|diplomats|source|sources|commander|representative|army|military|police|agency|agencies|groups|authorities|office|service|council';
// "the UN special envoy Hans Grundberg", "a spokesperson for the ministry", "Lebanese health officials in Beirut"
const SPEAKER = `(?:(?:the|an?)\\s+)?(?:${PROPER}(?:\\s+and\\s+${PROPER})?\\s+)?(?:(?!and\\b|or\\b|but\\b|the\\b|while\\b)[a-z][a-z-]+\\s+){0,2}(?:${ROLE})(?:\\s+(?:for|of|in|from)\\s+(?:the\\s+)?${PROPER})?(?:,?\\s+${PROPER})?`;
const UNNAMED =
  '(?:(?:unnamed|anonymous|two|three|several|senior|western|regional|local|military|security|government|diplomatic|high-ranking|[A-Z][a-z]+(?:i|ian|ese|ish|ican))\\s+)*(?:officials?|sources?|diplomats?|people|persons|negotiators|mediators)(?:\\s+(?:familiar with|close to|briefed on|involved in|with knowledge of|aware of|privy to)\\s+(?:the\\s+)?(?:discussions|talks|negotiations|matter|deal|plan|proposal|situation))';
const SAID =
  '(?:said|says|told|announced|stated|confirmed|claimed|reported|added|warned|insisted)\\b(?!\\s+by)';
const PATTERNS: readonly RegExp[] = [
  // "attributed to Associated Press sources", "according to the health ministry"
  /\b(?:attributed to|according to|citing|cited by|as reported by)\s+((?:[^,.;:()\n](?!\bpoints to\b))+)/g,
  new RegExp(`\\b(${UNNAMED})`, 'g'),
  /\b((?:those|people|sources|officials|someone|a person)\s+close to\s+the\s+(?:talks|negotiations|discussions|mediators))/gi,
  // "..., said X"
  new RegExp(`,\\s*(?:said|told)\\s+(${SPEAKER}|${PROPER})`, 'g'),
  // "X said", "a spokesperson for Y told reporters"
  new RegExp(`\\b(${SPEAKER}|${PROPER})\\s+${SAID}`, 'g'),
  // "Officials said" at a sentence's start
  new RegExp(`^((?:[A-Z][a-z]+\\s+)?(?:${ROLE}))\\s+${SAID}`, 'g'),
];
const NOT_SOURCE = /^(?:it|this|that|he|she|they|the|there|but|and)$/i;
const LEADING =
  /^(?:The|A|An|In|On|During|By|After|Earlier|Later|When|While|Hours|Within|Among|Under)\s+(?=[A-Z])/;

/** Who inside a report says what it says: named and unnamed sources, spokespeople, "according to" phrases. */
export function findSources(text: string, within: Span): Span[] {
  const body = text.slice(within.start, within.end);
  const out: Span[] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
      let group = m[1]!;
      let at = within.start + m.index + m[0].indexOf(group);
      const lead = LEADING.exec(group);
      if (lead) {
        at += lead[0].length;
        group = group.slice(lead[0].length);
      }
      const span = spanOf(text, at, at + group.length);
      if (span.text.length < 2 || NOT_SOURCE.test(span.text)) continue;
      if (out.some((o) => o.start < span.end && span.start < o.end)) continue;
      out.push(span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
