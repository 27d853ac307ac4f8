import { BoundedList, type ListedEvent } from './bounded-list.ts';
import type { CompiledObligation } from './compiled-agreement.ts';
import type { ObligationLists } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { LedgerBook, ReleaseKey } from './ledger-fold.ts';
import { minuteOf, startOfMinute } from './minute-series.ts';
import type { PhaseRun } from './phase-timeline.ts';
import { addInZone } from './zoned-time.ts';

/** Finds again the earliest events of a key from a time on, when the kept ones all fall before it. */
export type Refill = (key: number, from: number) => BoundedList;

interface Context {
  readonly book: LedgerBook;
  readonly asOf: number;
  readonly limit: number;
  readonly superseded: ReadonlyMap<string, string>;
  readonly refill: Refill;
  readonly zone: string;
  /** What earlier evaluations of the same ledger drew, to reuse (see `ListsMemo`). */
  readonly memo?: ListsMemo;
}

/**
 * What one ledger's evaluations drew, kept from one to the next: each obligation's listed events, by
 * the stamps of the book's lists they came from. Drawing them means going through up to `limit`
 * kept events of every key an obligation watches; a read after an append that left those entries as
 * they were (the common case once a key holds `limit` events) takes them as they are and only counts
 * again. Keep one memo per ledger and evidence policy: it assumes the same agreement and limit.
 */
export class ListsMemo {
  readonly #drawn = new Map<string, Drawn>();
  readonly #rows = new Map<string, { readonly stamp: number; readonly rows: readonly unknown[] }>();
  #superseded: ReadonlyMap<string, string> | undefined;
  #supersededKey = '';

  /** The drawn lists of an obligation if they were drawn under the same signature. */
  drawn(id: string, signature: string): Drawn | undefined {
    const d = this.#drawn.get(id);
    return d?.signature === signature ? d : undefined;
  }

  keep(id: string, drawn: Drawn): void {
    this.#drawn.set(id, drawn);
  }

  /** The superseded ids as one string (they are few: one per correction or retraction). */
  supersededKey(superseded: ReadonlyMap<string, string>): string {
    if (superseded !== this.#superseded) {
      this.#superseded = superseded;
      this.#supersededKey = [...superseded.keys()].join('\u0000');
    }
    return this.#supersededKey;
  }

  /**
   * A list's entries written out by `write`, reused while the list keeps the same entries (the same
   * stamp). `slot` names the list (an obligation and which of its lists). Each call gets its own array.
   */
  rows<T>(slot: string, list: BoundedList, write: (entries: readonly ListedEvent[]) => T[]): T[] {
    const kept = this.#rows.get(slot);
    if (kept !== undefined && kept.stamp === list.stamp) return kept.rows.slice() as T[];
    // Shared by the statuses of later reads, so frozen: a reader that changed one would change them all.
    const rows = write(list.entries()).map((r) => Object.freeze(r));
    this.#rows.set(slot, { stamp: list.stamp, rows });
    return rows.slice();
  }
}

/** An obligation's lists with the events offered one by one; the counts of the rest are added on each read. */
interface Drawn {
  readonly signature: string;
  readonly counted: BoundedList;
  readonly excluded: BoundedList;
  /** Per watched key, in the order watched: what the drawing added, for the counts added after it. */
  readonly keys: readonly KeyDrawn[];
}

interface KeyDrawn {
  /** Kept entries of the key from the phase's start on (release keys). */
  readonly keptAfter: number;
  readonly added: number;
  readonly addedBefore: number;
  readonly addedAfterEnd: number;
  /** How much the drawing raised the counted list's total (delivery keys). */
  readonly countedRise: number;
  /** Entries listed from the key's own list (outside the framework) and from its set-aside list. */
  readonly listed: number;
  readonly listedAside: number;
}

const amountOf = (e: LedgerEvent, cohort: string) => {
  if (e.type !== 'release') return null;
  let n = 0;
  for (const r of e.released) if (r.cohort === cohort) n += r.best;
  return n;
};
// Sums in the book are by the minute, so the lists judge by the minute too, and the two always agree.
const creditedMinute = (e: LedgerEvent) => minuteOf(e.type === 'release' ? e.credited : e.at);

/**
 * The events an obligation counted and left out, drawn from the earliest events each key of the
 * book kept: counted from the phase's start to as-of, the rest left out with the reason.
 */
export function listsFor(o: CompiledObligation, run: PhaseRun, ctx: Context): ObligationLists {
  const start = run.actualStart;
  if (start === null || start > ctx.asOf) return empty(ctx.limit);
  if (o.kind === 'release' || o.kind === 'reciprocal-release') return releaseLists(o, run, start, ctx);
  if (o.kind === 'rate' && o.source.kind === 'rate') return rateLists(o, o.source.item, run, start, ctx);
  return empty(ctx.limit);
}

const empty = (limit: number) => ({ counted: new BoundedList(limit), excluded: new BoundedList(limit) });

interface ReleaseWatch {
  readonly key: number;
  readonly k: ReleaseKey;
  readonly mine: boolean;
  /** Released events count up to here: as-of, or the phase's end (plus the lag for this party's own). */
  readonly until: number;
  /** How many events the key holds from the phase's start to `until`. */
  readonly after: number;
}

function releaseLists(o: CompiledObligation, run: PhaseRun, start: number, ctx: Context): ObligationLists {
  const { book, memo } = ctx;
  const runEnd = run.actualEnd ?? Number.POSITIVE_INFINITY;
  const watches: ReleaseWatch[] = [];
  let signature = '';
  book.releaseKeys.forEach((k, key) => {
    const mine = k.party === o.party;
    if (
      !(
        (mine && o.cohorts.has(k.cohort)) ||
        (o.kind === 'reciprocal-release' && !mine && o.ratio.has(k.cohort))
      )
    )
      return;
    const until = Math.min(
      ctx.asOf,
      mine && o.lag && runEnd !== Number.POSITIVE_INFINITY ? addInZone(runEnd, o.lag, ctx.zone) : runEnd,
    );
    const after = k.outside ? 0 : book.released.sum(key, start, until, 'events');
    watches.push({ key, k, mine, until, after });
    if (memo)
      signature += `|${key}:${minuteOf(until)}:${book.releaseLists[key]!.stamp}:${book.releaseAside[key]!.stamp}`;
  });
  let drawn: Drawn | undefined;
  if (memo) {
    signature = `${minuteOf(start)}:${minuteOf(ctx.asOf)}:${ctx.limit}:${memo.supersededKey(ctx.superseded)}${signature}`;
    drawn = memo.drawn(o.id, signature);
    // A key holding more events from the phase's start on than it kept there (its kept ones fall before
    // the phase) is drawn from the ledger again (see `refill`): such a drawing depends on more than the
    // kept entries, so it is never kept, and a kept one is not used once the key needs it.
    if (drawn?.keys.some((d, i) => !watches[i]!.k.outside && needsRefill(d.keptAfter, watches[i]!, ctx)))
      drawn = undefined;
  }
  if (drawn === undefined) {
    const fresh = drawReleases(run, start, watches, ctx, signature);
    drawn = fresh.drawn;
    if (memo && !fresh.refilled) memo.keep(o.id, drawn);
  }
  // The drawn lists as they are, plus the events counted but not offered one by one.
  const counted = drawn.counted.clone();
  const excluded = drawn.excluded.clone();
  watches.forEach((w, i) => {
    const d = drawn.keys[i]!;
    if (w.k.outside) excluded.addCount(book.releaseLists[w.key]!.total - d.listed);
    else {
      counted.addCount(w.after - d.added);
      const before = book.released.sum(
        w.key,
        Number.NEGATIVE_INFINITY,
        startOfMinute(minuteOf(start)) - 1,
        'events',
      );
      excluded.addCount(before - d.addedBefore);
      if (w.until < ctx.asOf)
        excluded.addCount(
          book.released.sum(w.key, startOfMinute(minuteOf(w.until) + 1), ctx.asOf, 'events') -
            d.addedAfterEnd,
        );
    }
    excluded.addCount(book.releaseAside[w.key]!.total - d.listedAside);
  });
  return { counted, excluded };
}

const needsRefill = (keptAfter: number, w: ReleaseWatch, ctx: Context) =>
  keptAfter < Math.min(ctx.limit, w.after);

/** Offers each watched key's kept events to the obligation's lists. */
function drawReleases(
  run: PhaseRun,
  start: number,
  watches: readonly ReleaseWatch[],
  ctx: Context,
  signature: string,
): { drawn: Drawn; refilled: boolean } {
  const { book } = ctx;
  const counted = new BoundedList(ctx.limit);
  const excluded = new BoundedList(ctx.limit);
  const phase = run.phase.name;
  const startMinute = minuteOf(start);
  const asOfMinute = minuteOf(ctx.asOf);
  const keys: KeyDrawn[] = [];
  let refilled = false;
  for (const w of watches) {
    const note = w.mine ? undefined : 'released by the other side';
    const list = book.releaseLists[w.key]!;
    let keptAfter = 0;
    let added = 0;
    let addedBefore = 0;
    let addedAfterEnd = 0;
    let listed = 0;
    if (w.k.outside) {
      listed = offerAll(
        excluded,
        list,
        w.mine ? 'released outside the framework' : 'released outside the framework: nothing is owed for it',
      );
    } else {
      let kept = list.entries();
      for (const c of kept) if (creditedMinute(c.event) >= startMinute) keptAfter++;
      if (needsRefill(keptAfter, w, ctx)) {
        refilled = true;
        kept = [
          ...kept.filter((c) => creditedMinute(c.event) < startMinute),
          ...ctx.refill(w.key, start).entries(),
        ];
      }
      const untilMinute = minuteOf(w.until);
      for (const c of kept) {
        if (ctx.superseded.has(c.event.id)) continue;
        const m = creditedMinute(c.event);
        if (m < startMinute) {
          excluded.add(c.event, null, `before ${phase} started`);
          addedBefore++;
        } else if (m > asOfMinute) excluded.add(c.event, null, 'credited after the as-of time');
        else if (m > untilMinute) {
          excluded.add(c.event, null, `after ${phase} ended`);
          addedAfterEnd++;
        } else {
          counted.add(c.event, amountOf(c.event, w.k.cohort), note);
          added++;
        }
      }
    }
    const listedAside = offerAll(excluded, book.releaseAside[w.key]!);
    keys.push({ keptAfter, added, addedBefore, addedAfterEnd, countedRise: 0, listed, listedAside });
  }
  return { drawn: { signature, counted, excluded, keys }, refilled };
}

function rateLists(
  o: CompiledObligation,
  item: string,
  run: PhaseRun,
  start: number,
  ctx: Context,
): ObligationLists {
  const { book, memo } = ctx;
  const end = run.actualEnd ?? run.scheduledEnd ?? Number.POSITIVE_INFINITY;
  const watched: number[] = [];
  let signature = '';
  book.aidKeys.forEach((k, key) => {
    if (k.item !== item || (k.party !== undefined && k.party !== o.party)) return;
    watched.push(key);
    if (memo) signature += `|${key}:${book.aidLists[key]!.stamp}:${book.aidAside[key]!.stamp}`;
  });
  let drawn: Drawn | undefined;
  if (memo) {
    signature = `${start}:${end}:${ctx.limit}:${memo.supersededKey(ctx.superseded)}${signature}`;
    drawn = memo.drawn(o.id, signature);
  }
  if (drawn === undefined) {
    drawn = drawDeliveries(run, start, end, watched, ctx, signature);
    memo?.keep(o.id, drawn);
  }
  const counted = drawn.counted.clone();
  const excluded = drawn.excluded.clone();
  // Each key in turn: what the drawing added, then the key's further events, counted from the sums.
  let total = 0;
  watched.forEach((key, i) => {
    const d = drawn.keys[i]!;
    total += d.countedRise;
    if (!book.aidKeys[key]!.outside)
      total += Math.max(0, book.delivered.sum(key, start, Math.min(end - 1, ctx.asOf), 'events') - total);
    excluded.addCount(book.aidAside[key]!.total - d.listedAside);
  });
  counted.addCount(total - counted.total);
  // Reports over an interval are few and depend on as-of itself: offered on every read.
  const phase = run.phase.name;
  for (const e of book.spans) {
    if (e.item !== item || (e.party !== undefined && e.party !== o.party)) continue;
    if (e.outsideFramework) excluded.add(e, null, 'delivered outside the framework');
    else if (e.until < start || e.at >= end) excluded.add(e, null, `outside ${phase}`);
    else if (e.until > ctx.asOf)
      excluded.add(e, null, 'reported over an interval that ends after the as-of time');
    else counted.add(e, e.quantity.best);
  }
  return { counted, excluded };
}

function drawDeliveries(
  run: PhaseRun,
  start: number,
  end: number,
  watched: readonly number[],
  ctx: Context,
  signature: string,
): Drawn {
  const { book } = ctx;
  const counted = new BoundedList(ctx.limit);
  const excluded = new BoundedList(ctx.limit);
  const phase = run.phase.name;
  const keys: KeyDrawn[] = [];
  for (const key of watched) {
    const k = book.aidKeys[key]!;
    const before = counted.total;
    for (const c of book.aidLists[key]!.entries()) {
      if (ctx.superseded.has(c.event.id)) continue;
      if (k.outside) excluded.add(c.event, null, 'delivered outside the framework');
      else if (c.event.at < start || c.event.at >= end) excluded.add(c.event, null, `outside ${phase}`);
      else counted.add(c.event, c.amount);
    }
    const listedAside = offerAll(excluded, book.aidAside[key]!);
    keys.push({
      keptAfter: 0,
      added: 0,
      addedBefore: 0,
      addedAfterEnd: 0,
      countedRise: counted.total - before,
      listed: 0,
      listedAside,
    });
  }
  return { signature, counted, excluded, keys };
}

/** Offers a kept list's events to a left-out list, with one reason or each entry's own; returns how many. */
function offerAll(excluded: BoundedList, list: BoundedList, reason?: string): number {
  const entries = list.entries();
  for (const c of entries) excluded.add(c.event, null, reason ?? c.note);
  return entries.length;
}
