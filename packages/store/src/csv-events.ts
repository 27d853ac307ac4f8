import { EventSchema } from '@truce/core';
import { canonicalJson } from './canonical-json.ts';
import { formatCsv, parseCsv } from './csv-text.ts';
import { type ImportOptions, type ImportResult, importRecords } from './import-events.ts';
import type { BadRecord, ImportRecord, ParsedRecords } from './jsonl.ts';
import type { Store } from './open-store.ts';

/** The columns of Truce's CSV, in order (see the package README for what each holds). */
export const CSV_COLUMNS = [
  'id',
  'type',
  'occurred',
  'recorded',
  'status',
  'party',
  'cohort',
  'count',
  'count_low',
  'count_high',
  'item',
  'quantity',
  'phase',
  'by',
  'outside_framework',
  'fact',
  'source_outlet',
  'source_url',
  'source_title',
  'source_published',
  'source_attribution',
  'source_reliability',
  'source_credibility',
  'note',
  'extra',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<CsvColumn, string>>;

/** Event fields written to a column of their own (when their value fits it); the rest go to `extra`. */
const STRING_FIELDS: readonly [string, CsvColumn][] = [
  ['occurred', 'occurred'],
  ['recorded', 'recorded'],
  ['status', 'status'],
  ['party', 'party'],
  ['item', 'item'],
  ['phase', 'phase'],
  ['by', 'by'],
  ['fact', 'fact'],
  ['note', 'note'],
];

const SOURCE_FIELDS: readonly [string, CsvColumn][] = [
  ['outlet', 'source_outlet'],
  ['url', 'source_url'],
  ['title', 'source_title'],
  ['published', 'source_published'],
  ['attribution', 'source_attribution'],
  ['reliability', 'source_reliability'],
];

/**
 * Events as CSV (RFC 4180, CRLF): a header row of `CSV_COLUMNS`, then one row per event. Every event
 * comes back exactly from `parseEventsCsv`: a value with no column of its own, or one a column cannot
 * hold exactly, is written as JSON in `extra`.
 */
export function formatEventsCsv(events: readonly unknown[]): string {
  const rows = events.map(toRow);
  return formatCsv([[...CSV_COLUMNS], ...rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? ''))]);
}

function toRow(event: unknown): Row {
  const doc = event as Record<string, unknown>;
  const row = flatRow(doc);
  const back = fromRow(row);
  if ('doc' in back && sameEvent(back.doc, doc)) return row;
  // A safety net: anything the columns would not bring back exactly travels whole in `extra`.
  const { id, type, ...rest } = doc;
  return { id: String(id), type: String(type), extra: JSON.stringify(rest) };
}

function flatRow(doc: Record<string, unknown>): Row {
  const row: Row = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    if (key === 'id' || key === 'type') {
      if (typeof value === 'string' && value !== '') row[key] = value;
      else extra[key] = value;
      continue;
    }
    const column = STRING_FIELDS.find(([field]) => field === key)?.[1];
    if (column && typeof value === 'string' && value !== '') row[column] = value;
    else if (key === 'outsideFramework' && typeof value === 'boolean') row.outside_framework = String(value);
    else if (key === 'released' && putReleased(row, value)) {
      // written
    } else if (key === 'count' && putQuantity(row, value, 'count')) {
      // written
    } else if (key === 'quantity' && typeof value === 'number') row.quantity = String(value);
    else if ((key === 'sources' || key === 'parties') && Array.isArray(value) && value.length === 0) {
      // a default, filled in again on import (the round trip is checked below)
    } else if (key === 'sources' && putSource(row, value)) {
      // written
    } else extra[key] = value;
  }
  if (Object.keys(extra).length) row.extra = JSON.stringify(extra);
  return row;
}

function putQuantity(row: Row, value: unknown, column: 'count'): boolean {
  if (typeof value === 'number') {
    row[column] = String(value);
    return true;
  }
  if (typeof value !== 'object' || value === null) return false;
  const { best, low, high, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length || typeof best !== 'number') return false;
  if (low === undefined && high === undefined) return false; // `{ best }` alone would come back as a number
  if ((low !== undefined && typeof low !== 'number') || (high !== undefined && typeof high !== 'number'))
    return false;
  row.count = String(best);
  if (low !== undefined) row.count_low = String(low);
  if (high !== undefined) row.count_high = String(high);
  return true;
}

function putReleased(row: Row, value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const entries = value as { cohort?: unknown; count?: unknown }[];
  if (!entries.every((e) => typeof e === 'object' && e !== null && Object.keys(e).length === 2)) return false;
  if (!entries.every((e) => typeof e.cohort === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(e.cohort)))
    return false;
  if (entries.length === 1) {
    const [only] = entries;
    if (!only || !putQuantity(row, only.count, 'count')) return false;
    row.cohort = String(only.cohort);
    return true;
  }
  if (!entries.every((e) => typeof e.count === 'number')) return false;
  row.cohort = entries.map((e) => `${e.cohort}=${e.count}`).join(';');
  return true;
}

function putSource(row: Row, value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 1) return false;
  const [source] = value;
  if (typeof source !== 'object' || source === null) return false;
  const { credibility, ...rest } = source as Record<string, unknown>;
  const written: Row = {};
  for (const [key, v] of Object.entries(rest)) {
    const column = SOURCE_FIELDS.find(([field]) => field === key)?.[1];
    if (!column || typeof v !== 'string' || v === '') return false;
    written[column] = v;
  }
  if (credibility !== undefined) {
    if (typeof credibility !== 'number') return false;
    written.source_credibility = String(credibility);
  }
  if (!written.source_outlet) return false;
  Object.assign(row, written);
  return true;
}

/** The same event, once the schema's defaults are filled in on both sides. */
function sameEvent(a: unknown, b: unknown): boolean {
  const fill = (x: unknown) => {
    const parsed = EventSchema.safeParse(x);
    return parsed.success ? parsed.data : x;
  };
  return canonicalJson(fill(a)) === canonicalJson(fill(b));
}

type RowProblem = { column: CsvColumn | null; message: string };

function fromRow(row: Row): { doc: Record<string, unknown> } | { problems: RowProblem[] } {
  const doc: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  const number = (column: CsvColumn): number | undefined => {
    const text = row[column];
    if (text === undefined || text === '') return undefined;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) {
      problems.push({ column, message: `${JSON.stringify(text)} is not a number` });
      return undefined;
    }
    return n;
  };
  const quantity = (): unknown => {
    const best = number('count');
    const low = number('count_low');
    const high = number('count_high');
    if (best === undefined) {
      if (low !== undefined || high !== undefined)
        problems.push({ column: 'count', message: 'count_low or count_high needs a best count in `count`' });
      return undefined;
    }
    if (low === undefined && high === undefined) return best;
    return { best, ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
  };
  if (row.id) doc.id = row.id;
  if (row.type) doc.type = row.type;
  for (const [field, column] of STRING_FIELDS) if (row[column]) doc[field] = row[column];
  const outside = row.outside_framework;
  if (outside === 'true' || outside === 'false') doc.outsideFramework = outside === 'true';
  else if (outside)
    problems.push({
      column: 'outside_framework',
      message: `write true or false, not ${JSON.stringify(outside)}`,
    });
  const cohort = row.cohort;
  if (cohort?.includes('=')) {
    if (row.count || row.count_low || row.count_high)
      problems.push({ column: 'count', message: 'leave count empty when `cohort` lists cohort=count pairs' });
    const released: { cohort: string; count: number }[] = [];
    for (const pair of cohort.split(';')) {
      const [name = '', n = '', ...more] = pair.split('=');
      const value = Number(n);
      if (more.length || name === '' || n.trim() === '' || !Number.isFinite(value))
        problems.push({ column: 'cohort', message: `${JSON.stringify(pair)} is not cohort=count` });
      else released.push({ cohort: name, count: value });
    }
    doc.released = released;
  } else if (cohort) {
    const count = quantity();
    if (count === undefined && !row.count)
      problems.push({ column: 'count', message: 'a release of one cohort needs its count' });
    doc.released = [{ cohort, count }];
  } else {
    const count = quantity();
    if (count !== undefined) doc.count = count;
  }
  const q = number('quantity');
  if (q !== undefined) doc.quantity = q;
  if (SOURCE_FIELDS.some(([, column]) => row[column]) || row.source_credibility) {
    const source: Record<string, unknown> = {};
    for (const [field, column] of SOURCE_FIELDS) if (row[column]) source[field] = row[column];
    const credibility = number('source_credibility');
    if (credibility !== undefined) source.credibility = credibility;
    doc.sources = [source];
  }
  if (row.extra) {
    let extra: unknown;
    try {
      extra = JSON.parse(row.extra);
    } catch (error) {
      problems.push({ column: 'extra', message: `not valid JSON: ${(error as Error).message}` });
    }
    if (extra !== undefined) {
      if (typeof extra !== 'object' || extra === null || Array.isArray(extra))
        problems.push({ column: 'extra', message: 'extra must be a JSON object of further event fields' });
      else
        for (const [key, value] of Object.entries(extra)) {
          if (key in doc)
            problems.push({ column: 'extra', message: `\`${key}\` is set by a column already` });
          else doc[key] = value;
        }
    }
  }
  return problems.length ? { problems } : { doc };
}

/**
 * Reads Truce's CSV: a header row naming columns from `CSV_COLUMNS` (in any order, any subset), then one
 * event per row. Bad rows are reported with the line they start on and the reason.
 */
export function parseEventsCsv(text: string): ParsedRecords {
  const { records, errors } = parseCsv(text);
  const bad: BadRecord[] = errors.map((e) => ({
    line: e.line,
    code: 'syntax',
    path: [],
    message: e.message,
  }));
  const [header, ...rows] = records;
  if (!header) return { records: [], bad };
  const columns = header.fields.map((f) => f.trim());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length || repeated.length) {
    const message = unknown.length
      ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}`
      : `column ${JSON.stringify(repeated[0])} appears twice`;
    return { records: [], bad: [{ line: header.line, code: 'syntax', path: [], message }, ...bad] };
  }
  const good: ImportRecord[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== columns.length) {
      bad.push({
        line,
        code: 'syntax',
        path: [],
        message: `${fields.length} field${fields.length === 1 ? '' : 's'}, but the header names ${columns.length}`,
      });
      continue;
    }
    const row: Row = {};
    columns.forEach((c, i) => {
      row[c as CsvColumn] = fields[i] ?? '';
    });
    const read = fromRow(row);
    if ('doc' in read) good.push({ line, doc: read.doc });
    else
      for (const p of read.problems)
        bad.push({ line, code: 'invalid-value', path: p.column ? [p.column] : [], message: p.message });
  }
  return { records: good, bad: bad.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** An agreement's stored events as CSV, in the order they were appended. */
export async function exportCsv(store: Store, agreementId: string): Promise<string> {
  return formatEventsCsv(await store.events(agreementId));
}

/** Imports CSV into an agreement's ledger, all or nothing unless `skipBad` (see `importRecords`). */
export function importCsv(
  store: Store,
  agreementId: string,
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importRecords(store, agreementId, parseEventsCsv(text), options);
}
