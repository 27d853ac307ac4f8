import type { PhaseStatus, Status } from './types.ts';

/** The phase a reader means by "now": the running one, else the last that ended, else the next to start. */
export function currentPhase(status: Status): PhaseStatus | undefined {
  const running = status.phases.find((p) => p.state === 'running');
  if (running) return running;
  const finished = status.phases.filter((p) => p.state === 'ended' || p.state === 'collapsed');
  if (finished.length > 0)
    return finished.reduce((a, b) => ((a.actualEnd ?? '') >= (b.actualEnd ?? '') ? a : b));
  return status.phases[0];
}

/** The next deadline after the as-of time, over every obligation and the running phase's end. */
export function nextDeadline(status: Status): { at: string; what: string } | undefined {
  const asOf = Date.parse(status.asOf);
  const candidates: { at: string; what: string }[] = [];
  for (const o of status.obligations)
    if (o.nextDeadline && Date.parse(o.nextDeadline) > asOf)
      candidates.push({ at: o.nextDeadline, what: o.id });
  for (const p of status.phases)
    if (p.state === 'running' && p.scheduledEnd && Date.parse(p.scheduledEnd) > asOf)
      candidates.push({ at: p.scheduledEnd, what: `end of ${p.name}` });
  candidates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return candidates[0];
}

/** Obligations whose deadline has passed unmet, as of the status. */
export function missedDeadlines(status: Status) {
  return status.obligations.filter((o) => o.state === 'overdue' || o.state === 'violated');
}

/** The first and last day worth replaying: a day before the first start to a day after the last end. */
export function replayRange(status: Status): { first: string; last: string } | undefined {
  const starts = status.phases
    .flatMap((p) => [p.plannedStart, p.actualStart])
    .filter((t): t is string => !!t);
  const ends = status.phases
    .flatMap((p) => [p.plannedEnd, p.actualEnd, p.scheduledEnd])
    .filter((t): t is string => !!t);
  if (starts.length === 0) return undefined;
  const day = (t: string, shift: number) => {
    const [y, m, d] = t.slice(0, 10).split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + shift)).toISOString().slice(0, 10);
  };
  const first = day(starts.sort()[0]!, -1);
  const lastEnd = ends.sort().at(-1);
  const last = day(lastEnd && lastEnd > status.asOf ? lastEnd : status.asOf, lastEnd ? 1 : 0);
  return { first, last };
}
