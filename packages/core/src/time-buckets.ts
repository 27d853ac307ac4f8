const MINUTE = 60_000;
const MAX_BUCKETS = 1 << 17;

/**
 * Minute-wide buckets over the stretch of time the agreement's phases cover, with one bucket for
 * everything before and one for everything after. Sums over time become sums over integer keys.
 */
export class TimeBuckets {
  readonly t0: number;
  readonly width: number;
  /** Number of buckets, the two open-ended ones included. */
  readonly size: number;

  constructor(from: number, to: number) {
    const span = Math.max(MINUTE, to - from);
    this.width = MINUTE * Math.max(1, Math.ceil(span / MINUTE / MAX_BUCKETS));
    this.t0 = Math.floor(from / MINUTE) * MINUTE;
    this.size = Math.ceil((to - this.t0) / this.width) + 2;
  }

  /** The bucket holding instant t (0 before the range, size − 1 after it). */
  of(t: number): number {
    if (t < this.t0) return 0;
    const b = Math.floor((t - this.t0) / this.width) + 1;
    return Math.min(b, this.size - 1);
  }

  /** The first instant of bucket b. */
  startOf(b: number): number {
    return b <= 0 ? Number.NEGATIVE_INFINITY : this.t0 + (b - 1) * this.width;
  }
}

/** Per-key series of sums over time buckets, allocated only for keys that occur. */
export class BucketSeries {
  readonly buckets: TimeBuckets;
  readonly #series: (Float64Array | undefined)[] = [];
  readonly #prefix: (Float64Array | undefined)[] = [];

  constructor(buckets: TimeBuckets) {
    this.buckets = buckets;
  }

  add(key: number, bucket: number, amount: number): void {
    let s = this.#series[key];
    if (s === undefined) {
      s = new Float64Array(this.buckets.size);
      this.#series[key] = s;
    }
    s[bucket]! += amount;
    this.#prefix[key] = undefined;
  }

  /** The raw series of a key, or undefined when nothing was added under it. */
  series(key: number): Float64Array | undefined {
    return this.#series[key];
  }

  get keyCount(): number {
    return this.#series.length;
  }

  /** The sum of a key's buckets from `fromBucket` to `toBucket`, both included. */
  sum(key: number, fromBucket: number, toBucket: number): number {
    const s = this.#series[key];
    if (s === undefined || toBucket < fromBucket) return 0;
    let p = this.#prefix[key];
    if (p === undefined) {
      p = new Float64Array(s.length + 1);
      for (let i = 0; i < s.length; i++) p[i + 1] = p[i]! + s[i]!;
      this.#prefix[key] = p;
    }
    return p[Math.min(toBucket, s.length - 1) + 1]! - p[Math.max(0, fromBucket)]!;
  }
}
