import type { Status } from '@truce/core';
import { formatDiscrepancies } from './format-discrepancies.ts';
import { formatObligations } from './format-obligations.ts';
import { formatPhases } from './format-phases.ts';
import { formatSummary } from './format-summary.ts';
import { plural, readableTime } from './readable-time.ts';
import { createStyle } from './text-style.ts';

/** How to render a status report. */
export interface FormatOptions {
  /** ANSI colours; off unless asked for. */
  readonly color?: boolean;
}

/**
 * A status as a report a non-programmer can read: a summary first (title, times, the current phase,
 * releases per side, what needs attention), then phases, obligations, discrepancies and the next change.
 * @example process.stdout.write(`${formatStatus(status, { color: false })}\n`);
 */
export function formatStatus(status: Status, options: FormatOptions = {}): string {
  const style = createStyle(options.color ?? false);
  const zone = status.agreement.timeZone;
  const next = status.nextChange
    ? `Next change: ${readableTime(status.nextChange.at, zone)}: ${status.nextChange.what}`
    : 'Next change: none is scheduled.';
  const { known, counted, superseded } = status.events;
  const events = `Events: ${plural(known, 'event')} known at that time, ${counted} counted, ${superseded} superseded by corrections.`;
  return [
    ...formatSummary(status, style),
    '',
    ...formatPhases(status, style),
    '',
    ...formatObligations(status, style),
    '',
    ...formatDiscrepancies(status, style),
    '',
    style.bold(next),
    style.dim(events),
  ].join('\n');
}
