import type { Qualifier, Quantity } from './candidate.ts';
import { NUMBER_SOURCE, numberValue } from './number-words.ts';
import { type Span, spanOf } from './span.ts';

const QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/^(?:at least|no fewer than|no less than|a minimum of)$/i, 'at-least'],
  [/^(?:more than|over|upwards of|in excess of|above)$/i, 'more-than'],
  [
    /^(?:about|around|roughly|approximately|some|nearly|almost|an estimated|close to|an? approximate)$/i,
    'about',
  ],
  [/^(?:up to|fewer than|less than|under|at most|no more than)$/i, 'at-most'],
  [/^(?:a total of|exactly|precisely)$/i, 'exact'],
];
const QUALIFIER_SOURCE =
  'at least|no fewer than|no less than|a minimum of|more than|(?<!(?:hand|handed|handing|hands|taken|took|turned|turning)\\s)over|upwards of|in excess of|above|about|around|roughly|approximately|some|nearly|almost|an estimated|close to|up to|fewer than|less than|under|at most|no more than|a total of|exactly|precisely';

/** Vague amounts, read as ranges. The bounds are this project's convention, written in docs/extraction.md. */
const VAGUE: Record<string, readonly [number, number]> = {
  'a few': [2, 5],
  'a handful of': [2, 6],
  several: [3, 9],
  dozens: [24, 99],
  scores: [40, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  'tens of thousands': [20_000, 99_999],
  'hundreds of thousands': [200_000, 999_999],
  millions: [2_000_000, 9_999_999],
};
const VAGUE_SOURCE =
  'tens of thousands|hundreds of thousands|a handful of|a few|several|dozens|scores|hundreds|thousands|millions';

/** Nouns that are counted in ceasefire reports. */
export const UNIT_SOURCE =
  'hostages|captives|abductees|prisoners(?: of war)?|POWs|detainees|servicem[ae]n|servicemembers|peacekeepers|people|persons|individuals|civilians|residents|families|patients|journalists|aid workers|workers|staff|fighters|militants|members|combatants|troops|soldiers|officers|police(?:men)?|supporters|protesters|children|women|men|minors|teenagers|boys|girls|elderly|wounded|injured|dead|bodies|remains|nationals|citizens|trucks|lorries|tonnes|tons|litres|liters|gallons|pallets|convoys|rockets|missiles|drones|shells|projectiles|mortars|strikes|airstrikes|violations|incidents|[A-Z][a-z]+(?:ians|ans|is|ese)';

const QUANTITY = new RegExp(
  `\\b(?:(${QUALIFIER_SOURCE})\\s+)?(?:(${VAGUE_SOURCE})|(${NUMBER_SOURCE}))(?:\\s+of)?((?:\\s+(?!and\\b|or\\b|were\\b|was\\b|had\\b|have\\b|has\\b|in\\b|on\\b|by\\b|to\\b|from\\b|at\\b|the\\b)[A-Za-z'\\u2019-]+){0,2}?)\\s+(${UNIT_SOURCE})\\b`,
  'g',
);

function qualifierOf(words: string | undefined): Qualifier {
  if (!words) return 'exact';
  for (const [pattern, qualifier] of QUALIFIERS)
    if (pattern.test(words.replace(/\s+/g, ' '))) return qualifier;
  return 'exact';
}

/** Counted things in a span of text ("more than 200 hostages", "thousands of supporters"), each with its qualifier. */
export function findQuantities(text: string, within: Span, taken: readonly Span[]): Quantity[] {
  const out: Quantity[] = [];
  // "Three women", "About 200 trucks" at a sentence's start: match the first word in lower case (same length).
  const body = text.slice(within.start, within.end).replace(/^[A-Z][a-z]+/, (w) => w.toLowerCase());
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(body); m; m = QUANTITY.exec(body)) {
    const start = within.start + m.index;
    const span: Span = spanOf(text, start, start + m[0].length);
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    const unit = m[5]!;
    if (m[2]) {
      const [min, max] = VAGUE[m[2].toLowerCase()]!;
      out.push({ value: min, min, max, qualifier: 'range', unit, span });
      continue;
    }
    // A lone "a"/"an" is not a count ("a ceasefire"); years are not counts.
    if (/^an?$/i.test(m[3]!)) continue;
    const value = numberValue(m[3]!);
    if (value === undefined) continue;
    if (/^(?:1[89]|20)\d\d$/.test(m[3]!) && !m[1]) continue;
    out.push({ value, min: value, max: value, qualifier: qualifierOf(m[1]), unit, span });
  }
  return out;
}
