import type { Agreement } from '@truce/core';
import { type AppendIssue, checkEvents } from './append-events.ts';
import { canonicalJson } from './canonical-json.ts';
import type { BadRecord, ImportRecord } from './jsonl.ts';
import { RecordSyntaxError } from './jsonl.ts';

/**
 * One chunk of an import file, checked on its own: the records that passed, in file order, and the bad
 * ones. The good records come as columns, not an object each: a million-record import keeps them all until
 * it writes, and a few long strings cost the collector far less than millions of small objects.
 */
export interface CheckedChunk {
  /** The line each good record starts on. */
  readonly lines: Int32Array;
  /** Their ids, joined by line breaks (an id holds none). */
  readonly ids: string;
  /** Their bodies in canonical form, what is hashed and stored, joined by line breaks (canonical JSON holds none). */
  readonly bodies: string;
  /** Each correction or retraction among them: its position in the columns and the id it supersedes. */
  readonly supersedes: readonly (readonly [number, string])[];
  readonly bad: BadRecord[];
  /** An issue blamed no one record (the agreement itself, say): nothing in the file can be written. */
  readonly fatal: boolean;
}

/**
 * Records checked by the core at a time within a chunk. What a slice holds stays alive while it is checked;
 * small slices let the collector free each one young instead of copying a whole chunk's objects again and
 * again (a fifth of the time, measured on 20,000-record chunks). The slices share nothing the core checks:
 * an id used twice and what corrections supersede are checked across the whole file by the caller.
 */
const SLICE = 1_000;

/**
 * Checks records on their own with the core's schema and reference checks, and writes each good one's body
 * in canonical form (what is hashed and stored). Dropping a bad record can expose another (a correction of
 * it within the slice, say), so the check repeats until the rest is clean. Checks across the file (an id
 * used twice, what corrections supersede, what is stored) are the caller's.
 */
export function checkRecords(agreement: Agreement, records: readonly ImportRecord[]): CheckedChunk {
  const bad: BadRecord[] = [];
  const lines: number[] = [];
  const ids: string[] = [];
  const bodies: string[] = [];
  const supersedes: [number, string][] = [];
  for (let from = 0; from < records.length; from += SLICE) {
    let { chunk, docs } = readDocs(records.slice(from, from + SLICE), bad);
    for (;;) {
      const checked = checkEvents(agreement, docs, {});
      if ('issues' in checked) {
        const dropped = blame(checked.issues, chunk, docs, bad);
        if (dropped === 'all')
          return { lines: new Int32Array(), ids: '', bodies: '', supersedes: [], bad, fatal: true };
        chunk = chunk.filter((_, index) => !dropped.has(index));
        docs = docs.filter((_, index) => !dropped.has(index));
        continue;
      }
      checked.events.forEach((e, i) => {
        if ('supersedes' in e) supersedes.push([ids.length, e.supersedes]);
        lines.push(chunk[i]!.line);
        ids.push(e.id);
        const body = canonicalJson(e);
        // Read once, so that V8 flattens the body now. Kept as the rope canonicalJson builds, each body is
        // dozens of small pieces that live until the chunk is joined; copying them from one collection to
        // the next took a quarter of the check.
        body.charCodeAt(0);
        bodies.push(body);
      });
      break;
    }
  }
  return {
    lines: Int32Array.from(lines),
    ids: ids.join('\n'),
    bodies: bodies.join('\n'),
    supersedes,
    bad,
    fatal: false,
  };
}

/**
 * The documents of the records that can be read, read once (a JSON Lines record is parsed each time);
 * the others (a line that is not one JSON object) go to `bad`.
 */
function readDocs(
  records: readonly ImportRecord[],
  bad: BadRecord[],
): { chunk: ImportRecord[]; docs: Record<string, unknown>[] } {
  const chunk: ImportRecord[] = [];
  const docs: Record<string, unknown>[] = [];
  for (const r of records) {
    try {
      docs.push(r.doc);
      chunk.push(r);
    } catch (error) {
      if (!(error instanceof RecordSyntaxError)) throw error;
      bad.push({ line: r.line, code: 'syntax', path: [], message: error.message });
    }
  }
  return { chunk, docs };
}

/** Adds the issues to `bad` by line; the positions to drop, or 'all' when an issue blames no one record. */
function blame(
  issues: readonly AppendIssue[],
  good: readonly ImportRecord[],
  docs: readonly Record<string, unknown>[],
  bad: BadRecord[],
): Set<number> | 'all' {
  bad.push(...issuesToBad(issues, good, docs));
  const blamed = new Set<number>();
  for (const issue of issues) {
    if (issue.index === undefined) return 'all';
    blamed.add(issue.index);
  }
  return blamed;
}

function issuesToBad(
  issues: readonly AppendIssue[],
  records: readonly ImportRecord[],
  docs: readonly Record<string, unknown>[],
): BadRecord[] {
  return issues.map((issue) => {
    if (issue.index === undefined)
      return { line: null, code: issue.code, path: issue.path, message: issue.message };
    const record = records[issue.index];
    const path =
      issue.path[0] === 'events' && issue.path[1] === issue.index ? issue.path.slice(2) : issue.path;
    return { line: record?.line ?? null, code: issue.code, path, message: inFileTerms(issue, records, docs) };
  });
}

/** The core names an earlier use of an id by its place in the batch; a file names it by line. */
function inFileTerms(
  issue: AppendIssue,
  records: readonly ImportRecord[],
  docs: readonly Record<string, unknown>[],
): string {
  if (issue.code !== 'duplicate-id' || issue.index === undefined) return issue.message;
  const id = docs[issue.index]?.id;
  const first = docs.findIndex((d) => d.id === id);
  const line = first >= 0 && first < issue.index ? records[first]?.line : undefined;
  return line === undefined
    ? issue.message
    : `the event id \`${String(id)}\` is already used on line ${line}`;
}
