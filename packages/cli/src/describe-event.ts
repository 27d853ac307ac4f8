import { type Figure, formatInstant, formatReadable, type LedgerEvent } from '@truce/core';
import { describeDuration } from './readable-time.ts';

// One formatter for every figure: building one per number was most of the cost of a long timeline.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `13`, or `13 (10–15)` when the report gives a range; thousands grouped, at most two decimals. */
export function figure(f: Figure): string {
  const best = NUMBER.format(f.best);
  return f.low === f.best && f.high === f.best
    ? best
    : `${best} (${NUMBER.format(f.low)}–${NUMBER.format(f.high)})`;
}

// Events share their minutes (a day's reports, a batch of releases): each is turned to local time once.
const LOCAL = new Map<string, string>();

/** `formatInstant`, remembered for the last 100,000 instants asked. */
export function localInstant(ms: number, zone: string): string {
  const key = `${zone} ${ms}`;
  let text = LOCAL.get(key);
  if (text === undefined) {
    if (LOCAL.size >= 100_000) LOCAL.clear();
    text = formatInstant(ms, zone);
    LOCAL.set(key, text);
  }
  return text;
}

const clock = (ms: number, zone: string) => localInstant(ms, zone).slice(11, 16);
const localDate = (ms: number, zone: string) => localInstant(ms, zone).slice(0, 10);
const shortDay = (ms: number, zone: string) => formatReadable(ms, zone).split(' ').slice(0, 3).join(' ');

/**
 * When an event happened, as precisely as it was written, in the zone: `07:00`, `16:00–16:59` (an hour),
 * `that day` (a date), `16:00–23:59`, or `to Wed 29 Nov` for a span of days.
 */
export function occurredLabel(e: LedgerEvent, zone: string): string {
  const start = e.occurredStart;
  if (e.occurredEnd - start <= 60_000) return clock(start, zone);
  const last = Math.max(start, e.occurredEnd - 60_000);
  const sameDay = localDate(start, zone) === localDate(last, zone);
  if (e.precision === 'day' || e.precision === 'month') {
    if (sameDay && clock(start, zone) === '00:00' && clock(last, zone) === '23:59') return 'that day';
    return `to ${shortDay(last, zone)}`;
  }
  return sameDay
    ? `${clock(start, zone)}–${clock(last, zone)}`
    : `${clock(start, zone)} to ${shortDay(last, zone)}`;
}

const quoted = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
};

/** What an event says, in a line: `hamas released 13 hostages-women-children`, `pause extended by 2 days`. */
export function describeEvent(e: LedgerEvent): string {
  switch (e.type) {
    case 'release':
      return `${e.party} released ${e.released.map((r) => `${figure(r)} ${r.cohort}`).join(' and ')}`;
    case 'aid-delivery':
      return `${figure(e.quantity)} ${e.item} delivered${e.area ? ` to ${e.area}` : ''}${e.party ? ` (owed by ${e.party})` : ''}`;
    case 'violation': {
      const what = e.activity ?? e.obligation ?? 'a violation';
      const by = e.reportedBy ? `, reported by ${e.reportedBy}` : '';
      return `violation reported against ${e.party}: ${what}${e.area ? ` in ${e.area}` : ''}${by}`;
    }
    case 'phase-started':
      return `${e.phase} started`;
    case 'phase-extended':
      return `${e.phase} extended by ${describeDuration(e.byText)}`;
    case 'phase-ended':
      return `${e.phase} ended (${e.reason})`;
    case 'phase-collapsed':
      return `${e.phase} collapsed${e.blamedOn.length ? `, blamed on ${e.blamedOn.join(' and ')}` : ''}`;
    case 'talks-held':
      return `talks${e.parties.length ? ` between ${e.parties.join(', ')}` : ''}${e.topic ? `: ${e.topic}` : ''}`;
    case 'list-handed-over':
      return `${e.party} handed over a list${e.count ? ` of ${figure(e.count)}` : ''}${e.to ? ` to ${e.to}` : ''}`;
    case 'withdrawal':
      return `${e.party} withdrew from ${e.area}`;
    case 'statement': {
      const who = e.party ?? 'statement';
      const claim = e.claim ? ` (claims ${figure(e.claim.value)} released)` : '';
      return `${who}: ${e.text ? quoted(e.text) : 'a statement'}${claim}`;
    }
    case 'suspension':
      return `${e.obligations.join(', ')} suspended${e.by ? ` by ${e.by}` : ''}`;
    case 'correction':
      return `corrects ${e.supersedes}: ${describeEvent(e.replacement)}`;
    case 'retraction':
      return `retracts ${e.supersedes}`;
  }
}
