import { canonicalJson } from './canonical-json.ts';

/** A record read from an import file: the 1-based line it starts on and the event document it holds. */
export interface ImportRecord {
  readonly line: number;
  readonly doc: Record<string, unknown>;
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

/**
 * Reads JSON Lines: each non-blank line must be one JSON object. Lines that are not are reported with
 * their 1-based number and the reason; they do not stop the others from being read.
 */
export function parseJsonl(text: string): ParsedRecords {
  const records: ImportRecord[] = [];
  const bad: BadRecord[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  lines.forEach((raw, n) => {
    const line = n + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      bad.push({ line, code: 'syntax', path: [], message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      bad.push({ line, code: 'syntax', path: [], message: 'a line must hold one JSON object (an event)' });
    else records.push({ line, doc: value as Record<string, unknown> });
  });
  return { records, bad };
}

/** A bad record as `file:line: message` (`file: message` when no line is to blame). */
export function formatBadRecord(file: string, bad: BadRecord): string {
  const where = bad.line === null ? file : `${file}:${bad.line}`;
  const path = bad.path.length ? `${bad.path.join('.')}: ` : '';
  return `${where}: ${path}${bad.message}`;
}
