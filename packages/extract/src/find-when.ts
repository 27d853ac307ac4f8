import * as chrono from 'chrono-node';
import type { DatePrecision, DateValue, When } from './candidate.ts';
import { NUMBER_SOURCE, numberValue } from './number-words.ts';
import { overlaps, type Span, spanOf } from './span.ts';

const DURATION = new RegExp(
  `\\b(?:(?:an?|the|its|their)\\s+)?(?:(?:initial|additional|further|extra|another|first|second|new|full)\\s+)?(${NUMBER_SOURCE})(?:-|\\s+)(day|hour|week|month|year)s?(?!\\s+(?:ago|later|earlier|before|after))(?:[-\\s]long)?(?:\\s+(?:period|pause|truce|ceasefire|cease-fire|extension|phase|window|lull|halt|stage))?\\b`,
  'gi',
);
const UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };
const CLOCK = /\d:\d|\b(?:a\.?m\b|p\.?m\b|noon|midnight|o'clock)/i;
const PART = /^(?:(?:the|early|late)\s+)?(morning|afternoon|evening|night)\s+of\s+/i;
// chrono only sees sentences with a word a date could be made of: a cheap test before a dear parse.
const DATE_WORDS =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|last|next|ago|morning|afternoon|evening|night|noon|midnight|week|month|year)/i;
const LEADING_THE = /\b(?:the|early|late)\s+$/i;

/** Lengths of time ("an initial 30-day period", "two more days"): not dates. */
export function findDurations(text: string, sentence: Span): When[] {
  const out: When[] = [];
  const body = text.slice(sentence.start, sentence.end);
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(body); m; m = DURATION.exec(body)) {
    const n = numberValue(m[1]!);
    const unit = m[2]!.toLowerCase();
    if (n === undefined || n <= 0) continue;
    const days = n * UNIT_DAYS[unit]!;
    const iso = unit === 'hour' ? `PT${n}H` : `P${n}${unit[0]!.toUpperCase()}`;
    const start = sentence.start + m.index;
    out.push({ type: 'duration', iso, days, span: spanOf(text, start, start + m[0].length) });
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateValue(
  c: chrono.ParsedComponents,
  part: DateValue['partOfDay'] | undefined,
  casual: boolean,
): DateValue {
  const y = c.get('year')!;
  const m = c.get('month')!;
  const d = c.get('day')!;
  const clock = c.isCertain('hour');
  const dayKnown = c.isCertain('day') || c.isCertain('weekday') || casual;
  let precision: DatePrecision = clock
    ? 'minute'
    : dayKnown
      ? 'day'
      : c.isCertain('month')
        ? 'month'
        : 'year';
  if (part && precision === 'day') precision = 'part-of-day';
  const date =
    precision === 'year' ? `${y}` : precision === 'month' ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  const value: { -readonly [K in keyof DateValue]: DateValue[K] } = { date, precision };
  if (part) value.partOfDay = part;
  if (clock) value.time = `${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
  if (c.isCertain('weekday') && !c.isCertain('day')) value.fromWeekday = true;
  return value;
}

function parseAt(body: string, reference: Date): chrono.ParsedResult[] {
  return chrono.parse(body, { instant: reference, timezone: 0 }, { forwardDate: false });
}

/**
 * Dates and intervals in one sentence, resolved against the publication date; a part of day ("the
 * morning of December 1") sharpens the precision, and numbers read as clock times without a clock
 * cue are not times.
 */
export function findDates(text: string, sentence: Span, reference: Date, durations: readonly When[]): When[] {
  const out: When[] = [];
  const body = text.slice(sentence.start, sentence.end);
  if (!DATE_WORDS.test(body)) return out;
  for (const r of parseAt(body, reference)) {
    let offset = r.index;
    let result: chrono.ParsedResult | undefined = r;
    let part: DateValue['partOfDay'] | undefined;
    const partMatch = PART.exec(r.text);
    if (partMatch) {
      part = partMatch[1]!.toLowerCase() as DateValue['partOfDay'];
      const rest = r.text.slice(partMatch[0].length);
      result = parseAt(rest, reference)[0];
      if (result) offset = r.index + partMatch[0].length + result.index;
    } else if (r.start.isCertain('hour') && !CLOCK.test(r.text)) {
      const trimmed = r.text.replace(/[,\s]+\d+$/, '');
      result = trimmed === r.text ? undefined : parseAt(trimmed, reference)[0];
      if (result) offset = r.index + result.index;
    }
    if (!result) continue;
    const c = result.start;
    // A clock time with no day ("at midnight"), or a year read from "five years", is not a date.
    if (
      !c.isCertain('day') &&
      !c.isCertain('weekday') &&
      !c.isCertain('month') &&
      !/CasualDate/.test([...c.tags()].join(' '))
    )
      continue;
    if (
      !c.isCertain('month') &&
      !c.isCertain('day') &&
      !c.isCertain('weekday') &&
      !/\b\d{4}\b/.test(result.text)
    )
      continue;
    let start = sentence.start + (part ? r.index : offset);
    // "on Sunday", "at noon": the date is the words after the preposition.
    const preposition = part ? null : /^(?:on|at|in|by)\s+/i.exec(text.slice(start, start + 4));
    if (preposition) start += preposition[0].length;
    const end = sentence.start + offset + result.text.length;
    const before = LEADING_THE.exec(
      body.slice(Math.max(0, start - sentence.start - 8), start - sentence.start),
    );
    if (part && before) start -= before[0].length;
    if (!part && /casual/i.test([...result.start.tags()].join(' ')) && /\bnight\b/i.test(result.text))
      part = 'night';
    const span = spanOf(text, start, end);
    if (durations.some((d) => overlaps(d.span, span))) continue;
    if (/^\d+$/.test(span.text)) continue;
    const casual = [...result.start.tags()].some((t) => /Casual/i.test(t));
    const from = dateValue(result.start, part, casual);
    if (result.end) out.push({ type: 'interval', from, to: dateValue(result.end, undefined, casual), span });
    else out.push({ type: 'date', ...from, span });
  }
  return out;
}
