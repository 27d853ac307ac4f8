import type { Source } from './agreement-schema.ts';
import { assertNever } from './compile-agreement.ts';
import type { Agreement } from './compiled-agreement.ts';
import { parseDuration, suggestDuration } from './duration.ts';
import { type EventDocument, EventSchema, type Occurred, type Quantity } from './event-schema.ts';
import { type Precision, type ResolvedTime, resolveTime, widen } from './instant.ts';
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

/** One event being normalized: what its checks need, with no closure made per event. */
interface Norm {
  readonly ctx: Context;
  readonly zone: string;
  readonly ids: AgreementIds;
  readonly path: readonly (string | number)[];
}

/**
 * Times already read in one zone, by their text: the events of one ledger share a few times over and
 * over (each one's `recorded`, a day's releases), and a bulk import reads a million of them. Bounded, and
 * started again when the zone changes.
 */
const timesRead = { zone: '', byText: new Map<string, ResolvedTime>() };
const TIMES_KEPT = 4096;

/** `resolveTime` in the agreement's zone, remembered for the times that resolve (see `timesRead`). */
function readTime(text: string, zone: string): ResolvedTime | { error: string } {
  if (timesRead.zone !== zone || timesRead.byText.size >= TIMES_KEPT) {
    timesRead.zone = zone;
    timesRead.byText.clear();
  }
  const known = timesRead.byText.get(text);
  if (known) return known;
  const t = resolveTime(text, zone);
  if (!('error' in t)) timesRead.byText.set(text, t);
  return t;
}

/** A time in the agreement's zone, widened to `precision`; a bad one is reported at the event's path + `at`. */
function timeOf(n: Norm, text: string, precision: Precision | undefined, ...at: (string | number)[]) {
  const t = readTime(text, n.zone);
  if ('error' in t) {
    n.ctx.report('bad-time', [...n.path, ...at], t.error);
    return { start: 0, end: 0, precision: 'minute' as Precision };
  }
  return widen(t, precision, n.zone);
}

function occurredOf(n: Norm, o: Occurred) {
  if (typeof o === 'string') {
    const t = timeOf(n, o, undefined, 'occurred');
    const m = mid(t);
    return { start: t.start, end: t.end, at: m, until: m, precision: t.precision };
  }
  if ('at' in o) {
    const t = timeOf(n, o.at, o.precision, 'occurred', 'at');
    const m = mid(t);
    return { start: t.start, end: t.end, at: m, until: m, precision: t.precision };
  }
  const from = timeOf(n, o.from, o.precision, 'occurred', 'from');
  const to = timeOf(n, o.to, o.precision, 'occurred', 'to');
  if (to.start < from.start) n.ctx.report('bad-time', [...n.path, 'occurred', 'to'], '`to` is before `from`');
  return { start: from.start, end: to.end, at: mid(from), until: mid(to), precision: from.precision };
}

function known(n: Norm, id: string, candidates: ReadonlySet<string>, what: string, at: (string | number)[]) {
  if (candidates.has(id)) return;
  const hint = nearest(id, [...candidates]);
  n.ctx.report(
    'undefined-reference',
    [...n.path, ...at],
    `\`${id}\` is not ${what} of agreement \`${n.ctx.agreement.id}\`${hint ? `; did you mean \`${hint}\`?` : ''}`,
  );
}

/** Checks a party or mediator id (or one of `extra`, such as `rescue`); undefined is allowed. */
function party(n: Norm, id: string | undefined, extra: readonly string[], ...at: (string | number)[]) {
  // Known ids return here; the set with `extra` is made only to suggest a near id in the message.
  if (id === undefined || extra.includes(id) || n.ids.actors.has(id)) return;
  known(
    n,
    id,
    extra.length === 0 ? n.ids.actors : new Set([...n.ids.actors, ...extra]),
    'a party or mediator',
    at,
  );
}
const obligation = (n: Norm, id: string, ...at: (string | number)[]) =>
  known(n, id, n.ids.obligations, 'an obligation', at);
const phase = (n: Norm, id: string, ...at: (string | number)[]) => known(n, id, n.ids.phases, 'a phase', at);
const cohort = (n: Norm, id: string, ...at: (string | number)[]) =>
  known(n, id, n.ids.cohorts, 'a cohort', at);

/**
 * Turns a written event into a ledger event, resolving times once (in the agreement's zone) and
 * checking its references against the agreement. Reports problems through `report`.
 */
export function normalizeEvent(doc: EventDocument, ctx: Context, path: (string | number)[]): LedgerEvent {
  const { agreement, report } = ctx;
  const n: Norm = { ctx, zone: agreement.zone, ids: idsOf(agreement), path };
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
  const when = occurredOf(n, doc.occurred);
  const recorded =
    'recorded' in doc ? timeOf(n, (doc as { recorded: string }).recorded, undefined, 'recorded').start : 0;
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
      party(n, doc.party, RESCUE, 'party');
      doc.released.forEach((r, i) => cohort(n, r.cohort, 'released', i, 'cohort'));
      const credited = doc.creditedAt ? timeOf(n, doc.creditedAt, undefined, 'creditedAt').start : when.at;
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
      party(n, doc.party, NONE, 'party');
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
      party(n, doc.party, NONE, 'party');
      party(n, doc.reportedBy, NONE, 'reportedBy');
      if (doc.obligation !== undefined) obligation(n, doc.obligation, 'obligation');
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
      phase(n, doc.phase, 'phase');
      return { ...base, type: doc.type, phase: doc.phase };
    case 'phase-extended': {
      phase(n, doc.phase, 'phase');
      doc.agreedBy?.forEach((p, i) => party(n, p, NONE, 'agreedBy', i));
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
      phase(n, doc.phase, 'phase');
      return { ...base, type: doc.type, phase: doc.phase, reason: doc.reason };
    case 'phase-collapsed':
      phase(n, doc.phase, 'phase');
      doc.blamedOn?.forEach((p, i) => party(n, p, NONE, 'blamedOn', i));
      return { ...base, type: doc.type, phase: doc.phase, blamedOn: doc.blamedOn ?? [] };
    case 'talks-held':
      doc.parties.forEach((p, i) => party(n, p, NONE, 'parties', i));
      return { ...base, type: doc.type, parties: doc.parties, topic: doc.topic };
    case 'list-handed-over':
      party(n, doc.party, NONE, 'party');
      party(n, doc.to, NONE, 'to');
      return {
        ...base,
        type: doc.type,
        party: doc.party,
        to: doc.to,
        count: doc.count === undefined ? undefined : toFigure(doc.count),
      };
    case 'withdrawal':
      party(n, doc.party, NONE, 'party');
      return { ...base, type: doc.type, party: doc.party, area: doc.area };
    case 'statement': {
      party(n, doc.party, NONE, 'party');
      const c = doc.claim;
      if (c?.during) phase(n, c.during, 'claim', 'during');
      party(n, c?.heldBy, NONE, 'claim', 'heldBy');
      party(n, c?.releasedBy, RESCUE, 'claim', 'releasedBy');
      c?.cohorts?.forEach((id, i) => cohort(n, id, 'claim', 'cohorts', i));
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
          since: c.since === undefined ? undefined : timeOf(n, c.since, undefined, 'claim', 'since').start,
          until: c.until === undefined ? undefined : timeOf(n, c.until, undefined, 'claim', 'until').start,
          value: toFigure(c.value),
        },
      };
    }
    case 'suspension':
      party(n, doc.by, NONE, 'by');
      doc.obligations.forEach((id, i) => obligation(n, id, 'obligations', i));
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
const NONE: readonly string[] = [];
const RESCUE: readonly string[] = ['rescue'];

const isPlain = (fact: string | undefined, at: number, until: number, credited: number) =>
  fact === undefined && at === until && credited === at;
