import type { Source } from './agreement-schema.ts';
import { assertNever } from './compile-agreement.ts';
import type { Agreement } from './compiled-agreement.ts';
import { parseDuration, suggestDuration } from './duration.ts';
import { type EventDocument, EventSchema, type Occurred, type Quantity } from './event-schema.ts';
import { type Precision, resolveTime, widen } from './instant.ts';
import { codeOf } from './intern.ts';
import { nearest } from './issue.ts';
import { type Figure, gradeOf, type LedgerEvent } from './ledger-event.ts';
import { minuteOf } from './minute-series.ts';

type Report = (code: string, path: (string | number)[], message: string) => void;

/** A figure from a written quantity: a bare number is exact. */
export function toFigure(q: Quantity): Figure {
  if (typeof q === 'number') return { best: q, low: q, high: q };
  return { best: q.best, low: q.low ?? q.best, high: q.high ?? q.best };
}

interface Context {
  readonly agreement: Agreement;
  readonly sources: Readonly<Record<string, Source>>;
  readonly report: Report;
}

/**
 * Turns a written event into a ledger event, resolving times once (in the agreement's zone) and
 * checking its references against the agreement. Reports problems through `report`.
 */
export function normalizeEvent(doc: EventDocument, ctx: Context, path: (string | number)[]): LedgerEvent {
  const { agreement, report } = ctx;
  const zone = agreement.zone;
  const time = (text: string, p: (string | number)[], precision?: Precision) => {
    const t = resolveTime(text, zone);
    if ('error' in t) {
      report('bad-time', p, t.error);
      return { start: 0, end: 0, precision: 'minute' as Precision };
    }
    return widen(t, precision, zone);
  };
  const occurred = (o: Occurred) => {
    if (typeof o === 'string') {
      const t = time(o, [...path, 'occurred']);
      return { start: t.start, end: t.end, at: mid(t), until: mid(t), precision: t.precision };
    }
    if ('at' in o) {
      const t = time(o.at, [...path, 'occurred', 'at'], o.precision);
      return { start: t.start, end: t.end, at: mid(t), until: mid(t), precision: t.precision };
    }
    const from = time(o.from, [...path, 'occurred', 'from'], o.precision);
    const to = time(o.to, [...path, 'occurred', 'to'], o.precision);
    if (to.start < from.start) report('bad-time', [...path, 'occurred', 'to'], '`to` is before `from`');
    return { start: from.start, end: to.end, at: mid(from), until: mid(to), precision: from.precision };
  };
  const ids = idsOf(agreement);
  const known = (id: string, candidates: ReadonlySet<string>, what: string, p: (string | number)[]) => {
    if (candidates.has(id)) return;
    const hint = nearest(id, [...candidates]);
    report(
      'undefined-reference',
      p,
      `\`${id}\` is not ${what} of agreement \`${agreement.id}\`${hint ? `; did you mean \`${hint}\`?` : ''}`,
    );
  };
  const party = (id: string | undefined, p: (string | number)[], extra: readonly string[] = []) =>
    id === undefined ||
    extra.includes(id) ||
    known(id, extra.length === 0 ? ids.actors : new Set([...ids.actors, ...extra]), 'a party or mediator', p);
  const obligation = (id: string, p: (string | number)[]) => known(id, ids.obligations, 'an obligation', p);
  const phase = (id: string, p: (string | number)[]) => known(id, ids.phases, 'a phase', p);
  const cohort = (id: string, p: (string | number)[]) => known(id, ids.cohorts, 'a cohort', p);
  const sources: readonly Source[] =
    doc.sources.length === 0
      ? NO_SOURCES
      : doc.sources.map((s, i) => {
          if (typeof s !== 'string') return s;
          const found = ctx.sources[s] ?? agreement.document.sources[s];
          if (!found) {
            const hint = nearest(s, [
              ...Object.keys(ctx.sources),
              ...Object.keys(agreement.document.sources),
            ]);
            report(
              'undefined-reference',
              [...path, 'sources', i],
              `\`${s}\` is not a source defined in the ledger or the agreement${hint ? `; did you mean \`${hint}\`?` : ''}`,
            );
            return { outlet: s };
          }
          return found;
        });
  const when = occurred(doc.occurred);
  const recorded =
    'recorded' in doc ? time((doc as { recorded: string }).recorded, [...path, 'recorded']).start : 0;
  const base = {
    type: doc.type,
    plain: false,
    atMinute: minuteOf(when.at),
    recordedMinute: minuteOf(recorded),
    id: 'id' in doc ? (doc as { id: string }).id : '',
    at: when.at,
    until: when.until,
    occurredStart: when.start,
    occurredEnd: when.end,
    precision: when.precision,
    recorded,
    status: doc.status,
    fact: doc.fact,
    outsideFramework: doc.outsideFramework,
    sources,
    grade: gradeOf(sources),
    note: doc.note,
    hasPersons: (doc.persons?.length ?? 0) > 0,
    corrects: undefined,
  };
  switch (doc.type) {
    case 'release': {
      party(doc.party, [...path, 'party'], ['rescue']);
      doc.released.forEach((r, i) => cohort(r.cohort, [...path, 'released', i, 'cohort']));
      const credited = doc.creditedAt ? time(doc.creditedAt, [...path, 'creditedAt']).start : when.at;
      // Fields the fold reads come first, in one literal, so every release has the same compact shape.
      return {
        type: doc.type,
        plain: isPlain(base.fact, when.at, when.until, credited),
        atMinute: base.atMinute,
        recordedMinute: base.recordedMinute,
        creditedMinute: minuteOf(credited),
        at: when.at,
        credited,
        recorded: base.recorded,
        status: base.status,
        party: doc.party,
        partyCode: codeOf(doc.party),
        outsideFramework: base.outsideFramework,
        released: doc.released.map((r) => ({
          cohort: r.cohort,
          cohortCode: codeOf(r.cohort),
          ...toFigure(r.count),
        })),
        id: base.id,
        until: when.until,
        fact: base.fact,
        occurredStart: base.occurredStart,
        occurredEnd: base.occurredEnd,
        precision: base.precision,
        sources: base.sources,
        grade: base.grade,
        note: base.note,
        hasPersons: base.hasPersons,
        corrects: base.corrects,
      };
    }
    case 'aid-delivery':
      party(doc.party, [...path, 'party']);
      return {
        type: doc.type,
        plain: isPlain(base.fact, when.at, when.until, when.at),
        atMinute: base.atMinute,
        recordedMinute: base.recordedMinute,
        at: when.at,
        recorded: base.recorded,
        status: base.status,
        party: doc.party,
        partyCode: doc.party === undefined ? -1 : codeOf(doc.party),
        outsideFramework: base.outsideFramework,
        item: doc.item,
        itemCode: codeOf(doc.item),
        quantity: toFigure(doc.quantity),
        id: base.id,
        until: when.until,
        fact: base.fact,
        occurredStart: base.occurredStart,
        occurredEnd: base.occurredEnd,
        precision: base.precision,
        sources: base.sources,
        grade: base.grade,
        note: base.note,
        hasPersons: base.hasPersons,
        corrects: base.corrects,
        area: doc.area,
      };
    case 'violation':
      party(doc.party, [...path, 'party']);
      party(doc.reportedBy, [...path, 'reportedBy']);
      if (doc.obligation !== undefined) obligation(doc.obligation, [...path, 'obligation']);
      return {
        ...base,
        type: doc.type,
        party: doc.party,
        obligation: doc.obligation,
        activity: doc.activity,
        area: doc.area,
        reportedBy: doc.reportedBy,
      };
    case 'phase-started':
      phase(doc.phase, [...path, 'phase']);
      return { ...base, type: doc.type, phase: doc.phase };
    case 'phase-extended': {
      phase(doc.phase, [...path, 'phase']);
      doc.agreedBy?.forEach((p, i) => party(p, [...path, 'agreedBy', i]));
      const by = parseDuration(doc.by);
      if (!by) {
        const hint = suggestDuration(doc.by);
        report(
          'bad-duration',
          [...path, 'by'],
          `\`${doc.by}\` is not an ISO 8601 duration${hint ? `; did you mean \`${hint}\`?` : ''}`,
        );
      }
      return { ...base, type: doc.type, phase: doc.phase, by: by ?? parseDuration('PT0S')!, byText: doc.by };
    }
    case 'phase-ended':
      phase(doc.phase, [...path, 'phase']);
      return { ...base, type: doc.type, phase: doc.phase, reason: doc.reason };
    case 'phase-collapsed':
      phase(doc.phase, [...path, 'phase']);
      doc.blamedOn?.forEach((p, i) => party(p, [...path, 'blamedOn', i]));
      return { ...base, type: doc.type, phase: doc.phase, blamedOn: doc.blamedOn ?? [] };
    case 'talks-held':
      doc.parties.forEach((p, i) => party(p, [...path, 'parties', i]));
      return { ...base, type: doc.type, parties: doc.parties, topic: doc.topic };
    case 'list-handed-over':
      party(doc.party, [...path, 'party']);
      party(doc.to, [...path, 'to']);
      return {
        ...base,
        type: doc.type,
        party: doc.party,
        to: doc.to,
        count: doc.count === undefined ? undefined : toFigure(doc.count),
      };
    case 'withdrawal':
      party(doc.party, [...path, 'party']);
      return { ...base, type: doc.type, party: doc.party, area: doc.area };
    case 'statement': {
      party(doc.party, [...path, 'party']);
      const c = doc.claim;
      if (c?.during) phase(c.during, [...path, 'claim', 'during']);
      party(c?.heldBy, [...path, 'claim', 'heldBy']);
      party(c?.releasedBy, [...path, 'claim', 'releasedBy'], ['rescue']);
      c?.cohorts?.forEach((id, i) => cohort(id, [...path, 'claim', 'cohorts', i]));
      return {
        ...base,
        type: doc.type,
        party: doc.party,
        text: doc.text,
        claim: c && {
          measure: c.measure,
          heldBy: c.heldBy,
          releasedBy: c.releasedBy,
          inFrameworkOnly: c.inFrameworkOnly,
          cohorts: c.cohorts,
          during: c.during,
          since: c.since === undefined ? undefined : time(c.since, [...path, 'claim', 'since']).start,
          until: c.until === undefined ? undefined : time(c.until, [...path, 'claim', 'until']).start,
          value: toFigure(c.value),
        },
      };
    }
    case 'suspension':
      party(doc.by, [...path, 'by']);
      doc.obligations.forEach((id, i) => obligation(id, [...path, 'obligations', i]));
      return { ...base, type: doc.type, obligations: doc.obligations, by: doc.by };
    case 'retraction':
      return { ...base, type: doc.type, supersedes: doc.supersedes };
    case 'correction': {
      const parsed = EventSchema.safeParse({ ...doc.replacement, id: doc.id, recorded: doc.recorded });
      if (!parsed.success || parsed.data.type === 'correction' || parsed.data.type === 'retraction') {
        const first = parsed.success ? undefined : parsed.error.issues[0];
        report(
          'invalid-value',
          [
            ...path,
            'replacement',
            ...(first?.path.filter((k): k is string | number => typeof k !== 'symbol') ?? []),
          ],
          first
            ? `the replacement event is not valid: ${first.message}`
            : 'a replacement cannot itself be a correction or retraction',
        );
        return { ...base, type: 'retraction', supersedes: doc.supersedes };
      }
      const replacement = normalizeEvent(parsed.data, ctx, [...path, 'replacement']);
      return {
        ...base,
        type: doc.type,
        supersedes: doc.supersedes,
        replacement: { ...replacement, corrects: doc.supersedes },
      };
    }
    default:
      return assertNever(doc);
  }
}

/** The ids an event may name, per agreement, computed once: an import checks a million events against them. */
interface AgreementIds {
  readonly actors: ReadonlySet<string>;
  readonly obligations: ReadonlySet<string>;
  readonly phases: ReadonlySet<string>;
  readonly cohorts: ReadonlySet<string>;
}

const ID_CACHE = new WeakMap<Agreement, AgreementIds>();

function idsOf(agreement: Agreement): AgreementIds {
  let ids = ID_CACHE.get(agreement);
  if (!ids) {
    ids = {
      actors: new Set([...agreement.partyIds, ...agreement.document.mediators.map((m) => m.id)]),
      obligations: new Set(agreement.obligations.map((o) => o.id)),
      phases: new Set(agreement.phases.map((ph) => ph.id)),
      cohorts: new Set(agreement.cohortHeldBy.keys()),
    };
    ID_CACHE.set(agreement, ids);
  }
  return ids;
}

// A time known to the minute counts at that minute; a coarser one (hour, day, month) at the middle of its range,
// so that a delivery reported for "24 Nov" falls in the period that holds that day's daylight.
const mid = (t: { start: number; end: number; precision: Precision }) =>
  t.precision === 'second' || t.precision === 'minute'
    ? t.start
    : t.start + Math.floor((t.end - t.start) / 2);

/**
 * A plain event is a release or delivery at one instant, with no fact key, counted when it happened:
 * the bulk of a large ledger, which the fold sums without keeping.
 */
const NO_SOURCES: readonly Source[] = Object.freeze([]);

const isPlain = (fact: string | undefined, at: number, until: number, credited: number) =>
  fact === undefined && at === until && credited === at;
