const MINUTE = 60_000;
const PER_DAY = 1440;

interface Chunk {
  /** The series that may write it; a clone copies a chunk it shares before its first write. */
  readonly owner: MinuteSeries;
  readonly day: number;
  /** The chunk's first minute since the epoch. */
  readonly first: number;
  readonly minutes: Float64Array;
  /** How many events each minute holds. */
  readonly counts: Float64Array;
  /** Prefix sums of `minutes` and `counts`, rebuilt when the chunk changed. */
  prefix: Float64Array | undefined;
  countPrefix: Float64Array | undefined;
}

/**
 * Sums over time per integer key, to the minute: each key keeps a 1,440-minute chunk for each day
 * that has anything in it, so a million events cost a million additions and a few chunks, and
 * nothing is kept per event.
 */
export class MinuteSeries {
  readonly #chunks: (Map<number, Chunk> | undefined)[] = [];
  #sorted: (Chunk[] | undefined)[] = [];
  // The chunk each key wrote last: ledgers are mostly in time order, so the next write is usually there.
  readonly #last: (Chunk | undefined)[] = [];
  // Prefix sums are built on the first read; writes before any read need not invalidate them.
  #read = false;

  /** Adds an amount, and a number of events, at minute `m` (minutes since the epoch: `minuteOf(t)`). */
  add(key: number, m: number, amount: number, events = 0): void {
    let c = this.#last[key];
    if (c === undefined || m < c.first || m >= c.first + PER_DAY) c = this.#chunkFor(key, m);
    const i = m - c.first;
    c.minutes[i]! += amount;
    if (events !== 0) c.counts[i]! += events;
    if (this.#read) c.prefix = undefined;
  }

  #chunkFor(key: number, m: number): Chunk {
    const day = Math.floor(m / PER_DAY);
    let map = this.#chunks[key];
    if (map === undefined) {
      map = new Map();
      this.#chunks[key] = map;
    }
    let c = map.get(day);
    if (c !== undefined && c.owner !== this) {
      c = {
        owner: this,
        day,
        first: c.first,
        minutes: c.minutes.slice(),
        counts: c.counts.slice(),
        prefix: undefined,
        countPrefix: undefined,
      };
      map.set(day, c);
      this.#sorted[key] = undefined;
    }
    if (c === undefined) {
      c = {
        owner: this,
        day,
        first: day * PER_DAY,
        minutes: new Float64Array(PER_DAY),
        counts: new Float64Array(PER_DAY),
        prefix: undefined,
        countPrefix: undefined,
      };
      map.set(day, c);
      this.#sorted[key] = undefined;
    }
    this.#last[key] = c;
    return c;
  }

  /**
   * A copy that shares this series' chunks until it writes to one (then it copies that chunk first).
   * The copy reads what this series holds at the time; write to this series only once the copy is
   * no longer read.
   */
  clone(): MinuteSeries {
    const copy = new MinuteSeries();
    for (let k = 0; k < this.#chunks.length; k++) {
      const map = this.#chunks[k];
      if (map !== undefined) copy.#chunks[k] = new Map(map);
    }
    copy.#read = true;
    // The copy may cache prefix sums on shared chunks, so this series must drop them when it writes.
    this.#read = true;
    return copy;
  }

  /** The key's chunks in time order. */
  chunks(key: number): readonly Chunk[] {
    this.#read = true;
    let s = this.#sorted[key];
    if (s === undefined) {
      s = [...(this.#chunks[key]?.values() ?? [])].sort((a, b) => a.day - b.day);
      this.#sorted[key] = s;
    }
    return s;
  }

  /** The sum of a key's amounts (or event counts) at minutes from `from` to `to`, both included (the minutes holding those instants). */
  sum(key: number, from: number, to: number, what: 'amount' | 'events' = 'amount'): number {
    const m0 = from === Number.NEGATIVE_INFINITY ? Number.NEGATIVE_INFINITY : Math.floor(from / MINUTE);
    const m1 = to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.floor(to / MINUTE);
    if (m1 < m0) return 0;
    let total = 0;
    for (const c of this.chunks(key)) {
      const first = c.day * PER_DAY;
      const last = first + PER_DAY - 1;
      if (last < m0 || first > m1) continue;
      const p = what === 'amount' ? prefixOf(c) : countPrefixOf(c);
      const i0 = Math.max(0, m0 - first);
      const i1 = Math.min(PER_DAY - 1, m1 - first);
      total += p[i1 + 1]! - p[i0]!;
    }
    return total;
  }

  /**
   * Appends every minute with a non-zero amount for the key in [from, to] to `into` (times `scale`),
   * in time order; typed arrays reused from call to call, so a long phase costs no garbage.
   */
  collect(key: number, from: number, to: number, scale: number, into: MinuteRun): void {
    const m0 = Math.floor(from / MINUTE);
    const m1 = to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.floor(to / MINUTE);
    for (const c of this.chunks(key)) {
      const first = c.day * PER_DAY;
      if (first + PER_DAY - 1 < m0 || first > m1) continue;
      const i0 = Math.max(0, m0 - first);
      const i1 = Math.min(PER_DAY - 1, m1 - first);
      for (let i = i0; i <= i1; i++) {
        const v = c.minutes[i]!;
        if (v !== 0) into.push(first + i, v * scale);
      }
    }
  }
}

/**
 * Minutes and amounts, as `MinuteSeries.collect` appends them: two typed arrays that grow as needed
 * and are kept for the next use (`clear` empties them). Read the first `length` entries.
 */
export class MinuteRun {
  minutes = new Float64Array(1024);
  amounts = new Float64Array(1024);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(minute: number, amount: number): void {
    if (this.length === this.minutes.length) {
      const minutes = new Float64Array(this.length * 2);
      const amounts = new Float64Array(this.length * 2);
      minutes.set(this.minutes);
      amounts.set(this.amounts);
      this.minutes = minutes;
      this.amounts = amounts;
    }
    this.minutes[this.length] = minute;
    this.amounts[this.length++] = amount;
  }

  /** Puts the entries in minute order, keeping the order of equal minutes (for runs from several keys). */
  sort(): void {
    const order = Array.from({ length: this.length }, (_, i) => i).sort(
      (a, b) => this.minutes[a]! - this.minutes[b]! || a - b,
    );
    const minutes = order.map((i) => this.minutes[i]!);
    const amounts = order.map((i) => this.amounts[i]!);
    this.minutes.set(minutes);
    this.amounts.set(amounts);
  }
}

function prefixOf(c: Chunk): Float64Array {
  if (c.prefix === undefined) {
    const p = new Float64Array(PER_DAY + 1);
    const q = new Float64Array(PER_DAY + 1);
    for (let i = 0; i < PER_DAY; i++) {
      p[i + 1] = p[i]! + c.minutes[i]!;
      q[i + 1] = q[i]! + c.counts[i]!;
    }
    c.prefix = p;
    c.countPrefix = q;
  }
  return c.prefix;
}

function countPrefixOf(c: Chunk): Float64Array {
  prefixOf(c);
  return c.countPrefix!;
}

export const minuteOf = (t: number) => Math.floor(t / MINUTE);
export const startOfMinute = (m: number) => m * MINUTE;
