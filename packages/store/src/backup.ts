import { parseAgreement } from '@truce/core';
import { canonicalJson } from './canonical-json.ts';
import { linkHash } from './chain-hash.ts';
import { copyField, type Database, type Queryable } from './database.ts';
import { copyEvents, setHead } from './rows-ahead.ts';

/** The first line of a backup: what it is, and which format it follows. */
export interface BackupHeader {
  readonly truceBackup: 1;
  readonly createdAt: string;
}

/** Each stored agreement version, as added. */
interface AgreementLine {
  readonly kind: 'agreement';
  readonly id: string;
  readonly version: number;
  readonly addedAt: string;
  readonly text: string;
}

/** Each stored event, with its place in the chain. */
interface EventLine {
  readonly kind: 'event';
  readonly agreement: string;
  readonly seq: number;
  readonly id: string;
  readonly recordedAt: string;
  readonly body: unknown;
  readonly prev: string;
  readonly hash: string;
}

/** The last line: what the backup holds, so a cut-off file is refused rather than half restored. */
interface EndLine {
  readonly kind: 'end';
  readonly agreements: number;
  readonly versions: number;
  readonly events: number;
}

export interface BackupSummary {
  readonly agreements: number;
  readonly versions: number;
  readonly events: number;
}

const PAGE = 5000;
const COPY_BATCH = 10_000;
/** The events table's columns, in the order of a restored COPY row: a backup keeps when each was recorded. */
const RESTORE_COLUMNS = ['agreement_id', 'seq', 'event_id', 'recorded_at', 'body', 'prev_hash', 'hash'];

/** A timestamptz column as UTC text to the microsecond (a JavaScript Date would keep milliseconds only). */
const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Writes a full backup of the store as JSON Lines through `write`: a header, every agreement version
 * (its text, as added), every event with its seq, hash and the time it was recorded, and a closing line
 * with the counts. Reads in pages, so memory stays flat.
 */
export async function writeBackup(
  db: Queryable,
  write: (line: string) => void | Promise<void>,
  now: Date = new Date(),
): Promise<BackupSummary> {
  const header: BackupHeader = { truceBackup: 1, createdAt: now.toISOString() };
  await write(`${JSON.stringify(header)}\n`);
  const versions = await db.query<{ id: string; version: number; added_at: string; text: string }>(
    `SELECT id, version, ${utc('added_at')} AS added_at, text FROM agreements ORDER BY id, version`,
  );
  for (const v of versions) {
    const line: AgreementLine = {
      kind: 'agreement',
      id: v.id,
      version: v.version,
      addedAt: v.added_at,
      text: v.text,
    };
    await write(`${JSON.stringify(line)}\n`);
  }
  const ids = [...new Set(versions.map((v) => v.id))];
  let events = 0;
  for (const agreement of ids) {
    // By ranges of seq up to the last stored event (with stale row estimates after a bulk import, "the
    // next N after" sorted every later event).
    const [top] = await db.query<{ seq: number | string | null }>(
      'SELECT max(seq) AS seq FROM events WHERE agreement_id = $1',
      [agreement],
    );
    const last = Number(top?.seq ?? 0);
    for (let after = 0; after < last; after += PAGE) {
      const rows = await db.query<{
        seq: number | string;
        event_id: string;
        recorded_at: string;
        body: unknown;
        prev_hash: string;
        hash: string;
      }>(
        `SELECT seq, event_id, ${utc('recorded_at')} AS recorded_at, body, prev_hash, hash FROM events
         WHERE agreement_id = $1 AND seq > $2 AND seq <= $2 + ${PAGE} ORDER BY seq`,
        [agreement, after],
      );
      let chunk = '';
      for (const r of rows) {
        const line: EventLine = {
          kind: 'event',
          agreement,
          seq: Number(r.seq),
          id: r.event_id,
          recordedAt: r.recorded_at,
          body: r.body,
          prev: r.prev_hash,
          hash: r.hash,
        };
        chunk += `${canonicalJson(line)}\n`;
      }
      if (chunk) await write(chunk);
      events += rows.length;
    }
  }
  const end: EndLine = { kind: 'end', agreements: ids.length, versions: versions.length, events };
  await write(`${JSON.stringify(end)}\n`);
  return { agreements: ids.length, versions: versions.length, events };
}

/** Why a backup cannot be restored, with the line to blame when there is one. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'BackupError';
  }
}

/**
 * Restores a backup into an EMPTY store, in one transaction: every agreement version with its number and
 * time, every event with its seq and recorded time. Each event's hash is computed again from the chain
 * and must equal the one in the backup, so a restored store holds identical hashes, and a backup that
 * was altered is refused with the line of the first link that does not hold. Nothing is written unless
 * all of it is restored.
 */
export async function restoreBackup(db: Database, text: string): Promise<BackupSummary> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const parse = (n: number): Record<string, unknown> => {
    try {
      const value = JSON.parse(lines[n]!) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw new BackupError('not a JSON object', n + 1);
  };
  if (lines.length === 0) throw new BackupError('the file is empty: not a Truce backup');
  const header = parse(0);
  if (header.truceBackup !== 1)
    throw new BackupError('not a Truce backup (the first line has no "truceBackup": 1)', 1);
  const end = parse(lines.length - 1);
  if (end.kind !== 'end')
    throw new BackupError('the backup is cut off: its last line is not the closing "end" line', lines.length);

  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ n: number | string }>('SELECT count(*) AS n FROM agreements');
    if (Number(existing?.n ?? 0) > 0)
      throw new BackupError(
        'the store already holds agreements; a backup is restored into an empty workspace only',
      );
    const heads = new Map<string, { seq: number; hash: string }>();
    const lastVersion = new Map<string, number>();
    let versions = 0;
    let events = 0;
    let rows = '';
    const flush = async () => {
      if (!rows) return;
      await copyEvents(tx, rows, RESTORE_COLUMNS);
      rows = '';
    };
    for (let n = 1; n < lines.length - 1; n++) {
      const line = parse(n);
      if (line.kind === 'agreement') {
        const { id, version, addedAt, text: agreementText } = line as unknown as AgreementLine;
        const parsed = parseAgreement(String(agreementText));
        if (!parsed.ok || parsed.value.id !== id)
          throw new BackupError(
            `agreement ${String(id)} version ${String(version)} does not parse as that agreement`,
            n + 1,
          );
        const expected = (lastVersion.get(id) ?? 0) + 1;
        if (version !== expected)
          throw new BackupError(
            `agreement ${id} has version ${version} where version ${expected} was expected`,
            n + 1,
          );
        if (expected === 1) {
          await tx.query('INSERT INTO ledger_heads (agreement_id) VALUES ($1)', [id]);
          heads.set(id, { seq: 0, hash: '' });
        }
        lastVersion.set(id, version);
        await tx.query(
          'INSERT INTO agreements (id, version, document, text, added_at) VALUES ($1, $2, $3::jsonb, $4, $5)',
          [id, version, JSON.stringify(parsed.value.document), agreementText, addedAt],
        );
        versions += 1;
      } else if (line.kind === 'event') {
        const e = line as unknown as EventLine;
        const head = heads.get(e.agreement);
        if (!head)
          throw new BackupError(
            `event ${e.id} belongs to agreement ${e.agreement}, which the backup does not hold`,
            n + 1,
          );
        if (e.seq !== head.seq + 1)
          throw new BackupError(`event ${e.id} has seq ${e.seq}, expected ${head.seq + 1}`, n + 1);
        const body = canonicalJson(e.body);
        const hash = linkHash(e.agreement, e.seq, e.id, body, head.hash);
        if (e.prev !== head.hash || hash !== e.hash)
          throw new BackupError(
            `event ${e.id} (seq ${e.seq}) does not hold in the chain: the backup was altered`,
            n + 1,
          );
        rows += `${copyField(e.agreement)}\t${e.seq}\t${copyField(e.id)}\t${e.recordedAt}\t${copyField(body)}\t${e.prev}\t${hash}\n`;
        heads.set(e.agreement, { seq: e.seq, hash });
        events += 1;
        if (events % COPY_BATCH === 0) await flush();
      } else throw new BackupError(`unknown line kind ${JSON.stringify(line.kind)}`, n + 1);
    }
    await flush();
    if (end.events !== events || end.versions !== versions || end.agreements !== heads.size)
      throw new BackupError(
        `the closing line counts ${String(end.events)} events and ${String(end.versions)} versions; the backup holds ${events} and ${versions}`,
        lines.length,
      );
    for (const [id, head] of heads) await setHead(tx, id, head);
    return { agreements: heads.size, versions, events };
  });
}
