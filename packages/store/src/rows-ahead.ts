import { hash } from 'node:crypto';
import { copyField, type Queryable } from './database.ts';
import { StoreError } from './store-error.ts';

/** An agreement's ledger head: the last event's seq and hash (0 and '' before the first). */
export interface Head {
  readonly seq: number;
  readonly hash: string;
}

/** An agreement's head, read (and with `lock`, held until the transaction ends). */
export async function readHead(db: Queryable, agreementId: string, lock = false): Promise<Head> {
  const [head] = await db.query<{ seq: number | string; hash: string }>(
    `SELECT seq, hash FROM ledger_heads WHERE agreement_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [agreementId],
  );
  if (!head)
    throw new StoreError('stored-data-invalid', `agreement ${agreementId} has versions but no ledger head`);
  return { seq: Number(head.seq), hash: head.hash };
}

/** Moves an agreement's head (within the transaction that holds it). */
export async function setHead(tx: Queryable, agreementId: string, head: Head): Promise<void> {
  await tx.query('UPDATE ledger_heads SET seq = $2, hash = $3 WHERE agreement_id = $1', [
    agreementId,
    head.seq,
    head.hash,
  ]);
}

/** The events table's columns, in the order of a COPY row as `RowsAhead` writes it. */
export const COPY_COLUMNS = ['agreement_id', 'seq', 'event_id', 'body', 'prev_hash', 'hash'] as const;

/** Memory a transition table may take, at most, before PostgreSQL writes the rest to a temporary file. */
const MAX_WORK_MEM_KB = 256 * 1024;

/**
 * Writes rows (COPY text, in the order of `columns`) into the events table, within a transaction.
 * Migration 5 checks after each statement that every event it inserted has its ledger head, reading them
 * from a transition table, which PostgreSQL keeps in memory only up to `work_mem` (4 MB by default) and
 * writes to a temporary file beyond: a batch of 10,000 events is about 4.5 MB, so every event was written a
 * second time. The transaction's `work_mem` is raised first to hold the batch (up to 256 MB).
 */
export async function copyEvents(
  tx: Queryable,
  rows: string,
  columns: readonly string[] = COPY_COLUMNS,
): Promise<void> {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8; a stored row takes less than twice its COPY text.
  const kB = Math.min(MAX_WORK_MEM_KB, Math.max(4096, Math.ceil((rows.length * 6) / 1024)));
  await tx.query("SELECT set_config('work_mem', $1, true)", [`${kB}kB`]);
  await tx.copyRows('events', columns, rows);
}

/** A batch ready to COPY: its rows, its ids, and the head once it is written. */
export interface BuiltBatch {
  readonly rows: string;
  readonly ids: readonly string[];
  readonly head: Head;
}

/** A batch as `RowsAhead` keeps it: its rows are dropped once written (see `release`). */
export interface ChainedBatch {
  readonly rows: string | undefined;
  readonly ids: readonly string[];
  readonly head: Head;
}

/**
 * The rows of an import's batches as COPY text (the events table's columns agreement_id, seq, event_id,
 * body, prev_hash, hash), chained on a head one record at a time. An import chains them while the rest of
 * the file is still being checked, so that writing a batch is only its COPY; the rows stand only if every
 * record added is written, in order, on that head, and the writer chains again otherwise.
 */
export class RowsAhead {
  private readonly built: ChainedBatch[] = [];
  private readonly agreementField: string;
  /** The start of each link's hashed text, up to the body (see `linkHash`). */
  private readonly linkStart: string;
  private seq: number;
  private prev: string;
  /** The batch being built, a row each: joined when it closes, so the rows die young instead of living on in a rope. */
  private rows: string[] = [];
  private ids: string[] = [];
  /** Records added so far. */
  count = 0;

  constructor(
    agreementId: string,
    head: Head,
    private readonly size: number,
    /** Called with each batch as it closes, and its number (from 0). */
    private readonly onBatch?: (batch: BuiltBatch, n: number) => void,
  ) {
    this.agreementField = copyField(agreementId);
    this.linkStart = `{"agreement":${JSON.stringify(agreementId)},"body":`;
    this.seq = head.seq;
    this.prev = head.hash;
  }

  /**
   * Chains a record on. `id` must be a checked event id (letters, digits, dots, hyphens, underscores), which
   * neither JSON nor COPY needs to escape; `body` is its canonical JSON.
   */
  add(id: string, body: string): void {
    this.seq += 1;
    this.count += 1;
    // linkHash's text, written out: every import hashes each event here, and the id, the previous hash
    // (hex) and the seq need no escaping. The store's verify recomputes each link with linkHash.
    const hash = sha256(`${this.linkStart}${body},"id":"${id}","prev":"${this.prev}","seq":${this.seq}}`);
    this.rows.push(`${this.agreementField}\t${this.seq}\t${id}\t${copyField(body)}\t${this.prev}\t${hash}\n`);
    this.prev = hash;
    this.ids.push(id);
    if (this.ids.length === this.size) this.finish();
  }

  /** Closes the batch being built (call once the last record is added). */
  finish(): void {
    if (this.ids.length === 0) return;
    const batch = { rows: this.rows.join(''), ids: this.ids, head: { seq: this.seq, hash: this.prev } };
    this.built.push(batch);
    this.onBatch?.(batch, this.built.length - 1);
    this.rows = [];
    this.ids = [];
  }

  /** Batch `n` (from 0); undefined past the last. Its rows are undefined once released. */
  batch(n: number): ChainedBatch | undefined {
    return this.built[n];
  }

  /**
   * Drops batch `n`'s rows, once written: a million events' rows are about 450 MB. Its ids and head stay.
   * Should the transaction that wrote them fail, the writer chains the batch again from the records.
   */
  release(n: number): void {
    const b = this.built[n];
    if (b?.rows !== undefined) this.built[n] = { rows: undefined, ids: b.ids, head: b.head };
  }
}

function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
