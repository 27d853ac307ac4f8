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
import { type PhaseRun, runPhases } from './phase-timeline.ts';
import { releaseTotals } from './release-totals.ts';
import { selectEvidence } from './select-evidence.ts';
import { smallest } from './smallest.ts';
import type { EvidencePolicy, ObligationStatus, PhaseStatus, Status } from './status.ts';
import { formatInstant, formatReadable } from './zoned-time.ts';

export interface EvaluateOptions {
  /** The moment of the world to evaluate at (epoch milliseconds). */
  readonly asOf: number;
  /** Leave out events recorded after this moment (default: nothing is left out for being recorded late). */
  readonly knownAt?: number;
  readonly evidence?: EvidencePolicy;
  /** How many counted and excluded events each obligation lists (the totals are always complete). Default 1000. */
  readonly listLimit?: number;
}

/**
 * Where an agreement stands at `asOf`, as known at `knownAt`: a pure, deterministic function of its
 * inputs, whatever the order of the events and the machine's time zone.
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
  const evidence = selectEvidence(events, knownAt, policy);
  const index = { releases: [], aid: [], violations: [], acts: [], suspensions: [] } as {
    -readonly [K in keyof EventIndex]: EventIndex[K][number][];
  };
  const statements: Extract<LedgerEvent, { type: 'statement' }>[] = [];
  const counted: LedgerEvent[] = [];
  for (const e of evidence.counted) {
    if (e.at > asOf) continue;
    counted.push(e);
    switch (e.type) {
      case 'release':
        index.releases.push(e);
        break;
      case 'aid-delivery':
        index.aid.push(e);
        break;
      case 'violation':
        index.violations.push(e);
        break;
      case 'talks-held':
      case 'list-handed-over':
      case 'withdrawal':
        index.acts.push(e);
        break;
      case 'statement':
        index.acts.push(e);
        statements.push(e);
        break;
      case 'suspension':
        index.suspensions.push(e);
        break;
      case 'phase-started':
      case 'phase-extended':
      case 'phase-ended':
      case 'phase-collapsed':
      case 'correction':
      case 'retraction':
        break;
      default:
        assertNever(e);
    }
  }
  const runs = runPhases(agreement, counted, asOf);
  const ctx: JudgeContext = {
    agreement,
    asOf,
    policy,
    runs,
    index,
    spread: evidence.spread,
    setAside: evidence.setAside.filter((s) => s.event.at <= asOf),
  };
  const fmt = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone));
  const upcoming: { at: number; what: string }[] = [];
  const obligations = agreement.obligations.map((o) => {
    const j = judge(o, ctx);
    upcoming.push(...j.upcoming);
    return toStatus(o, j, zone, limit);
  });
  const phases = agreement.phases.map((p) => {
    const run = runs.get(p.id)!;
    for (const t of [run.plannedStart, run.scheduledEnd])
      if (t !== null && t > asOf && run.state !== 'ended' && run.state !== 'collapsed')
        upcoming.push({
          at: t,
          what: t === run.scheduledEnd ? `${p.name} is scheduled to end` : `${p.name} is due to start`,
        });
    return phaseStatus(run, ctx, fmt, index.releases);
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
      ...claimDiscrepancies(agreement, statements, index.releases, runs),
    ],
    released: releaseTotals(index.releases, agreement, Number.NEGATIVE_INFINITY, asOf),
    nextChange: next ? { at: formatInstant(next.at, zone), what: next.what } : null,
    events: { known: evidence.known, counted: counted.length, superseded: evidence.superseded },
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

const byEvent = (a: { event: LedgerEvent }, b: { event: LedgerEvent }) =>
  a.event.at - b.event.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);

function toStatus(o: CompiledObligation, j: Judgement, zone: string, limit: number): ObligationStatus {
  const counted = smallest(j.counted, limit, byEvent);
  const excluded = smallest(j.excluded, limit, byEvent);
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
    excluded: excluded.map((c) => ({ id: c.event.id, reason: c.reason })),
    arithmetic: [
      ...j.arithmetic,
      ...more(j.counted.length, counted.length, 'counted events'),
      ...more(j.excluded.length, excluded.length, 'left-out events'),
    ],
    ...(j.periods ? { periods: j.periods } : {}),
  };
}

function phaseStatus(
  run: PhaseRun,
  ctx: JudgeContext,
  fmt: (ms: number | null) => string | null,
  releases: JudgeContext['index']['releases'],
): PhaseStatus {
  const zone = ctx.agreement.zone;
  const p = run.phase;
  const elig = eligibility(run, releases, ctx.asOf, zone);
  const totalDuration = p.duration ? nominalDays(p.duration) + nominalDays(run.extendedBy) : null;
  const running = run.state === 'running' && run.actualStart !== null;
  const explanation = [...run.notes];
  if (run.actualStart !== null)
    explanation.push(
      `started ${formatReadable(run.actualStart, zone)}${run.startEvent ? ` (${run.startEvent.id})` : ''}`,
    );
  for (const e of run.extensions)
    explanation.push(
      `extended by ${e.byText} on ${formatReadable(e.at, zone)} (${e.id})${e.note ? `: ${e.note}` : ''}`,
    );
  if (run.actualEnd !== null && ctx.asOf >= run.actualEnd)
    explanation.push(
      `${run.endReason === 'collapsed' ? 'collapsed' : 'ended'} ${formatReadable(run.actualEnd, zone)}${run.endEvent ? ` (${run.endEvent.id}${run.endReason ? `, ${run.endReason}` : ''})` : ' when its time ran out'}`,
    );
  return {
    id: p.id,
    name: p.name,
    state: run.state,
    plannedStart: fmt(run.plannedStart),
    plannedEnd: fmt(run.plannedEnd),
    actualStart: fmt(run.actualStart !== null && ctx.asOf >= run.actualStart ? run.actualStart : null),
    actualEnd: fmt(run.actualEnd !== null && ctx.asOf >= run.actualEnd ? run.actualEnd : null),
    scheduledEnd: fmt(run.scheduledEnd),
    endReason: run.actualEnd !== null && ctx.asOf >= run.actualEnd ? run.endReason : null,
    day: running ? Math.floor((ctx.asOf - run.actualStart!) / 86_400_000) + 1 : null,
    days: totalDuration === null ? null : Math.ceil(totalDuration),
    extensions: run.extensions.map((e) => ({
      eventId: e.id,
      by: formatDuration(e.by),
      agreedAt: formatInstant(e.at, zone),
      cause: e.note ?? 'agreed extension',
    })),
    eligibility: elig,
    released:
      run.actualStart === null
        ? []
        : releaseTotals(
            releases,
            ctx.agreement,
            run.actualStart,
            Math.min(ctx.asOf, run.actualEnd ?? Number.POSITIVE_INFINITY),
          ),
    explanation,
  };
}
