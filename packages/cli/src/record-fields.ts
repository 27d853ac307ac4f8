import { type Agreement, nearest, parseDuration, resolveTime, suggestDuration } from '@truce/core';
import type { RecordFlags } from './record-command.ts';

/** The event types `truce record` can build from its fields. */
export const RECORD_TYPES = [
  'release',
  'aid-delivery',
  'violation',
  'phase-started',
  'phase-extended',
  'phase-ended',
  'phase-collapsed',
  'talks-held',
  'list-handed-over',
  'withdrawal',
  'statement',
] as const;

export const EVENT_STATUSES = ['reported', 'corroborated', 'confirmed', 'disputed', 'retracted'] as const;

/** A flag of `truce record` that a prompt can fill. */
export type FieldKey = Exclude<keyof RecordFlags, 'id' | 'json'>;

/** An answer read: the value to put in the flags, or why the answer cannot be taken. */
export type Answer = { readonly value: string | number | boolean | undefined } | { readonly error: string };

/** One question: what it asks, the answers it offers, its default, and how its answer is read. */
export interface Field {
  readonly key: FieldKey;
  readonly label: string;
  readonly required: boolean;
  /** Answers offered (by name or by number); `closed` means no other answer is taken. */
  readonly choices?: readonly string[];
  readonly closed?: boolean;
  readonly default?: string;
  readonly read: (text: string) => Answer;
}

const text = (t: string): Answer => ({ value: t });

function choice(list: readonly string[], closed: boolean) {
  return (t: string): Answer => {
    const n = Number(t);
    if (/^\d+$/.test(t) && n >= 1 && n <= list.length) return { value: list[n - 1] };
    if (list.includes(t) || !closed) return { value: t };
    const hint = nearest(t, list);
    return { error: `\`${t}\` is not one of ${list.join(', ')}${hint ? `; did you mean \`${hint}\`?` : ''}` };
  };
}

function count(t: string): Answer {
  const n = Number(t);
  return t !== '' && Number.isFinite(n) && n >= 0 ? { value: n } : { error: 'give a number, 0 or more' };
}

function yesNo(t: string): Answer {
  if (/^(y|yes)$/i.test(t)) return { value: true };
  if (/^(n|no)$/i.test(t)) return { value: false };
  return { error: 'answer y or n' };
}

/** The local time `2023-11-24T16:00` of an instant, for a default answer. */
function localMinute(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * The questions for an event of `type` under `agreement`, in the order they are asked: the fields the
 * type needs first (with the agreement's ids offered), then when, who reported it, and how sure it is.
 * `now` gives the default times.
 */
export function fieldsFor(type: string, agreement: Agreement, now: number): Field[] {
  const doc = agreement.document;
  const actors = [...doc.parties.map((p) => p.id), ...doc.mediators.map((m) => m.id)];
  const party = (required: boolean, label: string, extra: readonly string[] = []): Field => ({
    key: 'party',
    label,
    required,
    choices: [...actors, ...extra],
    closed: true,
    read: choice([...actors, ...extra], true),
  });
  const phases = doc.phases.map((p) => p.id);
  const phase: Field = {
    key: 'phase',
    label: 'phase',
    required: true,
    choices: phases,
    closed: true,
    read: choice(phases, true),
  };
  const area = (required: boolean): Field => ({ key: 'area', label: 'area', required, read: text });
  const items = [...new Set(doc.obligations.flatMap((o) => (o.kind === 'rate' ? [o.item] : [])))];
  const cohorts = doc.cohorts.map((c) => c.id);
  const specific: Record<(typeof RECORD_TYPES)[number], Field[]> = {
    release: [
      party(true, 'party that released them', ['rescue']),
      {
        key: 'cohort',
        label: 'cohort released',
        required: true,
        choices: cohorts,
        closed: true,
        read: choice(cohorts, true),
      },
      { key: 'count', label: 'how many', required: true, read: count },
    ],
    'aid-delivery': [
      {
        key: 'item',
        label: 'item delivered',
        required: true,
        choices: items,
        closed: false,
        read: choice(items, false),
      },
      { key: 'quantity', label: 'quantity', required: true, read: count },
      party(false, 'party that owed it (blank for none)'),
      area(false),
    ],
    violation: [party(true, 'party said to have violated'), area(false)],
    'phase-started': [phase],
    'phase-extended': [
      phase,
      {
        key: 'by',
        label: 'extended by (ISO 8601 duration)',
        required: true,
        default: 'P1D',
        read: (t) => {
          if (parseDuration(t)) return { value: t };
          const hint = suggestDuration(t);
          return {
            error: `\`${t}\` is not an ISO 8601 duration${hint ? `; did you mean \`${hint}\`?` : ' such as P1D or PT12H'}`,
          };
        },
      },
    ],
    'phase-ended': [phase],
    'phase-collapsed': [phase],
    'talks-held': [],
    'list-handed-over': [party(true, 'party that handed it over')],
    withdrawal: [party(true, 'party that withdrew'), area(true)],
    statement: [party(false, 'party that made it (blank for none)')],
  };
  const time = (t: string): Answer => {
    const resolved = resolveTime(t, agreement.zone);
    return 'error' in resolved ? { error: resolved.error } : { value: t };
  };
  const nowText = localMinute(now, agreement.zone);
  return [
    ...(specific[type as (typeof RECORD_TYPES)[number]] ?? []),
    {
      key: 'occurred',
      label: `when it happened (${agreement.zone} unless an offset is given)`,
      required: true,
      default: nowText,
      read: time,
    },
    { key: 'recorded', label: 'when it was learned', required: true, default: nowText, read: time },
    { key: 'sourceOutlet', label: 'source (outlet; blank for none)', required: false, read: text },
    {
      key: 'status',
      label: 'status',
      required: true,
      default: 'reported',
      choices: EVENT_STATUSES,
      closed: true,
      read: choice(EVENT_STATUSES, true),
    },
    ...(type === 'release' || type === 'aid-delivery'
      ? [
          {
            key: 'outsideFramework',
            label: 'outside the agreement? (y/n)',
            required: true,
            default: 'n',
            read: yesNo,
          } as const,
        ]
      : []),
    { key: 'note', label: 'note (blank for none)', required: false, read: text },
  ];
}

/** The question that asks for the event type. */
export const TYPE_FIELD: Field = {
  key: 'type',
  label: 'event type',
  required: true,
  choices: RECORD_TYPES,
  closed: true,
  read: choice(RECORD_TYPES, true),
};
