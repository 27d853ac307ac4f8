import type { Database } from './database.ts';
import { type BuiltBatch, copyEvents, type Head, readHead, setHead } from './rows-ahead.ts';

/** Thrown inside the transaction to roll it back; never leaves this module. */
class Abandoned extends Error {}

/**
 * Writes an import's first batches while the rest of the file is still being checked (on worker threads),
 * in one transaction that holds the agreement's head and commits once the whole file has passed, with the
 * batches written by then: the database's work overlaps the checks instead of following them. If the file
 * turns out bad, or any record is dropped, the transaction rolls back and nothing was written, as if the
 * import had waited; a crash before the commit leaves nothing either. Another writer's append waits for
 * the commit.
 */
export class WriteAhead {
  private readonly queue: ({
    readonly batch: BuiltBatch;
    readonly written: (done: boolean) => void;
  } | null)[] = [];
  private wake: (() => void) | undefined;
  private decide: ((commit: boolean) => void) | undefined;
  private readonly decision: Promise<boolean>;
  private readonly done: Promise<number>;
  private decided = false;

  constructor(db: Database, agreementId: string, checkedAt: Head) {
    this.decision = new Promise<boolean>((resolve) => {
      this.decide = resolve;
    });
    this.done = db
      .transaction(async (tx) => {
        const head = await readHead(tx, agreementId, true);
        if (head.seq !== checkedAt.seq || head.hash !== checkedAt.hash) throw new Abandoned();
        let written = 0;
        let last = head;
        for (let item = await this.next(); item; item = await this.next()) {
          await copyEvents(tx, item.batch.rows);
          written += 1;
          last = item.batch.head;
          item.written(true);
        }
        if (!(await this.decision)) throw new Abandoned();
        if (written > 0) await setHead(tx, agreementId, last);
        return written;
      })
      // Rolled back, by decision or by any failure: nothing was written, and the import writes it all after.
      .catch(() => 0);
  }

  /**
   * Queues a batch to write (batches come in order, from the first). The promise settles once the batch
   * is written in the transaction (true; it commits or rolls back with the rest), or is left out of it
   * (false; the import goes on without waiting for it).
   */
  push(batch: BuiltBatch): Promise<boolean> {
    if (this.decided) return Promise.resolve(false);
    return new Promise<boolean>((written) => {
      this.queue.push({ batch, written });
      this.wake?.();
    });
  }

  /**
   * Commits the batches written so far, the one being written included (the file passed, and every good
   * record is in the batches, in order); how many, counted from the first.
   */
  async commit(): Promise<number> {
    return this.settle(true);
  }

  /** Rolls back: nothing of what was written stays. */
  async abandon(): Promise<void> {
    await this.settle(false);
  }

  private async settle(commit: boolean): Promise<number> {
    if (!this.decided) {
      // Batches not yet begun are left to the import's own batches, each committed on its own after this.
      this.decided = true;
      for (const item of this.queue.splice(0)) item?.written(false);
      this.queue.push(null);
      this.wake?.();
      this.decide?.(commit);
    }
    return commit ? this.done : this.done.then(() => 0);
  }

  private async next(): Promise<{
    readonly batch: BuiltBatch;
    readonly written: (done: boolean) => void;
  } | null> {
    while (this.queue.length === 0)
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    this.wake = undefined;
    return this.queue.shift()!;
  }
}
