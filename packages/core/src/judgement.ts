import { BoundedList } from './bounded-list.ts';
import type { Agreement, CompiledObligation } from './compiled-agreement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { LedgerBook } from './ledger-fold.ts';
import type { PhaseRun } from './phase-timeline.ts';
import type { SetAside } from './select-evidence.ts';
import type { EvidencePolicy, ObligationState, PeriodStatus } from './status.ts';
import { formatReadable } from './zoned-time.ts';

type EventOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>;

/** The special events by type (plain releases and deliveries live in the book). */
export interface EventIndex {
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
  readonly book: LedgerBook;
  /** Each obligation's counted and left-out lists, filled by the fold. */
  readonly lists: ReadonlyMap<string, ObligationLists>;
  readonly setAside: readonly SetAside[];
  /** How many events each list keeps. */
  readonly limit: number;
}

/** The bounded lists of events an obligation counted and left out. */
export interface ObligationLists {
  readonly counted: BoundedList;
  readonly excluded: BoundedList;
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
  readonly counted: BoundedList;
  /** Events left out, each with its reason (in `note`). */
  readonly excluded: BoundedList;
  readonly arithmetic: readonly string[];
  readonly periods?: readonly PeriodStatus[];
  /** Moments after `asOf` at which this obligation's state changes by time alone. */
  readonly upcoming: readonly { readonly at: number; readonly what: string }[];
}

export const when = (ctx: JudgeContext, ms: number) => formatReadable(ms, ctx.agreement.zone);

export const num = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Adds the set-aside events relevant to an obligation, with their reasons, to its left-out list. */
export function addSetAside(
  list: BoundedList,
  ctx: JudgeContext,
  relevant: (e: LedgerEvent) => boolean,
): void {
  for (const s of ctx.setAside) if (relevant(s.event)) list.add(s.event, null, s.reason);
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
    counted: new BoundedList(0),
    excluded: new BoundedList(0),
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
    const counted = new BoundedList(1);
    counted.add(suspension, null);
    return {
      judged: {
        ...empty,
        state: 'suspended',
        reason: `suspended since ${when(ctx, suspension.at)} (${suspension.id}${suspension.by ? `, by ${suspension.by}` : ''})`,
        counted,
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
