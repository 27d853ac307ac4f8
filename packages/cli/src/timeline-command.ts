import type { Command } from 'commander';
import { addEvaluationOptions, type EvaluationFlags } from './evaluation-options.ts';
import { formatTimeline } from './format-timeline.ts';
import { createStyle, useColor } from './text-style.ts';
import { buildTimeline, type DailyStatus, type Timeline } from './timeline.ts';
import { dayStart, nextDate, timelineDates, visibleEvents } from './timeline-days.ts';
import { type TimelineSource, withTimelineSource } from './timeline-source.ts';

/**
 * Evaluates the deal at the as-of time, before its first day, and at the end of each day (in the
 * agreement's zone), and builds the timeline from those statuses and the ledger.
 */
export async function timelineOf(source: TimelineSource): Promise<Timeline> {
  const asOf = source.times.asOf;
  const status = await source.statusAt(asOf);
  const zone = status.agreement.timeZone;
  const { dates, followed } = timelineDates(status, visibleEvents(status, source.events));
  const first = dates[0];
  const before = first === undefined ? status : await source.statusAt(dayStart(first, zone) - 1);
  const daily: DailyStatus[] = [];
  for (const date of followed) {
    const end = Math.min(dayStart(nextDate(date), zone) - 1, asOf);
    daily.push({ date, status: end === asOf ? status : await source.statusAt(end) });
  }
  return buildTimeline({ status, events: source.events, dates, before, daily });
}

/** Adds `truce timeline <example-dir | agreement-id>`. */
export function addTimelineCommand(program: Command): void {
  const command = program
    .command('timeline')
    .description(
      'the deal day by day: phases planned and actual, events with their ids, deadlines met or missed',
    )
    .argument(
      '<example-dir | agreement-id>',
      'a folder with agreement.yaml and (optionally) ledger.yaml, or the id of an agreement in the workspace',
    );
  addEvaluationOptions(command)
    .addHelpText(
      'after',
      `
Days are the agreement's local days. Each event shows when it happened (as precisely as it was
recorded), what it says, its id, and what the evaluation made of it (outside the agreement, the
report used where reports disagree, a correction). Deadlines are shown on their day as met or missed,
and "by day end" lines name each obligation or phase whose state changed that day, with the reason.

Examples:
  $ truce timeline examples/gaza-2023-pause --as-of 2023-12-01T12:00:00+02:00
  $ truce timeline examples/gaza-2023-pause --as-of 2023-11-27 --known-at 2023-11-26T20:00
  $ truce timeline gaza-2023-pause --as-of 2023-12-02 --json   (from the workspace; see truce init)
`,
    )
    .action(async (target: string, flags: EvaluationFlags) => {
      const timeline = await withTimelineSource(target, flags, Date.now(), timelineOf);
      const text = flags.json
        ? JSON.stringify(timeline, null, 2)
        : formatTimeline(timeline, createStyle(useColor(process.stdout)));
      process.stdout.write(`${text}\n`);
    });
}
