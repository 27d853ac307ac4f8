import type { Agreement, CompiledDeadline, CompiledPhase } from './compiled-agreement.ts';
import { addDurations, type Duration, formatDuration, nominalDays, ZERO_DURATION } from './duration.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { PhaseState } from './status.ts';
import { addInZone } from './zoned-time.ts';

type EventOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>;

/** A phase as it ran, in epoch milliseconds; formatted into a PhaseStatus later. */
export interface PhaseRun {
  readonly phase: CompiledPhase;
  readonly state: PhaseState;
  readonly plannedStart: number | null;
  readonly plannedEnd: number | null;
  readonly actualStart: number | null;
  readonly actualEnd: number | null;
  readonly scheduledEnd: number | null;
  readonly endReason: 'expired' | 'completed' | 'terminated' | 'collapsed' | null;
  readonly endEvent: LedgerEvent | undefined;
  readonly startEvent: LedgerEvent | undefined;
  readonly extensions: readonly EventOf<'phase-extended'>[];
  readonly ignoredExtensions: readonly EventOf<'phase-extended'>[];
  readonly extendedBy: Duration;
  readonly notes: readonly string[];
}

const byTime = (a: LedgerEvent, b: LedgerEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Works out when each phase started, how it was extended and when it ended, as of `asOf`. */
export function runPhases(
  agreement: Agreement,
  counted: readonly LedgerEvent[],
  asOf: number,
): Map<string, PhaseRun> {
  const zone = agreement.zone;
  const started = new Map<string, LedgerEvent[]>();
  const extended = new Map<string, EventOf<'phase-extended'>[]>();
  const ended = new Map<string, LedgerEvent[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const e of counted) {
    if (e.at > asOf) continue;
    if (e.type === 'phase-started') push(started, e.phase, e);
    else if (e.type === 'phase-extended') push(extended, e.phase, e);
    else if (e.type === 'phase-ended' || e.type === 'phase-collapsed') push(ended, e.phase, e);
  }
  const runs = new Map<string, PhaseRun>();
  for (const phase of agreement.phases) {
    const notes: string[] = [];
    const startEvent = started.get(phase.id)?.sort(byTime)[0];
    let plannedStart: number | null = null;
    let fallbackStart: number | null = null;
    if (phase.start.kind === 'at') {
      plannedStart = phase.start.at;
      fallbackStart = asOf >= plannedStart ? plannedStart : null;
    } else if (phase.start.kind === 'after') {
      const prior = runs.get(phase.start.phase);
      const gap = phase.start.gap;
      if (prior?.plannedEnd != null) plannedStart = addInZone(prior.plannedEnd, gap, zone);
      if (prior?.actualEnd != null) {
        if (prior.endReason === 'collapsed')
          notes.push(`${prior.phase.id} collapsed, so this phase does not follow on by itself`);
        else {
          const t = addInZone(prior.actualEnd, gap, zone);
          if (asOf >= t) fallbackStart = t;
        }
      }
    }
    const actualStart = startEvent ? startEvent.at : fallbackStart;
    if (!startEvent && actualStart !== null)
      notes.push(
        'no phase-started event counts (none is recorded, or the evidence policy leaves it out): taken to have started as planned',
      );
    const all = (extended.get(phase.id) ?? []).sort(byTime);
    const extensions = phase.agreedExtensions ? all : [];
    const ignoredExtensions = phase.agreedExtensions ? [] : all;
    if (ignoredExtensions.length)
      notes.push(
        'the agreement does not allow agreed extensions of this phase; recorded extensions are left out',
      );
    const extendedBy = extensions.reduce((sum, e) => addDurations(sum, e.by), ZERO_DURATION);
    const base = actualStart ?? plannedStart;
    const plannedEnd =
      plannedStart !== null && phase.duration ? addInZone(plannedStart, phase.duration, zone) : null;
    const scheduledEnd =
      base !== null && phase.duration
        ? addInZone(base, addDurations(phase.duration, extendedBy), zone)
        : null;
    if (
      phase.rule?.maxTotal &&
      phase.duration &&
      nominalDays(addDurations(phase.duration, extendedBy)) > nominalDays(phase.rule.maxTotal)
    )
      notes.push(`agreed extensions take the phase past its cap of ${formatDuration(phase.rule.maxTotal)}`);
    const allowed = (ended.get(phase.id) ?? []).filter((e) =>
      e.type === 'phase-collapsed' ? phase.endsBy.includes('collapse') : phase.endsBy.includes('event'),
    );
    if (allowed.length < (ended.get(phase.id)?.length ?? 0))
      notes.push(
        `a recorded end is left out: the agreement says this phase ends only by ${phase.endsBy.join(', ')}`,
      );
    const endEvent = actualStart === null ? undefined : allowed.sort(byTime)[0];
    let actualEnd: number | null = null;
    let endReason: PhaseRun['endReason'] = null;
    if (endEvent) {
      endReason =
        endEvent.type === 'phase-collapsed'
          ? 'collapsed'
          : endEvent.type === 'phase-ended'
            ? endEvent.reason
            : null;
      actualEnd =
        endEvent.type === 'phase-collapsed' || scheduledEnd === null
          ? endEvent.at
          : Math.min(endEvent.at, scheduledEnd);
    } else if (
      actualStart !== null &&
      scheduledEnd !== null &&
      asOf >= scheduledEnd &&
      phase.endsBy.includes('duration')
    ) {
      actualEnd = scheduledEnd;
      endReason = 'expired';
    }
    let state: PhaseState;
    if (actualEnd !== null && asOf >= actualEnd) state = endReason === 'collapsed' ? 'collapsed' : 'ended';
    else if (actualStart !== null && asOf >= actualStart) state = 'running';
    else state = phase.start.kind === 'event' ? 'awaiting-event' : 'not-started';
    runs.set(phase.id, {
      phase,
      state,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      scheduledEnd,
      endReason,
      endEvent,
      startEvent,
      extensions,
      ignoredExtensions,
      extendedBy,
      notes,
    });
  }
  return runs;
}

/** The instant a deadline falls at, given how the phases ran; null when it depends on a phase that has no start yet. */
export function resolveDeadline(
  d: CompiledDeadline,
  runs: ReadonlyMap<string, PhaseRun>,
  zone: string,
): number | null {
  if (d.kind === 'at') return d.at;
  const run = runs.get(d.phase);
  if (!run) return null;
  const edge =
    d.edge === 'start' ? (run.actualStart ?? run.plannedStart) : (run.actualEnd ?? run.scheduledEnd);
  return edge === null ? null : addInZone(edge, d.offset, zone);
}
