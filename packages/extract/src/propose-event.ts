import type { Agreement } from '@truce/core';
import type { Candidate, DateValue } from './candidate.ts';

/** The fields of a ledger event a reviewer starts from, named as `truce record`'s flags. */
export interface ProposedFields {
  type: string;
  party?: string;
  cohort?: string;
  count?: number;
  item?: string;
  quantity?: number;
  area?: string;
  phase?: string;
  by?: string;
  occurred?: string;
  text?: string;
  note?: string;
}

/**
 * A candidate read as a ledger event, or why it cannot be one; either way, `note` is the statement
 * event that would note it.
 */
export type Proposal =
  | {
      readonly ok: true;
      readonly fields: ProposedFields;
      readonly missing: readonly string[];
      readonly note: ProposedFields;
    }
  | { readonly ok: false; readonly reason: string; readonly note: ProposedFields };

function lower(text: string): string {
  return text.toLowerCase().replace(/[\u2019']s?$/, '');
}

/** The agreement's party or mediator a candidate names, first in the text; parties before mediators. */
function partyOf(c: Candidate, agreement: Agreement, mediatorsToo: boolean): string | undefined {
  return partyNamed(
    c.actors.map((a) => a.name),
    agreement,
    mediatorsToo,
  );
}

/** The first of the agreement's parties (and mediators, when asked) that one of `names` names. */
function partyNamed(
  names: readonly string[],
  agreement: Agreement,
  mediatorsToo: boolean,
): string | undefined {
  const doc = agreement.document;
  const known = [...doc.parties, ...(mediatorsToo ? doc.mediators : [])];
  for (const raw of names) {
    const name = lower(raw);
    const words = name.split(/\s+/);
    const hit = known.find((p) => {
      if (p.id === name || lower(p.name ?? '') === name || words.includes(p.id)) return true;
      // "Israeli forces" and "a Qatari official" name israel and qatar: a word starts with the name.
      const stem = lower(p.name ?? p.id).slice(0, Math.max(4, (p.name ?? p.id).length - 1));
      return (
        (name.length > 3 && name.startsWith(stem)) || words.some((w) => w.length > 3 && w.startsWith(stem))
      );
    });
    if (hit) return hit.id;
  }
  return undefined;
}

/**
 * Who made a statement: a party or mediator named by whoever the report says said it ("a Hamas
 * official", "Qatar's foreign ministry"). Never the first party the sentence mentions: "a pause was reached
 * between Israel and Hamas" is not a statement by Israel. Without such a source the reviewer says who.
 */
function speakerOf(c: Candidate, agreement: Agreement): string | undefined {
  const said = c.attribution.sources.filter((s) => s.scope === 'sentence').map((s) => s.span.text);
  const named = partyNamed(said, agreement, true);
  if (named !== undefined || c.kind !== 'statement') return named;
  // A statement candidate's own subject is its speaker ("Hamas said …").
  return partyOf(c, agreement, true);
}

/** The agreement's cohort that shares most of the candidate's cohort words (in its id or name). */
function cohortOf(c: Candidate, agreement: Agreement): string | undefined {
  const words = c.cohorts.flatMap((x) => x.cohort.split(' '));
  let best: { id: string; score: number } | undefined;
  for (const cohort of agreement.document.cohorts) {
    const hay = `${cohort.id} ${cohort.name ?? ''}`.toLowerCase();
    const score = words.filter((w) => hay.includes(w)).length;
    if (score > 0 && (!best || score > best.score)) best = { id: cohort.id, score };
  }
  return best?.id;
}

function dayOf(d: DateValue): string | undefined {
  if (d.precision === 'month' || d.precision === 'year') return undefined;
  return d.time ? `${d.date}T${d.time}` : d.date;
}

function occurredOf(c: Candidate): string | undefined {
  if (c.when?.type === 'date') return dayOf(c.when);
  if (c.when?.type === 'interval') return dayOf(c.when.from);
  return undefined;
}

const CURTAILED = /curtail|cut|block|restrict|halt/i;

/**
 * The ledger event a candidate proposes, with the agreement's ids filled in where the text names them
 * (party, cohort, phase) and `missing` listing what a reviewer must still give. Only candidates that
 * report something that happened, of a kind the ledger records, can be events; the others come with
 * the statement that would note them.
 */
export function proposeEvent(c: Candidate, agreement: Agreement, published: string): Proposal {
  const note: ProposedFields = {
    type: 'statement',
    occurred: published,
    text: c.span.text,
    ...(speakerOf(c, agreement) ? { party: speakerOf(c, agreement)! } : {}),
  };
  const refuse = (reason: string): Proposal => ({ ok: false, reason, note });
  if (c.modality !== 'happened')
    return refuse(`it is ${c.modality} (“${c.modalityCue?.text ?? ''}”), not something that happened`);
  const fields: ProposedFields = { type: '' };
  const occurred = occurredOf(c);
  if (occurred) fields.occurred = occurred;
  const phase = agreement.document.phases[0]?.id;
  const party = partyOf(c, agreement, false);
  switch (c.kind) {
    case 'release': {
      fields.type = 'release';
      if (party) fields.party = party;
      const cohort = cohortOf(c, agreement);
      if (cohort) fields.cohort = cohort;
      if (c.quantity) fields.count = c.quantity.value;
      break;
    }
    case 'pause-started':
    case 'pause-ended':
      fields.type = c.kind === 'pause-started' ? 'phase-started' : 'phase-ended';
      if (phase) fields.phase = phase;
      break;
    case 'pause-extended':
      fields.type = 'phase-extended';
      if (phase) fields.phase = phase;
      if (c.when?.type === 'duration') {
        fields.by = c.when.iso;
        delete fields.occurred;
      }
      break;
    case 'aid-or-supply':
      if (CURTAILED.test(c.trigger.text)) return refuse('it reports supplies cut, not a delivery');
      fields.type = 'aid-delivery';
      if (party) fields.party = party;
      if (c.quantity) {
        fields.quantity = c.quantity.value;
        if (c.quantity.unit) fields.item = c.quantity.unit;
      } else if (c.goods[0]) fields.item = c.goods[0].text;
      break;
    case 'violation':
      fields.type = 'violation';
      if (party) fields.party = party;
      break;
    case 'statement':
      Object.assign(fields, note, occurred ? { occurred } : {});
      break;
    default:
      return refuse(`a ${c.kind.replace('-', ' ')} has no ledger event type`);
  }
  const needed: Record<string, readonly (keyof ProposedFields)[]> = {
    release: ['party', 'cohort', 'count', 'occurred'],
    'phase-started': ['phase', 'occurred'],
    'phase-ended': ['phase', 'occurred'],
    'phase-extended': ['phase', 'by', 'occurred'],
    'aid-delivery': ['item', 'quantity', 'occurred'],
    violation: ['party', 'occurred'],
    statement: ['occurred'],
  };
  const missing = (needed[fields.type] ?? []).filter((k) => fields[k] === undefined);
  return { ok: true, fields, missing, note };
}
