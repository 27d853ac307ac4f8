import { BoundedList } from './bounded-list.ts';
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
import type { EventIndex, JudgeContext, Judgement, ObligationLists } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import {
  type AidWatch,
  foldLedger,
  foldSpecials,
  type LedgerBook,
  type ReleaseWatch,
} from './ledger-fold.ts';
import { type PhaseRun, runPhases } from './phase-timeline.ts';
import { releaseTotals } from './release-totals.ts';
import { resolveEvidence, scanSpecials, supersession } from './select-evidence.ts';
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
  const asOf = options.asOf;
  const knownAt = options.knownAt ?? Number.POSITIVE_INFINITY;
  const policy = options.evidence ?? 'best-graded';
  const limit = options.listLimit ?? 1000;
  const zone = agreement.zone;
  // Pass one reads only `type` and `recorded`: the phase events, corrections and statements it finds
  // settle the phases, so that the fold (pass two) knows each obligation's window.
  const early = scanSpecials(events, knownAt);
  const superseded = supersession(early);
  const settled = resolveEvidence(early, superseded, policy);
  const index: { -readonly [K in keyof EventIndex]: EventIndex[K][number][] } = {
    violations: [],
    acts: [],
    suspensions: [],
  };
  const statements: Extract<LedgerEvent, { type: 'statement' }>[] = [];
  const specials: LedgerEvent[] = [];
  for (const e of settled.counted) {
    if (e.at > asOf) continue;
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
  const { watches, releaseWatches, aidWatches } = watchesFor(agreement, runs, asOf, limit);
  const fold = foldLedger(events, { knownAt, asOf, policy, superseded }, releaseWatches, aidWatches);
  const evidence = resolveEvidence([...early, ...fold.specials], superseded, policy);
  foldSpecials(fold.folder, evidence, asOf);
  const book = fold.folder.book();
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
    return toStatus(o, j, zone);
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
      known: early.length + fold.known,
      counted: book.counted + specials.length,
      superseded: superseded.size,
    },
  };
}

/** The lists each obligation in effect keeps, and what it watches for in the fold. */
function watchesFor(agreement: Agreement, runs: ReadonlyMap<string, PhaseRun>, asOf: number, limit: number) {
  const watches = new Map<string, ObligationLists>();
  const releaseWatches: ReleaseWatch[] = [];
  const aidWatches: AidWatch[] = [];
  for (const o of agreement.obligations) {
    const run = runs.get(o.phase)!;
    const lists = { counted: new BoundedList(limit), excluded: new BoundedList(limit) };
    watches.set(o.id, lists);
    if (run.actualStart === null || run.actualStart > asOf) continue;
    const start = run.actualStart;
    const common = {
      start,
      ...lists,
      beforeReason: `before ${run.phase.name} started`,
      outsideReason: 'released outside the framework',
    };
    if (o.kind === 'release' || o.kind === 'reciprocal-release')
      for (const cohort of o.cohorts)
        releaseWatches.push({ ...common, cohort, party: o.party, match: 'same' });
    if (o.kind === 'reciprocal-release')
      for (const cohort of o.ratio.keys())
        releaseWatches.push({
          ...common,
          cohort,
          party: o.party,
          match: 'other',
          note: 'released by the other side',
          outsideReason: 'released outside the framework: nothing is owed for it',
        });
    if (o.kind === 'rate' && o.source.kind === 'rate')
      aidWatches.push({
        ...lists,
        item: o.source.item,
        party: o.party,
        start,
        end: run.actualEnd ?? run.scheduledEnd ?? Number.POSITIVE_INFINITY,
        outsideReason: 'delivered outside the framework',
      });
  }
  return { watches, releaseWatches, aidWatches };
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

function toStatus(o: CompiledObligation, j: Judgement, zone: string): ObligationStatus {
  const counted = j.counted.entries();
  const excluded = j.excluded.entries();
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
    counted: counted.map((c) => ({
      id: c.event.id,
      at: formatInstant(c.event.at, zone),
      amount: c.amount,
      ...(c.note ? { note: c.note } : {}),
    })),
    excluded: excluded.map((c) => ({ id: c.event.id, reason: c.note ?? 'left out' })),
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
