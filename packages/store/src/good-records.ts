import type { CheckedChunk } from './check-records.ts';
import type { BadRecord } from './jsonl.ts';

/** A good record, ready to write: its line, its id and its body in canonical form (what is hashed and stored). */
export interface Prepared {
  readonly line: number;
  readonly id: string;
  readonly body: string;
}

interface Chunk {
  /** Position of the chunk's first record among all the good records. */
  readonly start: number;
  readonly lines: Int32Array;
  readonly ids: readonly string[];
  /** The bodies joined by line breaks, split again only when a slower path needs them one by one. */
  readonly bodies: string;
}

/**
 * The records of an import file that passed their own checks, in file order, each known by its position;
 * the checks across the file then drop some (an id used twice, a correction of nothing) and mark others
 * as already stored. Kept as the columns their chunks came in (see `CheckedChunk`).
 */
export class GoodRecords {
  private readonly chunks: Chunk[] = [];
  /** Each id, with the position of its first use. */
  private readonly positions = new Map<string, number>();
  /** Positions left out: bad across the file, or stored with other content. */
  readonly dropped = new Set<number>();
  /** Positions already stored with the same content. */
  readonly skipped = new Set<number>();
  /** Each correction or retraction: its position and the id it supersedes. */
  readonly supersedes: { readonly position: number; readonly target: string }[] = [];
  /** Records added so far. */
  count = 0;

  /**
   * Takes a checked chunk's good records; one whose id an earlier record already used is dropped and
   * reported in `bad`. Returns the chunk's ids and bodies, one each per record.
   */
  add(chunk: CheckedChunk, bad: BadRecord[]): { ids: readonly string[]; bodies: readonly string[] } {
    const n = chunk.lines.length;
    const ids = n === 0 ? [] : chunk.ids.split('\n');
    const start = this.count;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const prior = this.positions.get(id);
      if (prior === undefined) this.positions.set(id, start + i);
      else {
        this.dropped.add(start + i);
        bad.push({
          line: chunk.lines[i]!,
          code: 'duplicate-id',
          path: ['id'],
          message: `the event id \`${id}\` is already used on line ${this.lineAt(prior)}`,
        });
      }
    }
    for (const [i, target] of chunk.supersedes) this.supersedes.push({ position: start + i, target });
    if (n > 0) this.chunks.push({ start, lines: chunk.lines, ids, bodies: chunk.bodies });
    this.count += n;
    return { ids, bodies: n === 0 ? [] : chunk.bodies.split('\n') };
  }

  /** Whether a record with this id is in the file and not dropped. */
  holds(id: string): boolean {
    const position = this.positions.get(id);
    return position !== undefined && !this.dropped.has(position);
  }

  lineAt(position: number): number {
    const chunk = this.chunkAt(position);
    return chunk.lines[position - chunk.start]!;
  }

  idAt(position: number): string {
    const chunk = this.chunkAt(position);
    return chunk.ids[position - chunk.start]!;
  }

  /** The records at positions [from, to), dropped ones included, each with its position. */
  *range(from: number, to: number): Generator<Prepared & { readonly position: number }> {
    for (const chunk of this.chunks) {
      const end = chunk.start + chunk.lines.length;
      if (end <= from || chunk.start >= to) continue;
      const bodies = chunk.bodies.split('\n');
      for (let p = Math.max(from, chunk.start); p < Math.min(to, end); p++) {
        const i = p - chunk.start;
        yield { position: p, line: chunk.lines[i]!, id: chunk.ids[i]!, body: bodies[i]! };
      }
    }
  }

  /** The records to write: neither dropped nor already stored, in file order. */
  fresh(): Prepared[] {
    const fresh: Prepared[] = [];
    for (const r of this.range(0, this.count))
      if (!this.dropped.has(r.position) && !this.skipped.has(r.position))
        fresh.push({ line: r.line, id: r.id, body: r.body });
    return fresh;
  }

  private chunkAt(position: number): Chunk {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.start <= position) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo]!;
  }
}
