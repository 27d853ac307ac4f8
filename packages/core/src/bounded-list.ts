import type { LedgerEvent } from './ledger-event.ts';

export interface ListedEvent {
  readonly event: LedgerEvent;
  amount: number | null;
  readonly note: string | undefined;
}

const before = (a: LedgerEvent, b: LedgerEvent) => a.at < b.at || (a.at === b.at && a.id < b.id);

let lastStamp = 0;
// A copy's stamp after a change, by its stamp before and the change: two copies of one list changed
// alike get the same stamp, so what was drawn from the first serves the second.
const stampAfter = new Map<string, number>();
const STAMPS_KEPT = 100_000;
// A number for each event object a copy took, so that a change names the very event.
const serials = new WeakMap<LedgerEvent, number>();
let lastSerial = 0;
const serialOf = (e: LedgerEvent) => {
  let n = serials.get(e);
  if (n === undefined) {
    n = ++lastSerial;
    serials.set(e, n);
  }
  return n;
};

/**
 * The earliest `limit` events added (by time, then id), and how many were added in all: a million
 * counted events cost one comparison each, not a million list entries.
 *
 * Events mostly arrive in time order, so the kept entries are held as a sorted array, and only when one
 * arrives out of order is that array turned into a max-heap on (at, id) (a descending array already is
 * one). Filling a list in order then costs a push per event, not a walk up the heap.
 */
export class BoundedList {
  readonly #limit: number;
  // The kept entries in time order (sorted mode), or null once they are kept as a heap.
  #sorted: ListedEvent[] | null = [];
  // A max-heap on (at, id): the root is the latest of the kept events (heap mode), or null.
  #heap: ListedEvent[] | null = null;
  // The heap's entries sorted, made on a read in heap mode and kept until the next change.
  #read: ListedEvent[] | undefined;
  // True while the arrays are a clone's, still shared with the list it copied.
  #shared = false;
  #total = 0;
  // The event added last, and its entry when it was kept.
  #lastEvent: LedgerEvent | undefined;
  #last: ListedEvent | undefined;
  // The minute of the latest kept event once the list is full: most later events are turned away on it alone.
  #cutoff = Number.POSITIVE_INFINITY;
  // Names the kept entries (events, amounts, notes): equal stamps, equal entries.
  #stamp = ++lastStamp;
  // True for a list made by `clone`, whose changes are stamped by what they are (see `stampAfter`).
  #copy = false;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /**
   * A number that names the kept entries: a list and its copies have the same stamp until one of them
   * changes its entries (taking an event it keeps, or summing an amount into one), and copies of one list
   * given the same changes in the same order again have equal stamps. The total is not part of it.
   */
  get stamp(): number {
    return this.#stamp;
  }

  #changed(event: LedgerEvent, amount: number | null, note: string | undefined, summed: boolean): void {
    if (!this.#copy) {
      this.#stamp = ++lastStamp;
      return;
    }
    const change = `${this.#stamp}\u0000${summed ? '+' : ''}${serialOf(event)}\u0000${amount}\u0000${note === undefined ? '\u0001' : note}`;
    let stamp = stampAfter.get(change);
    if (stamp === undefined) {
      // Forgetting only costs a later copy a fresh stamp, never a wrong one.
      if (stampAfter.size >= STAMPS_KEPT) stampAfter.clear();
      stamp = ++lastStamp;
      stampAfter.set(change, stamp);
    }
    this.#stamp = stamp;
  }

  /** Adds an event; the same event added twice in a row is listed once, with the amounts summed. */
  add(event: LedgerEvent, amount: number | null, note?: string): void {
    if (event === this.#lastEvent) {
      // Listed once, kept or not; a kept entry sums the amounts.
      const last = this.#last;
      if (last !== undefined && last.amount !== null && amount !== null) {
        last.amount += amount;
        this.#changed(event, amount, note, true);
      }
      return;
    }
    this.#lastEvent = event;
    this.#total++;
    this.#last = undefined;
    if (event.atMinute > this.#cutoff || this.#limit === 0) return;
    // Full, and no earlier than the latest kept: turned away, the entries unchanged.
    if (this.#sorted !== null) {
      const n = this.#sorted.length;
      if (n === this.#limit && !before(event, this.#sorted[n - 1]!.event)) return;
    } else if (this.#heap!.length === this.#limit && !before(event, this.#heap![0]!.event)) return;
    if (this.#shared) this.#own();
    const sorted = this.#sorted;
    if (sorted !== null) {
      const n = sorted.length;
      if (n < this.#limit && (n === 0 || before(sorted[n - 1]!.event, event))) {
        const entry = { event, amount, note };
        sorted.push(entry);
        if (n + 1 === this.#limit) this.#cutoff = event.atMinute;
        this.#last = entry;
        this.#changed(event, amount, note, false);
        return;
      }
      // Out of order, or full: from here on the entries are kept as a heap.
      this.#heap = sorted.reverse();
      this.#sorted = null;
    }
    const heap = this.#heap!;
    this.#read = undefined;
    if (heap.length === this.#limit) {
      const entry = { event, amount, note };
      heap[0] = entry;
      this.#down(0);
      this.#cutoff = heap[0]!.event.atMinute;
      this.#last = entry;
      this.#changed(event, amount, note, false);
      return;
    }
    const entry = { event, amount, note };
    heap.push(entry);
    this.#up(heap.length - 1);
    if (heap.length === this.#limit) this.#cutoff = heap[0]!.event.atMinute;
    this.#last = entry;
    this.#changed(event, amount, note, false);
  }

  /**
   * A copy holding the same entries, which goes on from here on its own: it shares this list's arrays
   * until it first adds to them. Read the copy only before this list takes more.
   */
  clone(): BoundedList {
    // Back to a sorted array first, here, once: a copy that sorted the shared heap on each read kept the
    // sort for itself, and a store reading status after every append sorted the same heaps every time.
    if (this.#heap !== null) this.#settle();
    const copy = new BoundedList(this.#limit);
    copy.#sorted = this.#sorted;
    copy.#heap = this.#heap;
    copy.#read = this.#read;
    copy.#shared = true;
    copy.#total = this.#total;
    copy.#cutoff = this.#cutoff;
    copy.#stamp = this.#stamp;
    copy.#copy = true;
    // Not `#last` nor `#lastEvent`: the copy must never add to an entry it shares with this list.
    return copy;
  }

  /** Keeps the entries as a sorted array again (a later event out of order makes a heap of it again). */
  #settle(): void {
    this.#sorted = this.entries().slice();
    this.#heap = null;
    this.#read = undefined;
  }

  #own(): void {
    this.#sorted = this.#sorted?.slice() ?? null;
    this.#heap = this.#heap?.slice() ?? null;
    this.#shared = false;
  }

  /** Counts `n` more events that were not offered one by one (they are known to be later than those kept). */
  addCount(n: number): void {
    if (n > 0) this.#total += n;
  }

  /** How many events were added (each distinct event once). */
  get total(): number {
    return this.#total;
  }

  /** The kept events in time order (the list's own array: read it before adding more). */
  entries(): readonly ListedEvent[] {
    if (this.#sorted !== null) return this.#sorted;
    // A sort makes a new array, so a clone sorting a shared heap leaves the original alone.
    this.#read ??= [...this.#heap!].sort((a, b) => (before(a.event, b.event) ? -1 : 1));
    return this.#read;
  }

  #up(i: number): void {
    const h = this.#heap!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[p]!.event, h[i]!.event)) return;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  #down(i: number): void {
    const h = this.#heap!;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[m]!.event, h[l]!.event)) m = l;
      if (r < h.length && before(h[m]!.event, h[r]!.event)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
