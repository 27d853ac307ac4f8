/**
 * A small, fast, seedable generator (sfc32) and the per-run seeds that make a projection's results
 * independent of how runs are split between workers: run i always starts from runSeed(seed, i).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** How many uniforms have been drawn: the bench's bare loop draws the same number. */
  draws = 0;

  constructor(seed: number) {
    // splitmix32 spreads one 32-bit seed over the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uniform();
    this.draws = 0;
  }

  /** A uniform number in [0, 1). */
  uniform(): number {
    this.draws++;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A Poisson draw by multiplying uniforms (Knuth); fine for the daily means a deal sees (up to ~50). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  normal(): number {
    const u = 1 - this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }
}

/** The seed of run `run` of a projection seeded with `seed`: a hash of both, so runs are independent of workers. */
export function runSeed(seed: number, run: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x27d4eb2d, 0x165667b1) ^ Math.imul(run + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae3d);
  return (h ^ (h >>> 16)) >>> 0;
}
