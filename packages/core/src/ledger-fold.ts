import type { BoundedList } from './bounded-list.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { MinuteSeries } from './minute-series.ts';
import { type Evidence, statusReason } from './select-evidence.ts';
import type { EvidencePolicy } from './status.ts';

type Release = Extract<LedgerEvent, { type: 'release' }>;
type Aid = Extract<LedgerEvent, { type: 'aid-delivery' }>;

/** An obligation's interest in releases of one cohort: which party's, from when, and its two lists. */
export interface ReleaseWatch {
  readonly cohort: string;
  readonly party: string;
  /** `same`: releases by `party`; `other`: releases by anyone else. */
  readonly match: 'same' | 'other';
  readonly start: number;
  readonly counted: BoundedList;
  readonly excluded: BoundedList;
  readonly note?: string;
  readonly beforeReason: string;
  readonly outsideReason: string;
}

/** A rate obligation's interest in deliveries of one item. */
export interface AidWatch {
  readonly item: string;
  readonly party: string;
  readonly start: number;
  readonly end: number;
  readonly counted: BoundedList;
  readonly excluded: BoundedList;
  readonly outsideReason: string;
}

export interface ReleaseKey {
  readonly party: string;
  readonly cohort: string;
  readonly outside: boolean;
}

export interface AidKey {
  readonly party: string | undefined;
  readonly item: string;
  readonly outside: boolean;
}

/** What a whole ledger adds up to, by key and minute: the state every obligation reads from. */
export interface LedgerBook {
  /** Released, by the time each release counts (credited). */
  readonly released: MinuteSeries;
  /** How far the lowest and highest readings fall below and above the best figure. */
  readonly releasedLow: MinuteSeries;
  readonly releasedHigh: MinuteSeries;
  readonly releaseKeys: readonly ReleaseKey[];
  /** Releases counted at another time than they happened: claims and totals count them when they happened. */
  readonly shifted: readonly {
    readonly key: number;
    readonly at: number;
    readonly credited: number;
    readonly amount: number;
  }[];
  readonly delivered: MinuteSeries;
  readonly deliveries: MinuteSeries;
  readonly deliveredLow: MinuteSeries;
  readonly deliveredHigh: MinuteSeries;
  readonly aidKeys: readonly AidKey[];
  /** Deliveries reported over an interval, judged as spans. */
  readonly spans: readonly Aid[];
  /** How many releases and deliveries were counted. */
  readonly counted: number;
}

/**
 * Folds the ledger into a LedgerBook in one pass: plain releases and deliveries (one instant, no
 * fact key, counted when they happened) are summed by key and minute and offered to the watching
 * obligations' bounded lists, never kept one by one. The others are returned as specials, for the
 * evidence policy to settle before `foldSpecials` adds them.
 */
export function foldLedger(
  events: readonly LedgerEvent[],
  options: { knownAt: number; asOf: number; policy: EvidencePolicy; superseded: ReadonlyMap<string, string> },
  releaseWatches: readonly ReleaseWatch[],
  aidWatches: readonly AidWatch[],
): { folder: LedgerFolder; specials: LedgerEvent[]; known: number } {
  const { knownAt, asOf, policy, superseded } = options;
  const folder = new LedgerFolder(asOf, releaseWatches, aidWatches);
  const specials: LedgerEvent[] = [];
  const checkSuperseded = superseded.size > 0;
  let known = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const type = e.type;
    if (type !== 'release' && type !== 'aid-delivery') continue;
    if (e.recorded > knownAt) continue;
    known++;
    if (!e.plain) {
      specials.push(e);
      continue;
    }
    if (e.at > asOf) continue;
    if (checkSuperseded) {
      const reason = superseded.get(e.id);
      if (reason !== undefined) {
        folder.setAside(e, reason);
        continue;
      }
    }
    if (e.status !== 'confirmed') {
      const reason = statusReason(e, policy);
      if (reason !== undefined) {
        folder.setAside(e, reason);
        continue;
      }
    }
    if (type === 'release') folder.release(e);
    else folder.aid(e as Aid);
  }
  return { folder, specials, known };
}

/** Adds the settled special events: the releases and deliveries that count, and those set aside. */
export function foldSpecials(folder: LedgerFolder, evidence: Evidence, asOf: number): void {
  for (const e of evidence.counted) {
    if (e.at > asOf) continue;
    if (e.type === 'release') folder.release(e, evidence.spread.get(e.id));
    else if (e.type === 'aid-delivery') folder.aid(e, evidence.spread.get(e.id));
  }
  for (const s of evidence.setAside) if (s.event.at <= asOf) folder.setAside(s.event, s.reason);
}

/** The running state of the fold. */
export class LedgerFolder {
  readonly #asOf: number;
  readonly released = new MinuteSeries();
  readonly releasedLow = new MinuteSeries();
  readonly releasedHigh = new MinuteSeries();
  readonly delivered = new MinuteSeries();
  readonly deliveries = new MinuteSeries();
  readonly deliveredLow = new MinuteSeries();
  readonly deliveredHigh = new MinuteSeries();
  readonly releaseKeys: ReleaseKey[] = [];
  readonly aidKeys: AidKey[] = [];
  readonly shifted: { key: number; at: number; credited: number; amount: number }[] = [];
  readonly spans: Aid[] = [];
  counted = 0;
  readonly #partyIndex = new Map<string, number>();
  readonly #cohortIndex = new Map<string, number>();
  readonly #releaseKeyOf: (number | undefined)[][] = [];
  readonly #aidKeyOf: (number | undefined)[][] = [];
  readonly #itemIndex = new Map<string, number>();
  #lastItem: string | undefined;
  #lastItemIndex = 0;
  readonly #watchesByCohort = new Map<string, ReleaseWatch[]>();
  readonly #watchesOfCohort: ReleaseWatch[][] = [];
  readonly #aidWatchesByItem = new Map<string, AidWatch[]>();
  #lastParty: string | undefined;
  #lastPartyIndex = 0;
  #lastCohort: string | undefined;
  #lastCohortIndex = 0;

  constructor(asOf: number, releaseWatches: readonly ReleaseWatch[], aidWatches: readonly AidWatch[]) {
    this.#asOf = asOf;
    for (const w of releaseWatches)
      this.#watchesByCohort.set(w.cohort, [...(this.#watchesByCohort.get(w.cohort) ?? []), w]);
    for (const w of aidWatches)
      this.#aidWatchesByItem.set(w.item, [...(this.#aidWatchesByItem.get(w.item) ?? []), w]);
  }

  release(e: Release, spread?: ReadonlyMap<string, { low: number; high: number }>): void {
    this.counted++;
    if (e.party !== this.#lastParty) {
      this.#lastParty = e.party;
      this.#lastPartyIndex = indexOf(this.#partyIndex, e.party);
    }
    let row = this.#releaseKeyOf[this.#lastPartyIndex];
    if (row === undefined) {
      row = [];
      this.#releaseKeyOf[this.#lastPartyIndex] = row;
    }
    const outside = e.outsideFramework ? 1 : 0;
    for (let i = 0; i < e.released.length; i++) {
      const r = e.released[i]!;
      if (r.cohort !== this.#lastCohort) {
        this.#lastCohort = r.cohort;
        this.#lastCohortIndex = indexOf(this.#cohortIndex, r.cohort);
        this.#watchesOfCohort[this.#lastCohortIndex] ??= this.#watchesByCohort.get(r.cohort) ?? [];
      }
      const slot = this.#lastCohortIndex * 2 + outside;
      let key = row[slot];
      if (key === undefined) {
        key = this.releaseKeys.length;
        row[slot] = key;
        this.releaseKeys.push({ party: e.party, cohort: r.cohort, outside: outside === 1 });
      }
      this.released.add(key, e.credited, r.best);
      const s = spread?.get(r.cohort);
      const low = s ? Math.min(r.low, s.low) : r.low;
      const high = s ? Math.max(r.high, s.high) : r.high;
      if (low !== r.best) this.releasedLow.add(key, e.credited, low - r.best);
      if (high !== r.best) this.releasedHigh.add(key, e.credited, high - r.best);
      if (e.credited !== e.at) this.shifted.push({ key, at: e.at, credited: e.credited, amount: r.best });
      const watches = this.#watchesOfCohort[this.#lastCohortIndex]!;
      for (let j = 0; j < watches.length; j++) {
        const w = watches[j]!;
        if (w.match === 'same' ? e.party !== w.party : e.party === w.party) continue;
        if (e.outsideFramework) w.excluded.add(e, null, w.outsideReason);
        else if (e.credited < w.start) w.excluded.add(e, null, w.beforeReason);
        else if (e.credited > this.#asOf) w.excluded.add(e, null, 'credited after the as-of time');
        else w.counted.add(e, r.best, w.note);
      }
    }
  }

  aid(e: Aid, spread?: ReadonlyMap<string, { low: number; high: number }>): void {
    this.counted++;
    const outside = e.outsideFramework;
    const watches = this.#aidWatchesByItem.get(e.item);
    if (watches)
      for (const w of watches) {
        if (e.party !== undefined && e.party !== w.party) continue;
        if (outside) w.excluded.add(e, null, w.outsideReason);
        else if (e.until < w.start || e.at >= w.end) w.excluded.add(e, null, 'outside the phase');
        else w.counted.add(e, e.quantity.best);
      }
    if (e.at !== e.until) {
      this.spans.push(e);
      return;
    }
    if (e.item !== this.#lastItem) {
      this.#lastItem = e.item;
      this.#lastItemIndex = indexOf(this.#itemIndex, e.item);
    }
    // Deliveries with no party named are kept under a party index of their own.
    const partyIndex = e.party === undefined ? 0 : 1 + indexOf(this.#partyIndex, e.party);
    let row = this.#aidKeyOf[partyIndex];
    if (row === undefined) {
      row = [];
      this.#aidKeyOf[partyIndex] = row;
    }
    const slot = this.#lastItemIndex * 2 + (outside ? 1 : 0);
    let key = row[slot];
    if (key === undefined) {
      key = this.aidKeys.length;
      row[slot] = key;
      this.aidKeys.push({ party: e.party, item: e.item, outside });
    }
    const q = e.quantity;
    this.delivered.add(key, e.at, q.best);
    this.deliveries.add(key, e.at, 1);
    const s = spread?.get(e.item);
    const low = s ? Math.min(q.low, s.low) : q.low;
    const high = s ? Math.max(q.high, s.high) : q.high;
    if (low !== q.best) this.deliveredLow.add(key, e.at, low - q.best);
    if (high !== q.best) this.deliveredHigh.add(key, e.at, high - q.best);
  }

  /** Offers an event that does not count to the lists of the obligations it concerns, with the reason. */
  setAside(e: LedgerEvent, reason: string): void {
    if (e.type === 'release') {
      for (const r of e.released)
        for (const w of this.#watchesByCohort.get(r.cohort) ?? [])
          if (w.match === 'same' ? e.party === w.party : e.party !== w.party) w.excluded.add(e, null, reason);
    } else if (e.type === 'aid-delivery') {
      for (const w of this.#aidWatchesByItem.get(e.item) ?? [])
        if (e.party === undefined || e.party === w.party) w.excluded.add(e, null, reason);
    }
  }

  book(): LedgerBook {
    this.spans.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    return this;
  }
}

const indexOf = (m: Map<string, number>, k: string) => {
  let i = m.get(k);
  if (i === undefined) {
    i = m.size;
    m.set(k, i);
  }
  return i;
};

/** Sum of released over keys that pass `keep`, by credited time in [from, to]. */
export function sumReleased(
  book: LedgerBook,
  keep: (k: ReleaseKey) => boolean,
  from: number,
  to: number,
  series: 'best' | 'low' | 'high' = 'best',
): number {
  const s = series === 'best' ? book.released : series === 'low' ? book.releasedLow : book.releasedHigh;
  let n = 0;
  for (let k = 0; k < book.releaseKeys.length; k++) if (keep(book.releaseKeys[k]!)) n += s.sum(k, from, to);
  return n;
}

/** Sum of released over keys that pass `keep`, by the time each release happened, in [from, to]. */
export function sumReleasedAt(
  book: LedgerBook,
  keep: (k: ReleaseKey) => boolean,
  from: number,
  to: number,
): number {
  let n = sumReleased(book, keep, from, to);
  for (const s of book.shifted) {
    if (!keep(book.releaseKeys[s.key]!)) continue;
    if (s.credited >= from && s.credited <= to) n -= s.amount;
    if (s.at >= from && s.at <= to) n += s.amount;
  }
  return n;
}
