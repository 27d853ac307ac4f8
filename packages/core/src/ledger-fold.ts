import type { BoundedList } from './bounded-list.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { type Evidence, isPlain, statusReason } from './select-evidence.ts';
import type { EvidencePolicy } from './status.ts';
import { BucketSeries, type TimeBuckets } from './time-buckets.ts';

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
  readonly buckets: TimeBuckets;
  /** Released, by the time each release counts (credited). */
  readonly released: BucketSeries;
  /** How far the lowest and highest readings fall below and above the best figure. */
  readonly releasedLow: BucketSeries;
  readonly releasedHigh: BucketSeries;
  readonly releaseKeys: readonly ReleaseKey[];
  /** Releases counted at another time than they happened: claims and totals count them when they happened. */
  readonly shifted: readonly {
    readonly key: number;
    readonly at: number;
    readonly credited: number;
    readonly amount: number;
  }[];
  readonly delivered: BucketSeries;
  readonly deliveries: BucketSeries;
  readonly deliveredLow: BucketSeries;
  readonly deliveredHigh: BucketSeries;
  readonly aidKeys: readonly AidKey[];
  /** Deliveries reported over an interval, judged as spans. */
  readonly spans: readonly Aid[];
  /** How many releases and deliveries were counted. */
  readonly counted: number;
}

/**
 * Folds the ledger into a LedgerBook in one pass: plain releases and deliveries are summed into
 * minute buckets and offered to the watching obligations' bounded lists, never kept one by one.
 */
export function foldLedger(
  events: readonly LedgerEvent[],
  evidence: Evidence,
  options: { knownAt: number; asOf: number; policy: EvidencePolicy; buckets: TimeBuckets },
  releaseWatches: readonly ReleaseWatch[],
  aidWatches: readonly AidWatch[],
): LedgerBook {
  const { knownAt, asOf, policy, buckets } = options;
  const released = new BucketSeries(buckets);
  const releasedLow = new BucketSeries(buckets);
  const releasedHigh = new BucketSeries(buckets);
  const delivered = new BucketSeries(buckets);
  const deliveries = new BucketSeries(buckets);
  const deliveredLow = new BucketSeries(buckets);
  const deliveredHigh = new BucketSeries(buckets);
  const releaseKeys: ReleaseKey[] = [];
  const aidKeys: AidKey[] = [];
  const shifted: { key: number; at: number; credited: number; amount: number }[] = [];
  const spans: Aid[] = [];
  const partyIndex = new Map<string, number>();
  const cohortIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const releaseKeyOf: (number | undefined)[][] = [];
  const aidKeyOf = new Map<string, number>();
  const watchesByCohort = new Map<string, ReleaseWatch[]>();
  for (const w of releaseWatches)
    watchesByCohort.set(w.cohort, [...(watchesByCohort.get(w.cohort) ?? []), w]);
  const aidWatchesByItem = new Map<string, AidWatch[]>();
  for (const w of aidWatches) aidWatchesByItem.set(w.item, [...(aidWatchesByItem.get(w.item) ?? []), w]);
  const watchesOfCohort: (ReleaseWatch[] | undefined)[] = [];

  const indexOf = (m: Map<string, number>, k: string) => {
    let i = m.get(k);
    if (i === undefined) {
      i = m.size;
      m.set(k, i);
    }
    return i;
  };
  let lastParty: string | undefined;
  let lastPartyIndex = 0;
  let lastCohort: string | undefined;
  let lastCohortIndex = 0;

  const foldRelease = (e: Release, spread?: ReadonlyMap<string, { low: number; high: number }>) => {
    if (e.party !== lastParty) {
      lastParty = e.party;
      lastPartyIndex = indexOf(partyIndex, e.party);
    }
    let row = releaseKeyOf[lastPartyIndex];
    if (row === undefined) {
      row = [];
      releaseKeyOf[lastPartyIndex] = row;
    }
    const b = buckets.of(e.credited);
    const outside = e.outsideFramework ? 1 : 0;
    for (let i = 0; i < e.released.length; i++) {
      const r = e.released[i]!;
      if (r.cohort !== lastCohort) {
        lastCohort = r.cohort;
        lastCohortIndex = indexOf(cohortIndex, r.cohort);
        if (watchesOfCohort[lastCohortIndex] === undefined)
          watchesOfCohort[lastCohortIndex] = watchesByCohort.get(r.cohort) ?? [];
      }
      const slot = lastCohortIndex * 2 + outside;
      let key = row[slot];
      if (key === undefined) {
        key = releaseKeys.length;
        row[slot] = key;
        releaseKeys.push({ party: e.party, cohort: r.cohort, outside: outside === 1 });
      }
      released.add(key, b, r.best);
      const s = spread?.get(r.cohort);
      const low = s ? Math.min(r.low, s.low) : r.low;
      const high = s ? Math.max(r.high, s.high) : r.high;
      if (low !== r.best) releasedLow.add(key, b, low - r.best);
      if (high !== r.best) releasedHigh.add(key, b, high - r.best);
      if (e.credited !== e.at) shifted.push({ key, at: e.at, credited: e.credited, amount: r.best });
      const watches = watchesOfCohort[lastCohortIndex]!;
      for (let j = 0; j < watches.length; j++) {
        const w = watches[j]!;
        if (w.match === 'same' ? e.party !== w.party : e.party === w.party) continue;
        if (e.outsideFramework) w.excluded.add(e, null, w.outsideReason);
        else if (e.credited < w.start) w.excluded.add(e, null, w.beforeReason);
        else if (e.credited > asOf) w.excluded.add(e, null, 'credited after the as-of time');
        else w.counted.add(e, r.best, w.note);
      }
    }
  };
  const foldAid = (e: Aid, spread?: ReadonlyMap<string, { low: number; high: number }>) => {
    const outside = e.outsideFramework;
    const watches = aidWatchesByItem.get(e.item);
    if (watches)
      for (const w of watches) {
        if (e.party !== undefined && e.party !== w.party) continue;
        if (outside) w.excluded.add(e, null, w.outsideReason);
        else if (e.until < w.start || e.at >= w.end) w.excluded.add(e, null, 'outside the phase');
        else w.counted.add(e, e.quantity.best);
      }
    if (e.at !== e.until) {
      spans.push(e);
      return;
    }
    const name = `${e.party ?? ''}\u0000${e.item}\u0000${outside ? 1 : 0}`;
    let key = aidKeyOf.get(name);
    if (key === undefined) {
      key = aidKeys.length;
      aidKeyOf.set(name, key);
      aidKeys.push({ party: e.party, item: e.item, outside });
      indexOf(itemIndex, e.item);
    }
    const b = buckets.of(e.at);
    const q = e.quantity;
    delivered.add(key, b, q.best);
    deliveries.add(key, b, 1);
    const s = spread?.get(e.item);
    const low = s ? Math.min(q.low, s.low) : q.low;
    const high = s ? Math.max(q.high, s.high) : q.high;
    if (low !== q.best) deliveredLow.add(key, b, low - q.best);
    if (high !== q.best) deliveredHigh.add(key, b, high - q.best);
  };
  const setAside = (e: LedgerEvent, reason: string) => {
    if (e.type === 'release') {
      for (const r of e.released)
        for (const w of watchesByCohort.get(r.cohort) ?? [])
          if (w.match === 'same' ? e.party === w.party : e.party !== w.party) w.excluded.add(e, null, reason);
    } else if (e.type === 'aid-delivery') {
      for (const w of aidWatchesByItem.get(e.item) ?? [])
        if (e.party === undefined || e.party === w.party) w.excluded.add(e, null, reason);
    }
  };

  let counted = 0;
  const superseded = evidence.superseded;
  const checkSuperseded = superseded.size > 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.recorded > knownAt || e.at > asOf || !isPlain(e)) continue;
    if (checkSuperseded) {
      const reason = superseded.get(e.id);
      if (reason !== undefined) {
        setAside(e, reason);
        continue;
      }
    }
    if (e.status !== 'confirmed') {
      const reason = statusReason(e, policy);
      if (reason !== undefined) {
        setAside(e, reason);
        continue;
      }
    }
    counted++;
    if (e.type === 'release') foldRelease(e);
    else foldAid(e as Aid);
  }
  for (const e of evidence.counted) {
    if (e.at > asOf) continue;
    if (e.type === 'release') foldRelease(e, evidence.spread.get(e.id));
    else if (e.type === 'aid-delivery') foldAid(e, evidence.spread.get(e.id));
    else continue;
    counted++;
  }
  for (const s of evidence.setAside) if (s.event.at <= asOf) setAside(s.event, s.reason);
  spans.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return {
    buckets,
    released,
    releasedLow,
    releasedHigh,
    releaseKeys,
    shifted,
    delivered,
    deliveries,
    deliveredLow,
    deliveredHigh,
    aidKeys,
    spans,
    counted,
  };
}

/** Sum of released over keys that pass `keep`, by credited time in [from, to]. */
export function sumReleased(
  book: LedgerBook,
  keep: (k: ReleaseKey) => boolean,
  from: number,
  to: number,
  series: 'best' | 'low' | 'high' = 'best',
): number {
  const s = series === 'best' ? book.released : series === 'low' ? book.releasedLow : book.releasedHigh;
  const b0 = book.buckets.of(from);
  const b1 = book.buckets.of(to);
  let n = 0;
  for (let k = 0; k < book.releaseKeys.length; k++) if (keep(book.releaseKeys[k]!)) n += s.sum(k, b0, b1);
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
