import { canonicalJson } from './canonical-json.ts';

/** A record read from an import file: the 1-based line it starts on and the event document it holds. */
export interface ImportRecord {
  readonly line: number;
  readonly doc: Record<string, unknown>;
  /** The record's JSON text, when it was read from JSON Lines: a check on a worker thread parses it there. */
  readonly text?: string;
}

/** A record that cannot be imported: its 1-based line (null when no single line is to blame) and why. */
export interface BadRecord {
  readonly line: number | null;
  readonly code: string;
  /** Where in the event the problem is (`['released', 0, 'cohort']`); empty for the whole record. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What an import file held: the records that parsed, and the lines that did not. */
export interface ParsedRecords {
  readonly records: readonly ImportRecord[];
  readonly bad: readonly BadRecord[];
}

/**
 * A ledger as JSON Lines: one event document per line (RFC 8785 canonical JSON), in the order given, each
 * line ended by LF.
 * @example
 * formatJsonl([{ id: 'e1', type: 'talks-held' }]) // '{"id":"e1","type":"talks-held"}\n'
 */
export function formatJsonl(events: readonly unknown[]): string {
  return events.map((e) => `${canonicalJson(e)}\n`).join('');
}

/** Why a line of JSON Lines is not an event document: thrown when the line is read. */
export class RecordSyntaxError extends Error {}

/**
 * One line of JSON Lines, parsed each time its document is read and never kept: an import of a million
 * lines then holds a million strings, not a million parsed documents the collector must walk again and
 * again (most of a large import's time went to that).
 */
class JsonlLine implements ImportRecord {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {}

  get doc(): Record<string, unknown> {
    let value: unknown;
    try {
      value = JSON.parse(this.text);
    } catch (error) {
      throw new RecordSyntaxError(`not valid JSON: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new RecordSyntaxError('a line must hold one JSON object (an event)');
    return value as Record<string, unknown>;
  }
}

/** A record of JSON Lines from its 1-based line number and its text; its `doc` is parsed when read. */
export function jsonlRecord(line: number, text: string): ImportRecord {
  return new JsonlLine(line, text);
}

/**
 * Reads JSON Lines: each non-blank line is a record. A line is parsed when its `doc` is read, which throws
 * a RecordSyntaxError when it is not one JSON object; the import reports such lines by number, with the
 * reason, and they do not stop the others from being read.
 */
export function parseJsonl(text: string): ParsedRecords {
  const records: ImportRecord[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  lines.forEach((raw, n) => {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() !== '') records.push(jsonlRecord(n + 1, content));
  });
  return { records, bad: [] };
}

/** A bad record as `file:line: message` (`file: message` when no line is to blame). */
export function formatBadRecord(file: string, bad: BadRecord): string {
  const where = bad.line === null ? file : `${file}:${bad.line}`;
  const path = bad.path.length ? `${bad.path.join('.')}: ` : '';
  return `${where}: ${path}${bad.message}`;
}
