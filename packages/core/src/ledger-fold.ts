import { BoundedList } from './bounded-list.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { MinuteSeries, minuteOf } from './minute-series.ts';
import { type Evidence, statusReason } from './select-evidence.ts';
import type { EvidencePolicy } from './status.ts';

type Release = Extract<LedgerEvent, { type: 'release' }>;
type Aid = Extract<LedgerEvent, { type: 'aid-delivery' }>;

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
  /** People released, by the minute each release counts (credited). */
  readonly released: MinuteSeries;
  /** How far the lowest and highest readings fall below and above the best figure. */
  readonly releasedLow: MinuteSeries;
  readonly releasedHigh: MinuteSeries;
  readonly releaseKeys: readonly ReleaseKey[];
  /** The earliest release events of each key, and those set aside (with the reason as note). */
  readonly releaseLists: readonly BoundedList[];
  readonly releaseAside: readonly BoundedList[];
  /** Releases counted at another time than they happened: claims and totals count them when they happened. */
  readonly shifted: readonly {
    readonly key: number;
    readonly at: number;
    readonly credited: number;
    readonly amount: number;
  }[];
  readonly delivered: MinuteSeries;
  readonly deliveredLow: MinuteSeries;
  readonly deliveredHigh: MinuteSeries;
  readonly aidKeys: readonly AidKey[];
  readonly aidLists: readonly BoundedList[];
  readonly aidAside: readonly BoundedList[];
  /** Deliveries reported over an interval, judged as spans. */
  readonly spans: readonly Aid[];
  /** How many releases and deliveries were counted. */
  readonly counted: number;
}

/**
 * Folds the ledger in one pass: plain releases and deliveries (one instant, no fact key, counted
 * when they happened) are summed by key and minute, and each key keeps only its earliest events for
 * explanations; nothing is kept per event. Every other event is returned as special, for the
 * evidence policy and the phases to settle. Given a `folder`, it goes on from what that one holds.
 */
export function foldLedger(
  events: readonly LedgerEvent[],
  options: { knownAt: number; asOf: number; policy: EvidencePolicy; limit: number },
  folder: LedgerFolder = new LedgerFolder(options.limit),
): { folder: LedgerFolder; specials: LedgerEvent[]; known: number } {
  const { knownAt, asOf, policy } = options;
  const specials: LedgerEvent[] = [];
  let known = 0;
  // Times are compared by their whole minutes first (small integers kept in the event), and only
  // within the same minute by the exact instant.
  const checkKnown = knownAt !== Number.POSITIVE_INFINITY;
  const knownMinute = checkKnown ? minuteOf(knownAt) : 0;
  const asOfMinute = minuteOf(asOf);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (
      checkKnown &&
      (e.recordedMinute > knownMinute || (e.recordedMinute === knownMinute && e.recorded > knownAt))
    )
      continue;
    known++;
    if (!e.plain) {
      specials.push(e);
      continue;
    }
    if (e.atMinute > asOfMinute || (e.atMinute === asOfMinute && e.at > asOf)) continue;
    if (e.status !== 'confirmed') {
      const reason = statusReason(e, policy);
      if (reason !== undefined) {
        folder.setAside(e, reason);
        continue;
      }
    }
    if (e.type === 'release') folder.plainRelease(e);
    else folder.plainAid(e as Aid);
  }
  return { folder, specials, known };
}

/**
 * Takes back plain events that a correction or retraction supersedes. It needs a second pass, so it
 * runs only when something is superseded.
 */
export function unfoldSuperseded(
  events: readonly LedgerEvent[],
  folder: LedgerFolder,
  superseded: ReadonlyMap<string, string>,
  options: { knownAt: number; asOf: number; policy: EvidencePolicy },
): void {
  if (superseded.size === 0) return;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!e.plain || e.recorded > options.knownAt || e.at > options.asOf) continue;
    const reason = superseded.get(e.id);
    if (reason === undefined || statusReason(e, options.policy) !== undefined) continue;
    if (e.type === 'release') folder.release(e, undefined, -1);
    else folder.aid(e as Aid, undefined, -1);
    folder.setAside(e, reason);
  }
}

/** Adds the settled special events: the releases and deliveries that count, and those set aside. */
export function foldSpecials(folder: LedgerFolder, evidence: Evidence, asOf: number): void {
  for (const e of evidence.counted) {
    if (e.at > asOf) continue;
    if (e.type === 'release') folder.release(e, evidence.spread.get(e.id), 1);
    else if (e.type === 'aid-delivery') folder.aid(e, evidence.spread.get(e.id), 1);
  }
  for (const s of evidence.setAside) if (s.event.at <= asOf) folder.setAside(s.event, s.reason);
}

/** The running state of the fold; once done, it is the LedgerBook. */
export class LedgerFolder implements LedgerBook {
  released = new MinuteSeries();
  releasedLow = new MinuteSeries();
  releasedHigh = new MinuteSeries();
  readonly releaseKeys: ReleaseKey[] = [];
  readonly releaseLists: BoundedList[] = [];
  readonly releaseAside: BoundedList[] = [];
  readonly shifted: { key: number; at: number; credited: number; amount: number }[] = [];
  delivered = new MinuteSeries();
  deliveredLow = new MinuteSeries();
  deliveredHigh = new MinuteSeries();
  readonly aidKeys: AidKey[] = [];
  readonly aidLists: BoundedList[] = [];
  readonly aidAside: BoundedList[] = [];
  readonly spans: Aid[] = [];
  counted = 0;
  readonly #limit: number;
  readonly #releaseKeyOf: (number | undefined)[][] = [];
  readonly #aidKeyOf: (number | undefined)[][] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /**
   * A copy to finish an evaluation on while this folder goes on taking events: the series share
   * their chunks until written, and the lists are copied (each holds at most `limit` entries).
   */
  clone(): LedgerFolder {
    const copy = new LedgerFolder(this.#limit);
    copy.released = this.released.clone();
    copy.releasedLow = this.releasedLow.clone();
    copy.releasedHigh = this.releasedHigh.clone();
    copy.delivered = this.delivered.clone();
    copy.deliveredLow = this.deliveredLow.clone();
    copy.deliveredHigh = this.deliveredHigh.clone();
    copy.releaseKeys.push(...this.releaseKeys);
    copy.aidKeys.push(...this.aidKeys);
    for (const l of this.releaseLists) copy.releaseLists.push(l.clone());
    for (const l of this.releaseAside) copy.releaseAside.push(l.clone());
    for (const l of this.aidLists) copy.aidLists.push(l.clone());
    for (const l of this.aidAside) copy.aidAside.push(l.clone());
    for (const s of this.shifted) copy.shifted.push(s);
    for (const s of this.spans) copy.spans.push(s);
    copy.counted = this.counted;
    this.#releaseKeyOf.forEach((row, i) => {
      copy.#releaseKeyOf[i] = row.slice();
    });
    this.#aidKeyOf.forEach((row, i) => {
      copy.#aidKeyOf[i] = row.slice();
    });
    return copy;
  }

  #releaseKey(
    party: string,
    partyCode: number,
    cohort: string,
    cohortCode: number,
    outside: boolean,
  ): number {
    let row = this.#releaseKeyOf[partyCode];
    if (row === undefined) {
      row = [];
      this.#releaseKeyOf[partyCode] = row;
    }
    const slot = cohortCode * 2 + (outside ? 1 : 0);
    let key = row[slot];
    if (key === undefined) {
      key = this.releaseKeys.length;
      row[slot] = key;
      this.releaseKeys.push({ party, cohort, outside });
      this.releaseLists.push(new BoundedList(this.#limit));
      this.releaseAside.push(new BoundedList(this.#limit));
    }
    return key;
  }

  #aidKey(
    party: string | undefined,
    partyCode: number,
    item: string,
    itemCode: number,
    outside: boolean,
  ): number {
    // Deliveries with no party named (code -1) are kept in row 0.
    let row = this.#aidKeyOf[partyCode + 1];
    if (row === undefined) {
      row = [];
      this.#aidKeyOf[partyCode + 1] = row;
    }
    const slot = itemCode * 2 + (outside ? 1 : 0);
    let key = row[slot];
    if (key === undefined) {
      key = this.aidKeys.length;
      row[slot] = key;
      this.aidKeys.push({ party, item, outside });
      this.aidLists.push(new BoundedList(this.#limit));
      this.aidAside.push(new BoundedList(this.#limit));
    }
    return key;
  }

  /** Adds (sign 1) or takes back (sign −1) a release. */
  release(
    e: Release,
    spread: ReadonlyMap<string, { low: number; high: number }> | undefined,
    sign: 1 | -1,
  ): void {
    this.counted += sign;
    // Minutes are small integers; passing them (not epoch milliseconds) keeps the calls free of boxed numbers.
    const minute = e.creditedMinute;
    for (let i = 0; i < e.released.length; i++) {
      const r = e.released[i]!;
      const key = this.#releaseKey(e.party, e.partyCode, r.cohort, r.cohortCode, e.outsideFramework);
      this.released.add(key, minute, sign * r.best, sign);
      const s = spread?.get(r.cohort);
      const low = s ? Math.min(r.low, s.low) : r.low;
      const high = s ? Math.max(r.high, s.high) : r.high;
      if (low !== r.best) this.releasedLow.add(key, minute, sign * (low - r.best));
      if (high !== r.best) this.releasedHigh.add(key, minute, sign * (high - r.best));
      if (!e.plain && e.credited !== e.at)
        this.shifted.push({ key, at: e.at, credited: e.credited, amount: sign * r.best });
      if (sign > 0) this.releaseLists[key]!.add(e, r.best);
    }
  }

  /**
   * The hot path for a plain release of one cohort: the key from two array lookups, one addition,
   * and the kept list turning the event away on its minute alone once it is full.
   */
  plainRelease(e: Release): void {
    const rel = e.released;
    if (rel.length !== 1) {
      this.release(e, undefined, 1);
      return;
    }
    const r = rel[0]!;
    const key =
      this.#releaseKeyOf[e.partyCode]?.[r.cohortCode * 2 + (e.outsideFramework ? 1 : 0)] ??
      this.#releaseKey(e.party, e.partyCode, r.cohort, r.cohortCode, e.outsideFramework);
    const best = r.best;
    const minute = e.creditedMinute;
    this.counted++;
    this.released.add(key, minute, best, 1);
    if (r.low !== best) this.releasedLow.add(key, minute, r.low - best);
    if (r.high !== best) this.releasedHigh.add(key, minute, r.high - best);
    this.releaseLists[key]!.add(e, best);
  }

  /** The hot path for a plain delivery, as for a plain release. */
  plainAid(e: Aid): void {
    const key =
      this.#aidKeyOf[e.partyCode + 1]?.[e.itemCode * 2 + (e.outsideFramework ? 1 : 0)] ??
      this.#aidKey(e.party, e.partyCode, e.item, e.itemCode, e.outsideFramework);
    const q = e.quantity;
    const best = q.best;
    const minute = e.atMinute;
    this.counted++;
    this.delivered.add(key, minute, best, 1);
    if (q.low !== best) this.deliveredLow.add(key, minute, q.low - best);
    if (q.high !== best) this.deliveredHigh.add(key, minute, q.high - best);
    this.aidLists[key]!.add(e, best);
  }

  /** Adds (sign 1) or takes back (sign −1) a delivery. */
  aid(e: Aid, spread: ReadonlyMap<string, { low: number; high: number }> | undefined, sign: 1 | -1): void {
    this.counted += sign;
    if (!e.plain && e.at !== e.until) {
      if (sign > 0) this.spans.push(e);
      return;
    }
    const key = this.#aidKey(e.party, e.partyCode, e.item, e.itemCode, e.outsideFramework);
    const minute = e.atMinute;
    const q = e.quantity;
    this.delivered.add(key, minute, sign * q.best, sign);
    const s = spread?.get(e.item);
    const low = s ? Math.min(q.low, s.low) : q.low;
    const high = s ? Math.max(q.high, s.high) : q.high;
    if (low !== q.best) this.deliveredLow.add(key, minute, sign * (low - q.best));
    if (high !== q.best) this.deliveredHigh.add(key, minute, sign * (high - q.best));
    if (sign > 0) this.aidLists[key]!.add(e, q.best);
  }

  /** Keeps an event that does not count, with the reason, for the obligations it concerns. */
  setAside(e: LedgerEvent, reason: string): void {
    if (e.type === 'release')
      for (const r of e.released)
        this.releaseAside[
          this.#releaseKey(e.party, e.partyCode, r.cohort, r.cohortCode, e.outsideFramework)
        ]!.add(e, null, reason);
    else if (e.type === 'aid-delivery')
      this.aidAside[this.#aidKey(e.party, e.partyCode, e.item, e.itemCode, e.outsideFramework)]!.add(
        e,
        null,
        reason,
      );
  }

  /** The finished book. */
  book(): LedgerBook {
    this.spans.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    return this;
  }
}

/** Sum of released over keys that pass `keep`, by credited time in [from, to]. */
export function sumReleased(
  book: LedgerBook,
  keep: (k: ReleaseKey) => boolean,
  from: number,
  to: number,
  series: 'best' | 'low' | 'high' | 'events' = 'best',
): number {
  const s = series === 'low' ? book.releasedLow : series === 'high' ? book.releasedHigh : book.released;
  const what = series === 'events' ? 'events' : 'amount';
  let n = 0;
  for (let k = 0; k < book.releaseKeys.length; k++)
    if (keep(book.releaseKeys[k]!)) n += s.sum(k, from, to, what);
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
