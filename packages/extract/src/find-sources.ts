import { type Span, spanOf } from './span.ts';

const PROPER = "(?:[A-Z][A-Za-z'\\u2019.-]*(?:\\s+(?:of|for|the|al|bin)?\\s*[A-Z][A-Za-z'\\u2019.-]*)*)";
const TITLED = `(?:(?:the\\s+|an?\\s+)?(?:${PROPER}\\s+)?(?:spokes(?:man|woman|person)|minister|official|envoy|negotiator|mediator|diplomat|source|commander|representative)(?:\\s+for\\s+(?:the\\s+)?${PROPER})?(?:,?\\s+${PROPER})?)`;
const UNNAMED =
  '(?:(?:unnamed|anonymous|two|three|several|senior|western|regional|local|military|security|government|diplomatic|high-ranking|[A-Z][a-z]+(?:i|ian|ese|ish|ican))\\s+)*(?:officials?|sources?|diplomats?|people|persons|negotiators|mediators)(?:\\s+(?:familiar with|close to|briefed on|involved in|with knowledge of|aware of|privy to)\\s+(?:the\\s+)?(?:discussions|talks|negotiations|matter|deal|plan|proposal|situation))';
const PATTERNS: readonly RegExp[] = [
  // "attributed to Associated Press sources", "according to the health ministry"
  /\b(?:attributed to|according to|citing|cited by|as reported by)\s+((?:[^,.;:()\n](?!\bpoints to\b))+)/g,
  new RegExp(`\\b(${UNNAMED})`, 'g'),
  /\b((?:those|people|sources|officials|someone|a person)\s+close to\s+the\s+(?:talks|negotiations|discussions|mediators))/gi,
  // "X said", "a spokesperson for Y told reporters"
  new RegExp(
    `(${TITLED}|${PROPER})\\s+(?:said|says|told|announced|stated|confirmed|denied|claimed|reported|added|warned|insisted|declared)\\b`,
    'g',
  ),
  // "..., said X"
  new RegExp(`,\\s*(?:said|according to|told)\\s+(${TITLED}|${PROPER})`, 'g'),
];
const NOT_SOURCE = /^(?:it|this|that|he|she|they|the|officials?|there|but|and)$/i;

/** Who inside a report says what it says: named and unnamed sources, spokespeople, "according to" phrases. */
export function findSources(text: string, within: Span): Span[] {
  const body = text.slice(within.start, within.end);
  const out: Span[] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
      const group = m[1]!;
      const at = within.start + m.index + m[0].indexOf(group);
      const span = spanOf(text, at, at + group.length);
      if (span.text.length < 3 || NOT_SOURCE.test(span.text)) continue;
      if (
        /^(?:The|A|An|In|On|During|By|After|Earlier|Later|When|While)$/.test(span.text.split(/\s+/)[0]!) &&
        !/\s/.test(span.text)
      )
        continue;
      if (out.some((o) => o.start < span.end && span.start < o.end)) continue;
      out.push(span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
