import type { Agreement, CompiledObligation } from './compiled-agreement.ts';
import type { Figure, LedgerEvent } from './ledger-event.ts';
import type { PhaseRun } from './phase-timeline.ts';
import type { SetAside } from './select-evidence.ts';
import type { EvidencePolicy, ObligationState, PeriodStatus } from './status.ts';
import { formatReadable } from './zoned-time.ts';

type EventOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>;

/** Counted events by type, built once per evaluation. */
export interface EventIndex {
  readonly releases: readonly EventOf<'release'>[];
  readonly aid: readonly EventOf<'aid-delivery'>[];
  readonly violations: readonly EventOf<'violation'>[];
  readonly acts: readonly (
    | EventOf<'talks-held'>
    | EventOf<'list-handed-over'>
    | EventOf<'withdrawal'>
    | EventOf<'statement'>
  )[];
  readonly suspensions: readonly EventOf<'suspension'>[];
}

/** What every obligation evaluator is given. */
export interface JudgeContext {
  readonly agreement: Agreement;
  readonly asOf: number;
  readonly policy: EvidencePolicy;
  readonly runs: ReadonlyMap<string, PhaseRun>;
  readonly index: EventIndex;
  readonly spread: ReadonlyMap<string, ReadonlyMap<string, Figure>>;
  readonly setAside: readonly SetAside[];
}

/** An obligation's evaluation before its times are written out. */
export interface Judgement {
  readonly state: ObligationState;
  readonly reason: string;
  readonly due: number | null;
  readonly delivered: number | null;
  readonly range: { readonly low: number; readonly high: number } | null;
  readonly nextDeadline: number | null;
  readonly ratio?: number | null;
  readonly counted: readonly {
    readonly event: LedgerEvent;
    readonly amount: number | null;
    readonly note?: string;
  }[];
  readonly excluded: readonly { readonly event: LedgerEvent; readonly reason: string }[];
  readonly arithmetic: readonly string[];
  readonly periods?: readonly PeriodStatus[];
  /** Moments after `asOf` at which this obligation's state changes by time alone. */
  readonly upcoming: readonly { readonly at: number; readonly what: string }[];
}

export const when = (ctx: JudgeContext, ms: number) => formatReadable(ms, ctx.agreement.zone);

export const num = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The set-aside events relevant to an obligation, with their reasons. */
export function setAsideFor(ctx: JudgeContext, relevant: (e: LedgerEvent) => boolean) {
  return ctx.setAside.filter((s) => relevant(s.event)).map((s) => ({ event: s.event, reason: s.reason }));
}

/**
 * The checks every obligation shares: is its phase running, is it suspended? Returns a judgement when
 * one of them settles the state, or the window [start, end) in which it is in effect.
 */
export function window(
  o: CompiledObligation,
  ctx: JudgeContext,
): { judged: Judgement } | { start: number; end: number | null; run: PhaseRun } {
  const run = ctx.runs.get(o.phase)!;
  const empty = {
    due: null,
    delivered: null,
    range: null,
    nextDeadline: null,
    counted: [],
    excluded: [],
    arithmetic: [],
  };
  if (run.actualStart === null || ctx.asOf < run.actualStart) {
    const upcoming =
      run.plannedStart !== null && run.plannedStart > ctx.asOf
        ? [{ at: run.plannedStart, what: `${run.phase.name} is due to start` }]
        : [];
    const reason =
      run.state === 'awaiting-event'
        ? `${run.phase.name} starts on a recorded event, and none is recorded yet`
        : run.plannedStart !== null
          ? `${run.phase.name} starts ${when(ctx, run.plannedStart)}`
          : `${run.phase.name} has not started`;
    return { judged: { ...empty, state: 'not-in-effect', reason, upcoming } };
  }
  const suspension = ctx.index.suspensions.find(
    (s) => s.obligations.includes(o.id) && s.at <= ctx.asOf && (s.until === s.at || ctx.asOf <= s.until),
  );
  if (suspension) {
    return {
      judged: {
        ...empty,
        state: 'suspended',
        reason: `suspended since ${when(ctx, suspension.at)} (${suspension.id}${suspension.by ? `, by ${suspension.by}` : ''})`,
        counted: [{ event: suspension, amount: null }],
        upcoming:
          suspension.until > suspension.at && suspension.until > ctx.asOf
            ? [{ at: suspension.until, what: `${o.id}: suspension ends` }]
            : [],
      },
    };
  }
  const end = run.actualEnd ?? run.scheduledEnd;
  return { start: run.actualStart, end, run };
}

/** True when the obligation's phase has ended (or collapsed) by `asOf`. */
export const phaseOver = (run: PhaseRun, asOf: number) => run.actualEnd !== null && asOf >= run.actualEnd;
