import { BoundedList, type ListedEvent } from './bounded-list.ts';
import { assertNever } from './compile-agreement.ts';
import type { Agreement, CompiledObligation } from './compiled-agreement.ts';
import { claimDiscrepancies, conflictingReports } from './discrepancies.ts';
import { formatDuration, nominalDays } from './duration.ts';
import { eligibility } from './extension-eligibility.ts';
import { judgeActBy } from './judge-act-by.ts';
import { judgeRate } from './judge-rate.ts';
import { judgeReciprocal } from './judge-reciprocal.ts';
import { judgeRefrain } from './judge-refrain.ts';
import { judgeRelease } from './judge-release.ts';
import type { EventIndex, JudgeContext, Judgement } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import {
  foldLedger,
  foldSpecials,
  type LedgerBook,
  type LedgerFolder,
  unfoldSuperseded,
} from './ledger-fold.ts';
import { type ListsMemo, listsFor, type Refill } from './obligation-lists.ts';
import { type PhaseRun, runPhases } from './phase-timeline.ts';
import { releaseTotals } from './release-totals.ts';
import { type Evidence, resolveEvidence, statusReason, supersession } from './select-evidence.ts';
import type { EvidencePolicy, ObligationStatus, PhaseStatus, Status } from './status.ts';
import { formatInstant, formatReadable } from './zoned-time.ts';

export interface EvaluateOptions {
  /** The moment of the world to evaluate at (epoch milliseconds). */
  readonly asOf: number;
  /** Leave out events recorded after this moment (default: nothing is left out for being recorded late). */
  readonly knownAt?: number;
  readonly evidence?: EvidencePolicy;
  /** How many counted and left-out events each obligation lists (the totals are always complete). Default 1000. */
  readonly listLimit?: number;
}

const DAY = 86_400_000;
const byTime = (a: LedgerEvent, b: LedgerEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Where an agreement stands at `asOf`, as known at `knownAt`: a pure, deterministic function of its
 * inputs, whatever the order of the events and the machine's time zone. Plain releases and
 * deliveries are folded into minute buckets in one pass; times are compared to the minute.
 * @example
 * const status = evaluate(agreement, ledger.events, { asOf: Date.parse('2023-11-26T12:00:00+02:00') });
 */
export function evaluate(
  agreement: Agreement,
  events: readonly LedgerEvent[],
  options: EvaluateOptions,
): Status {
  const settled = settleOptions(options);
  // One pass folds the plain releases and deliveries and sets the rest aside as specials; the
  // specials (phase events, corrections, statements, reports of disputed facts) are few.
  return evaluateFold(agreement, foldLedger(events, settled), settled, { events });
}

/** The options with their defaults filled in. */
export interface SettledOptions {
  readonly asOf: number;
  readonly knownAt: number;
  readonly policy: EvidencePolicy;
  readonly limit: number;
}

export function settleOptions(options: EvaluateOptions): SettledOptions {
  return {
    asOf: options.asOf,
    knownAt: options.knownAt ?? Number.POSITIVE_INFINITY,
    policy: options.evidence ?? 'best-graded',
    limit: options.listLimit ?? 1000,
  };
}

/** The whole ledger, for the rare second looks an evaluation takes after the fold. */
export interface LedgerAccess {
  readonly events: readonly LedgerEvent[];
  /** The plain events among `ids`, in ledger order (by default found by a pass over `events`). */
  readonly plainEvents?: (ids: ReadonlyMap<string, string>) => readonly LedgerEvent[];
}

/**
 * Finishes an evaluation from the fold of the ledger's plain events (which it may change): settles
 * the special events, the phases and every obligation. With a memo kept from the same ledger's
 * earlier evaluations, the obligations' lists that have not changed are taken from it.
 */
export function evaluateFold(
  agreement: Agreement,
  fold: { readonly folder: LedgerFolder; readonly specials: readonly LedgerEvent[]; readonly known: number },
  options: SettledOptions,
  ledger: LedgerAccess,
  memo?: ListsMemo,
): Status {
  const { asOf, knownAt, policy, limit } = options;
  const { events } = ledger;
  const zone = agreement.zone;
  const superseded = supersession(fold.specials);
  if (superseded.size > 0)
    unfoldSuperseded(ledger.plainEvents?.(superseded) ?? events, fold.folder, superseded, {
      knownAt,
      asOf,
      policy,
    });
  const evidence = resolveEvidence(fold.specials, superseded, policy);
  foldSpecials(fold.folder, evidence, asOf);
  const book = fold.folder.book();
  const index: { -readonly [K in keyof EventIndex]: EventIndex[K][number][] } = {
    violations: [],
    acts: [],
    suspensions: [],
  };
  const statements: Extract<LedgerEvent, { type: 'statement' }>[] = [];
  const specials: LedgerEvent[] = [];
  for (const e of evidence.counted) {
    if (e.at > asOf || e.type === 'release' || e.type === 'aid-delivery') continue;
    specials.push(e);
    if (e.type === 'violation') index.violations.push(e);
    else if (e.type === 'suspension') index.suspensions.push(e);
    else if (e.type === 'talks-held' || e.type === 'list-handed-over' || e.type === 'withdrawal')
      index.acts.push(e);
    else if (e.type === 'statement') {
      index.acts.push(e);
      statements.push(e);
    }
  }
  // Small lists whose order shows in reasons are put in time order, so any input order gives the same status.
  for (const list of [index.violations, index.acts, index.suspensions, statements]) list.sort(byTime);
  const runs = runPhases(agreement, specials, asOf);
  const refill = refiller(events, evidence, { knownAt, asOf, policy, limit }, book, superseded);
  const watches = new Map(
    agreement.obligations.map((o) => [
      o.id,
      listsFor(o, runs.get(o.phase)!, {
        book,
        asOf,
        limit,
        superseded,
        refill,
        zone,
        ...(memo ? { memo } : {}),
      }),
    ]),
  );
  const ctx: JudgeContext = {
    agreement,
    asOf,
    policy,
    runs,
    index,
    book,
    lists: watches,
    setAside: evidence.setAside.filter(
      (s) => s.event.at <= asOf && s.event.type !== 'release' && s.event.type !== 'aid-delivery',
    ),
    limit,
  };
  const upcoming: { at: number; what: string }[] = [];
  const obligations = agreement.obligations.map((o) => {
    const j = judge(o, ctx);
    upcoming.push(...j.upcoming);
    return toStatus(o, j, zone, memo);
  });
  const fmt = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone));
  const phases = agreement.phases.map((p) => {
    const run = runs.get(p.id)!;
    for (const t of [run.plannedStart, run.scheduledEnd])
      if (t !== null && t > asOf && run.state !== 'ended' && run.state !== 'collapsed')
        upcoming.push({
          at: t,
          what: t === run.scheduledEnd ? `${p.name} is scheduled to end` : `${p.name} is due to start`,
        });
    return phaseStatus(run, ctx, fmt, book);
  });
  const next = upcoming
    .filter((u) => u.at > asOf)
    .sort((a, b) => a.at - b.at || (a.what < b.what ? -1 : 1))[0];
  return {
    agreement: {
      id: agreement.id,
      version: agreement.version,
      title: agreement.title,
      status: agreement.status,
      timeZone: zone,
    },
    asOf: formatInstant(asOf, zone),
    knownAt: Number.isFinite(knownAt) ? formatInstant(knownAt, zone) : null,
    evidence: policy,
    phases,
    obligations,
    discrepancies: [
      ...conflictingReports(evidence.groups.filter((g) => g.members.some((m) => m.at <= asOf))),
      ...claimDiscrepancies(agreement, statements, book, runs),
    ],
    released: releaseTotals(book, agreement, Number.NEGATIVE_INFINITY, asOf),
    nextChange: next ? { at: formatInstant(next.at, zone), what: next.what } : null,
    events: {
      known: fold.known,
      counted: book.counted + specials.length,
      superseded: superseded.size,
    },
  };
}

/** A second look at the ledger for one key, in the rare case that its kept events all fall before a phase began. */
function refiller(
  events: readonly LedgerEvent[],
  evidence: Evidence,
  options: { knownAt: number; asOf: number; policy: EvidencePolicy; limit: number },
  book: LedgerBook,
  superseded: ReadonlyMap<string, string>,
): Refill {
  return (key, from) => {
    const k = book.releaseKeys[key]!;
    const list = new BoundedList(options.limit);
    const offer = (e: LedgerEvent) => {
      if (
        e.type !== 'release' ||
        e.party !== k.party ||
        e.outsideFramework !== k.outside ||
        e.credited < from
      )
        return;
      for (const r of e.released) if (r.cohort === k.cohort) list.add(e, r.best);
    };
    for (const e of events)
      if (
        e.plain &&
        e.recorded <= options.knownAt &&
        e.at <= options.asOf &&
        !superseded.has(e.id) &&
        statusReason(e, options.policy) === undefined
      )
        offer(e);
    for (const e of evidence.counted) if (e.at <= options.asOf) offer(e);
    return list;
  };
}

function judge(o: CompiledObligation, ctx: JudgeContext): Judgement {
  switch (o.kind) {
    case 'release':
      return judgeRelease(o, ctx);
    case 'reciprocal-release':
      return judgeReciprocal(o, ctx);
    case 'rate':
      return judgeRate(o, ctx);
    case 'refrain':
      return judgeRefrain(o, ctx);
    case 'withdraw':
    case 'act-by':
      return judgeActBy(o, ctx);
    default:
      return assertNever(o.kind);
  }
}

function toStatus(o: CompiledObligation, j: Judgement, zone: string, memo?: ListsMemo): ObligationStatus {
  const countedRows = (entries: readonly ListedEvent[]) =>
    entries.map((c) => ({
      id: c.event.id,
      at: formatInstant(c.event.at, zone),
      amount: c.amount,
      ...(c.note ? { note: c.note } : {}),
    }));
  const excludedRows = (entries: readonly ListedEvent[]) =>
    entries.map((c) => ({ id: c.event.id, reason: c.note ?? 'left out' }));
  // Written out once per list's entries: a read that drew the same lists again takes the same rows.
  const counted = memo
    ? memo.rows(`${o.id}\u0000counted`, j.counted, countedRows)
    : countedRows(j.counted.entries());
  const excluded = memo
    ? memo.rows(`${o.id}\u0000excluded`, j.excluded, excludedRows)
    : excludedRows(j.excluded.entries());
  const more = (total: number, shown: number, what: string) =>
    total > shown ? [`${total - shown} more ${what} not listed (${total} in all)`] : [];
  return {
    id: o.id,
    kind: o.kind,
    party: o.party,
    phase: o.phase,
    clause: { ref: o.clause.ref, text: o.clause.text },
    state: j.state,
    reason: j.reason,
    due: j.due,
    delivered: j.delivered,
    deliveredRange: j.range,
    remaining: j.due !== null && j.delivered !== null ? Math.max(0, j.due - j.delivered) : null,
    ratio: j.ratio ?? null,
    nextDeadline: j.nextDeadline === null ? null : formatInstant(j.nextDeadline, zone),
    counted,
    excluded,
    arithmetic: [
      ...j.arithmetic,
      ...more(j.counted.total, counted.length, 'counted events'),
      ...more(j.excluded.total, excluded.length, 'left-out events'),
    ],
    ...(j.periods ? { periods: j.periods } : {}),
  };
}

function phaseStatus(
  run: PhaseRun,
  ctx: JudgeContext,
  fmt: (ms: number | null) => string | null,
  book: LedgerBook,
): PhaseStatus {
  const zone = ctx.agreement.zone;
  const p = run.phase;
  const totalDuration = p.duration ? nominalDays(p.duration) + nominalDays(run.extendedBy) : null;
  const started = run.actualStart !== null && ctx.asOf >= run.actualStart;
  const ended = run.actualEnd !== null && ctx.asOf >= run.actualEnd;
  const explanation = [...run.notes];
  if (started)
    explanation.push(
      `started ${formatReadable(run.actualStart!, zone)}${run.startEvent ? ` (${run.startEvent.id})` : ''}`,
    );
  for (const e of run.extensions)
    explanation.push(
      `extended by ${e.byText} on ${formatReadable(e.at, zone)} (${e.id})${e.note ? `: ${e.note}` : ''}`,
    );
  if (ended)
    explanation.push(
      `${run.endReason === 'collapsed' ? 'collapsed' : 'ended'} ${formatReadable(run.actualEnd!, zone)}${run.endEvent ? ` (${run.endEvent.id}${run.endReason ? `, ${run.endReason}` : ''})` : ' when its time ran out'}`,
    );
  return {
    id: p.id,
    name: p.name,
    state: run.state,
    plannedStart: fmt(run.plannedStart),
    plannedEnd: fmt(run.plannedEnd),
    actualStart: fmt(started ? run.actualStart : null),
    actualEnd: fmt(ended ? run.actualEnd : null),
    scheduledEnd: fmt(run.scheduledEnd),
    endReason: ended ? run.endReason : null,
    day: run.state === 'running' ? Math.floor((ctx.asOf - run.actualStart!) / DAY) + 1 : null,
    days: totalDuration === null ? null : Math.ceil(totalDuration),
    extensions: run.extensions.map((e) => ({
      eventId: e.id,
      by: formatDuration(e.by),
      agreedAt: formatInstant(e.at, zone),
      cause: e.note ?? 'agreed extension',
    })),
    eligibility: eligibility(run, book, ctx.asOf, zone),
    released: started
      ? releaseTotals(
          book,
          ctx.agreement,
          run.actualStart!,
          Math.min(ctx.asOf, run.actualEnd ?? Number.POSITIVE_INFINITY),
        )
      : [],
    explanation,
  };
}
