const MINUTE = 60_000;
const PER_DAY = 1440;

interface Chunk {
  readonly day: number;
  /** The chunk's first minute since the epoch. */
  readonly first: number;
  readonly minutes: Float64Array;
  /** Prefix sums of `minutes`, rebuilt when the chunk changed. */
  prefix: Float64Array | undefined;
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

  add(key: number, t: number, amount: number): void {
    const m = Math.floor(t / MINUTE);
    let c = this.#last[key];
    if (c === undefined || m < c.first || m >= c.first + PER_DAY) c = this.#chunkFor(key, m);
    c.minutes[m - c.first]! += amount;
    c.prefix = undefined;
  }

  #chunkFor(key: number, m: number): Chunk {
    const day = Math.floor(m / PER_DAY);
    let map = this.#chunks[key];
    if (map === undefined) {
      map = new Map();
      this.#chunks[key] = map;
    }
    let c = map.get(day);
    if (c === undefined) {
      c = { day, first: day * PER_DAY, minutes: new Float64Array(PER_DAY), prefix: undefined };
      map.set(day, c);
      this.#sorted[key] = undefined;
    }
    this.#last[key] = c;
    return c;
  }

  /** The key's chunks in time order. */
  chunks(key: number): readonly Chunk[] {
    let s = this.#sorted[key];
    if (s === undefined) {
      s = [...(this.#chunks[key]?.values() ?? [])].sort((a, b) => a.day - b.day);
      this.#sorted[key] = s;
    }
    return s;
  }

  /** The sum of a key's amounts at minutes from `from` to `to`, both included (the minutes holding those instants). */
  sum(key: number, from: number, to: number): number {
    const m0 = from === Number.NEGATIVE_INFINITY ? Number.NEGATIVE_INFINITY : Math.floor(from / MINUTE);
    const m1 = to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.floor(to / MINUTE);
    if (m1 < m0) return 0;
    let total = 0;
    for (const c of this.chunks(key)) {
      const first = c.day * PER_DAY;
      const last = first + PER_DAY - 1;
      if (last < m0 || first > m1) continue;
      const p = prefixOf(c);
      const i0 = Math.max(0, m0 - first);
      const i1 = Math.min(PER_DAY - 1, m1 - first);
      total += p[i1 + 1]! - p[i0]!;
    }
    return total;
  }

  /** Every minute with a non-zero amount for the key in [from, to], as [minute index, amount] pairs. */
  entries(key: number, from: number, to: number): [number, number][] {
    const m0 = Math.floor(from / MINUTE);
    const m1 = to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.floor(to / MINUTE);
    const out: [number, number][] = [];
    for (const c of this.chunks(key)) {
      const first = c.day * PER_DAY;
      if (first + PER_DAY - 1 < m0 || first > m1) continue;
      for (let i = 0; i < PER_DAY; i++) {
        const v = c.minutes[i]!;
        if (v !== 0 && first + i >= m0 && first + i <= m1) out.push([first + i, v]);
      }
    }
    return out;
  }
}

function prefixOf(c: Chunk): Float64Array {
  if (c.prefix === undefined) {
    const p = new Float64Array(PER_DAY + 1);
    for (let i = 0; i < PER_DAY; i++) p[i + 1] = p[i]! + c.minutes[i]!;
    c.prefix = p;
  }
  return c.prefix;
}

export const minuteOf = (t: number) => Math.floor(t / MINUTE);
export const startOfMinute = (m: number) => m * MINUTE;
