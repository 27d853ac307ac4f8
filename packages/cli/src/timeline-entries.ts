import { formatInstant, type LedgerEvent, type Status } from '@truce/core';
import { describeEvent, localInstant, occurredLabel } from './describe-event.ts';
import { shortTime, yearOf } from './readable-time.ts';

/** One ledger event on the timeline: when, what, and what the evaluation made of it. */
export interface TimelineEntry {
  readonly id: string;
  readonly type: LedgerEvent['type'];
  /** The first instant it can have happened at (RFC 3339). */
  readonly occurred: string;
  /** When, as precisely as it was written: `07:00`, `16:00–16:59`, `that day`. */
  readonly time: string;
  readonly summary: string;
  /** Outside the agreement, its status, which report was used, a claim against the ledger, a correction. */
  readonly notes: readonly string[];
}

/**
 * Notes for each event id, read from the status (which report of a disputed fact it used, what the
 * ledger gives against a claim) and from the links events make (a correction names what it corrects).
 */
function notesById(status: Status, events: readonly LedgerEvent[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (id: string, note: string) => notes.set(id, [...(notes.get(id) ?? []), note]);
  const zone = status.agreement.timeZone;
  const year = yearOf(status.asOf, zone);
  for (const d of status.discrepancies) {
    if (d.kind === 'conflicting-reports')
      for (const r of d.reports)
        add(
          r.eventId,
          r.eventId === d.used.eventId
            ? `the report used for ${d.fact} (${d.reports.length} disagree)`
            : `a conflicting report of ${d.fact}, not used: ${d.used.eventId} was`,
        );
    else for (const r of d.reports) add(r.eventId, `the ledger gives ${d.used.figure}`);
  }
  for (const e of events) {
    if (e.type === 'correction') add(e.supersedes, `corrected by ${e.id}`);
    if (e.type === 'retraction') add(e.supersedes, `retracted by ${e.id}`);
    if (e.type === 'release' && e.credited !== e.at)
      add(e.id, `credited ${shortTime(formatInstant(e.credited, zone), zone, year)}`);
  }
  return notes;
}

/** The events as timeline entries, in the order they happened (ledger order among equal times). */
export function timelineEntries(status: Status, events: readonly LedgerEvent[]): TimelineEntry[] {
  const zone = status.agreement.timeZone;
  const linked = notesById(status, events);
  return [...events]
    .sort((a, b) => a.occurredStart - b.occurredStart)
    .map((e) => {
      const notes = [
        ...(e.outsideFramework ? ['outside the agreement'] : []),
        ...(e.status === 'reported' ? [] : [e.status]),
        ...(linked.get(e.id) ?? []),
      ];
      return {
        id: e.id,
        type: e.type,
        occurred: localInstant(e.occurredStart, zone),
        time: occurredLabel(e, zone),
        summary: describeEvent(e),
        notes,
      };
    });
}
