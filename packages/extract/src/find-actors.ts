import type { Actor } from './candidate.ts';
import { overlaps, type Span, spanOf } from './span.ts';

// Capitalised words that start sentences or name times, not parties.
const NOT_NAMES = new Set(
  `a an the this that these those there then they them their it its he she his her we our you i in on at by of for to from with
  during earlier later after before when while since as but and or yet so also meanwhile however although though under over
  according despite following amid if unless once until some many most several all both each either neither no not on
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
  november december today yesterday tomorrow last next first second third initial talks ceasefire truce pause reports report
  officials sources negotiators mediators people residents witnesses aid humanitarian separately elsewhere still now who what
  where which why how other another such these prime minister president foreign defence defense interior chief spokesperson
  spokesman spokeswoman general among within hours days about nearly almost around some one two three four five six
  seven eight nine ten eleven twelve twenty thirty forty fifty hundreds thousands dozens under previous both health local
  monitors residents families under-`.split(/\s+/),
);
// Feasts that name truces ("an Easter truce"), not parties.
const HOLIDAY = /\b(?:Easter|Christmas|Ramadan|Eid|Hanukkah|Passover|Nowruz|New Year|Tet|Diwali)\b/;
const TITLES =
  /\b(?:Prime Minister|President|Vice President|Foreign Minister|Defen[cs]e Minister|Minister|Secretary of State|Secretary-General|Secretary General|Secretary|Ambassador|Envoy|Special Envoy|General|Gen\.|Colonel|Col\.|King|Emir|Sheikh|Chancellor|Senator|Spokes(?:man|woman|person)|Commander|Chief of Staff|Mayor|Governor|Ayatollah)\s+$/;
const GROUP_NOUNS =
  'forces|army|military|troops|government|authorities|officials|negotiators|mediators|delegation|delegates|militants|fighters|police|navy|leadership|cabinet|administration|side';
const NAME =
  /(?:al-|el-)?[A-Z][A-Za-z'\u2019.-]*(?:\s+(?:of|for|the|al|bin|ibn|de|la|van|von)?\s*(?:al-|el-)?[A-Z][A-Za-z'\u2019.-]*)*/g;
const PLACE_BEFORE =
  /\b(?:in|into|inside|within|across|throughout|near|toward|towards|at|through|entered|reached)\s+(?:the\s+)?$/i;
const MEDIATOR_BEFORE =
  /\b(?:mediated by|brokered by|facilitated by|with the help of|mediators? (?:from|in)|mediation (?:of|by)|talks hosted by|hosted by)\s+(?:the\s+)?$/i;
const MEDIATOR_AFTER = /^[-\s]+(?:mediators?|brokered|mediated|negotiators)\b/i;
const DEMONYM = /(?:[^aeiou]i|ian|ean|ese|ish|ican)$/;

function trimPossessive(text: string): string {
  return text.replace(/(?:['\u2019]s?)$/, '');
}

/** Named parties, people and mediators in a span: capitalised names, with a title for people, minus places and times. */
export function findActors(text: string, within: Span, exclude: readonly Span[]): Actor[] {
  const out: Actor[] = [];
  const body = text.slice(within.start, within.end);
  NAME.lastIndex = 0;
  for (let m = NAME.exec(body); m; m = NAME.exec(body)) {
    let words = m[0].split(/(\s+)/);
    let offset = m.index;
    // Drop leading words that are not names ("During", "Earlier", "The").
    while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase().replace(/[.,]$/, ''))) {
      offset += words[0]!.length + (words[1]?.length ?? 0);
      words = words.slice(2);
    }
    while (
      words.length > 0 &&
      /^(?:of|for|the|and|al|bin|ibn|de|la|van|von)$/i.test(words[words.length - 1]!)
    )
      words = words.slice(0, -2);
    if (words.length === 0) continue;
    // "UN-brokered" names the UN; a compound's lower-case tail is not part of the name.
    let name = trimPossessive(words.join('')).replace(/-[a-z][\w-]*$/, '');
    if (name.length < 2 || /^[A-Z][a-z]?\.?$/.test(name) || HOLIDAY.test(name)) continue;
    let start = within.start + offset;
    let end = start + name.length;
    const before = text.slice(Math.max(within.start, start - 40), start);
    const after = text.slice(end, Math.min(within.end, end + 30));
    const title = TITLES.exec(before);
    let role: Actor['role'] = 'party';
    // "13 Israelis", "10 Thai nationals": counted people, not a party.
    if (/\d\s+$/.test(before) || /^\s+(?:nationals|citizens)\b/.test(after)) continue;
    if (title) {
      role = 'person';
      start -= title[0].length;
      name = text.slice(start, end);
    } else if (MEDIATOR_BEFORE.test(before)) role = 'mediator';
    else if (PLACE_BEFORE.test(before)) continue;
    else if (MEDIATOR_AFTER.test(after)) role = 'mediator';
    if (role === 'party' && DEMONYM.test(name) && !/\s/.test(name)) {
      // "Israeli forces" names a party; "Israeli soldiers" names a cohort, not an actor.
      const group = new RegExp(`^\\s+(${GROUP_NOUNS})\\b`).exec(after);
      if (!group) continue;
      end += group[0].length;
      name = text.slice(start, end);
    }
    const span = spanOf(text, start, end);
    if (exclude.some((e) => overlaps(e, span))) continue;
    if (!out.some((a) => a.name === span.text)) out.push({ name: span.text, role, span });
  }
  return out;
}
