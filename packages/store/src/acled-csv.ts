import type { Agreement } from '@truce/core';
import { parseCsv } from './csv-text.ts';
import type { BadRecord, ImportRecord, ParsedRecords } from './jsonl.ts';

/** The ACLED columns the mapping reads; an export may hold more, which are ignored. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'admin1',
  'country',
  'source',
  'notes',
  'fatalities',
  'timestamp',
] as const;

const REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'actor1'] as const;

/** ACLED event types that report violence: each row becomes a reported `violation` by its first actor. */
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
/** ACLED's strategic developments: each row becomes a `statement` (an agreement, an arrest, a looting…). */
const STRATEGIC = 'Strategic developments';

export interface AcledOptions {
  /** The agreement the rows go into: its parties and mediators are what actors are matched to. */
  readonly agreement: Agreement;
  /** ACLED actor names mapped to party or mediator ids, for names the automatic match does not find. */
  readonly actors?: Readonly<Record<string, string>>;
  /** When the rows were recorded, for rows without ACLED's `timestamp`. */
  readonly recorded: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** ACLED's event date as YYYY-MM-DD: exports write `2023-11-24` or `24 November 2023`. */
function isoDate(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(t);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The party or mediator an ACLED actor names: the explicit mapping first, else the one whose name or id
 * appears in the actor's name as whole words ("Military Forces of X (2022-)" → the party named X).
 * Undefined when none or more than one matches.
 */
function actorId(name: string, options: AcledOptions): { id: string } | { problem: string } | undefined {
  const given = options.actors?.[name];
  if (given !== undefined) return { id: given };
  const words = ` ${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const { agreement } = options;
  const candidates = [
    ...agreement.document.parties.map((p) => ({ id: p.id, name: p.name })),
    ...agreement.document.mediators.map((m) => ({ id: m.id, name: m.name })),
  ];
  const found = candidates.filter((c) =>
    [c.name, c.id].some((n) => {
      const key = n
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      return key.length > 0 && words.includes(` ${key} `);
    }),
  );
  if (found.length === 1) return { id: found[0]!.id };
  if (found.length > 1)
    return {
      problem: `actor \`${name}\` matches ${found.map((f) => f.id).join(' and ')}; map it with --actor '${name}=ID'`,
    };
  return undefined;
}

/** An ACLED id as a Truce event id: lower case, other characters as hyphens, prefixed `acled-`. */
const eventId = (id: string) => `acled-${id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;

/**
 * Reads an ACLED export (CSV with ACLED's header) as Truce events:
 * - Battles, Explosions/Remote violence and Violence against civilians become reported `violation`s by
 *   the party the first actor names, with the sub-event type as the activity and the place as the area;
 * - Strategic developments become `statement`s, with the first actor as the party when it is one;
 * - other types (protests, riots) are reported as bad rows: they say nothing about the agreement.
 * The date keeps ACLED's precision (a day; a week as the seven days around it; a month); the source
 * column becomes the sources, the notes and fatalities the note. Rows are reported by line.
 */
export function parseAcledCsv(text: string, options: AcledOptions): ParsedRecords {
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
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return {
      records: [],
      bad: [
        {
          line: header.line,
          code: 'syntax',
          path: [],
          message: `not an ACLED export: the header lacks ${missing.join(', ')}`,
        },
        ...bad,
      ],
    };
  const at = (fields: readonly string[], column: (typeof ACLED_COLUMNS)[number]) => {
    const i = columns.indexOf(column);
    return i < 0 ? '' : (fields[i] ?? '').trim();
  };
  const good: ImportRecord[] = [];
  for (const { line, fields } of rows) {
    const problem = (message: string, column?: string) =>
      bad.push({ line, code: 'invalid-value', path: column ? [column] : [], message });
    if (fields.length !== columns.length) {
      bad.push({
        line,
        code: 'syntax',
        path: [],
        message: `${fields.length} fields, but the header names ${columns.length}`,
      });
      continue;
    }
    const id = at(fields, 'event_id_cnty');
    const date = isoDate(at(fields, 'event_date'));
    const type = at(fields, 'event_type');
    if (!id) {
      problem('the row has no event_id_cnty', 'event_id_cnty');
      continue;
    }
    if (!date) {
      problem(
        `event_date \`${at(fields, 'event_date')}\` is not a date (2023-11-24 or 24 November 2023)`,
        'event_date',
      );
      continue;
    }
    const violent = VIOLENT.has(type);
    if (!violent && type !== STRATEGIC) {
      problem(
        `ACLED event type \`${type}\` has no Truce mapping (only violence and strategic developments are imported)`,
        'event_type',
      );
      continue;
    }
    const actor1 = at(fields, 'actor1');
    const party = actorId(actor1, options);
    if (party && 'problem' in party) {
      problem(party.problem, 'actor1');
      continue;
    }
    if (violent && !party) {
      problem(
        `actor1 \`${actor1}\` is not a party or mediator of \`${options.agreement.id}\`; map it with --actor '${actor1}=ID'`,
        'actor1',
      );
      continue;
    }
    const precision = at(fields, 'time_precision');
    const occurred =
      precision === '2'
        ? { from: shiftDays(date, -3), to: shiftDays(date, 3), precision: 'day' }
        : precision === '3'
          ? { at: date.slice(0, 7), precision: 'month' }
          : { at: date, precision: 'day' };
    const stamp = Number(at(fields, 'timestamp'));
    const recorded =
      at(fields, 'timestamp') !== '' && Number.isFinite(stamp)
        ? new Date(stamp * 1000).toISOString().replace('.000Z', 'Z')
        : options.recorded;
    const outlets = at(fields, 'source')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const fatalities = at(fields, 'fatalities');
    const noteParts = [
      at(fields, 'notes'),
      fatalities && fatalities !== '0' ? `Fatalities (ACLED): ${fatalities}.` : '',
    ];
    const note = noteParts.filter((p) => p.length > 0).join(' ');
    const place = [at(fields, 'location'), at(fields, 'admin1')].filter((p) => p.length > 0).join(', ');
    const sub = at(fields, 'sub_event_type');
    const common = {
      id: eventId(id),
      occurred,
      recorded,
      status: 'reported',
      sources: outlets.map((outlet) => ({ outlet, attribution: `ACLED ${id}` })),
      ...(note ? { note } : {}),
    };
    const doc = violent
      ? {
          ...common,
          type: 'violation',
          party: (party as { id: string }).id,
          ...(sub ? { activity: sub } : {}),
          ...(place ? { area: place } : {}),
        }
      : {
          ...common,
          type: 'statement',
          ...(party ? { party: party.id } : {}),
          text: [sub, at(fields, 'notes')].filter((p) => p.length > 0).join(': ') || type,
        };
    good.push({ line, doc });
  }
  return { records: good, bad: bad.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
