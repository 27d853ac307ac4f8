import type { LedgerEvent } from './ledger-event.ts';

export interface ListedEvent {
  readonly event: LedgerEvent;
  amount: number | null;
  readonly note: string | undefined;
}

const before = (a: LedgerEvent, b: LedgerEvent) => a.at < b.at || (a.at === b.at && a.id < b.id);

/**
 * The earliest `limit` events added (by time, then id), and how many were added in all: a million
 * counted events cost one comparison each, not a million list entries.
 */
export class BoundedList {
  readonly #limit: number;
  // A max-heap on (at, id): the root is the latest of the kept events.
  #heap: ListedEvent[] = [];
  // True while the heap and the sorted entries are a clone's, still shared with the list it copied.
  #shared = false;
  #total = 0;
  #last: ListedEvent | undefined;
  // The minute of the latest kept event once the list is full: most later events are turned away on it alone.
  #cutoff = Number.POSITIVE_INFINITY;
  // The kept entries in time order while known: kept up as entries arrive in order, else sorted on
  // the next read (a kept fold's lists are read on every status, and lists are often filled in order).
  #sorted: ListedEvent[] | undefined = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Adds an event; the same event added twice in a row is listed once, with the amounts summed. */
  add(event: LedgerEvent, amount: number | null, note?: string): void {
    if (event.atMinute > this.#cutoff) {
      this.#total++;
      this.#last = undefined;
      return;
    }
    const last = this.#last;
    if (last !== undefined && last.event === event) {
      if (last.amount !== null && amount !== null) last.amount += amount;
      return;
    }
    this.#total++;
    if (this.#shared) this.#own();
    const heap = this.#heap;
    if (heap.length === this.#limit) {
      if (this.#limit === 0 || !before(event, heap[0]!.event)) {
        this.#last = undefined;
        return;
      }
      const entry = { event, amount, note };
      this.#sorted = undefined;
      heap[0] = entry;
      this.#down(0);
      this.#cutoff = heap[0]!.event.atMinute;
      this.#last = entry;
      return;
    }
    const entry = { event, amount, note };
    const sorted = this.#sorted;
    if (sorted !== undefined && (sorted.length === 0 || before(sorted[sorted.length - 1]!.event, event)))
      sorted.push(entry);
    else this.#sorted = undefined;
    heap.push(entry);
    this.#up(heap.length - 1);
    if (heap.length === this.#limit) this.#cutoff = heap[0]!.event.atMinute;
    this.#last = entry;
  }

  /**
   * A copy holding the same entries, which goes on from here on its own: it shares this list's arrays
   * until it first adds to them. Read the copy only before this list takes more.
   */
  clone(): BoundedList {
    const copy = new BoundedList(this.#limit);
    copy.#heap = this.#heap;
    copy.#sorted = this.#sorted;
    copy.#shared = true;
    copy.#total = this.#total;
    copy.#cutoff = this.#cutoff;
    // Not `#last`: the copy must never add to an entry it shares with this list.
    return copy;
  }

  #own(): void {
    this.#heap = this.#heap.slice();
    this.#sorted = this.#sorted?.slice();
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
    // A sort makes a new array, so a clone sorting a shared heap leaves the original alone.
    this.#sorted ??= [...this.#heap].sort((a, b) => (before(a.event, b.event) ? -1 : 1));
    return this.#sorted;
  }

  #up(i: number): void {
    const h = this.#heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[p]!.event, h[i]!.event)) return;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  #down(i: number): void {
    const h = this.#heap;
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
