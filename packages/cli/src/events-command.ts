import { type EventDocument, resolveTime } from '@truce/core';
import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { requireAgreement, withWorkspace } from './open-workspace.ts';
import { createStyle, useColor } from './text-style.ts';
import { formatTable } from './text-table.ts';

interface EventsFlags {
  readonly type?: string;
  readonly since?: string;
  readonly until?: string;
  readonly json?: boolean;
}

/** The first instant an event's `occurred` can mean, in the agreement's zone; NaN when unreadable. */
function occurredStart(occurred: EventDocument['occurred'], zone: string): number {
  const text = typeof occurred === 'string' ? occurred : 'at' in occurred ? occurred.at : occurred.from;
  const resolved = resolveTime(text, zone);
  return 'error' in resolved ? Number.NaN : resolved.start;
}

function occurredText(occurred: EventDocument['occurred']): string {
  if (typeof occurred === 'string') return occurred;
  return 'at' in occurred ? occurred.at : `${occurred.from}..${occurred.to}`;
}

/** What the event says in a few words: the figures it carries. */
function summary(event: EventDocument): string {
  if (event.type === 'release')
    return event.released
      .map((r) => `${typeof r.count === 'number' ? r.count : r.count.best} ${r.cohort}`)
      .join(', ');
  if (event.type === 'aid-delivery')
    return `${typeof event.quantity === 'number' ? event.quantity : event.quantity.best} ${event.item}`;
  if (event.type === 'phase-extended') return `${event.phase} by ${event.by}`;
  if ('phase' in event) return event.phase;
  if ('supersedes' in event) return `supersedes ${event.supersedes}`;
  return '';
}

function bound(
  flag: string,
  text: string | undefined,
  zone: string,
  edge: 'start' | 'end',
): number | undefined {
  if (text === undefined) return undefined;
  const resolved = resolveTime(text, zone);
  if ('error' in resolved) throw new CliError('usage', `${flag} ${text}: ${resolved.error}`);
  return resolved[edge];
}

/** Adds `truce events <agreement-id>`. */
export function addEventsCommand(program: Command): void {
  program
    .command('events')
    .description('list the stored events of an agreement, in the order they were recorded')
    .argument('<agreement-id>', 'a stored agreement (see `truce agreement list`)')
    .option('--type <type>', 'only events of this type (release, aid-delivery, …)')
    .option('--since <time>', 'only events that occurred at or after this time (a date means from 00:00)')
    .option(
      '--until <time>',
      'only events that occurred before the end of this time (a date includes that day)',
    )
    .option('--json', 'print JSON (a list of { seq, event }) instead of text')
    .addHelpText(
      'after',
      `
Times are read in the agreement's time zone, as for status.

Examples:
  $ truce events gaza-2023-pause
  $ truce events gaza-2023-pause --type release --since 2023-11-24 --until 2023-11-25
  $ truce events gaza-2023-pause --type aid-delivery --json
`,
    )
    .action(async (agreementId: string, flags: EventsFlags) => {
      await withWorkspace(async (store) => {
        await requireAgreement(store, agreementId);
        const agreement = (await store.agreement(agreementId))!;
        const since = bound('--since', flags.since, agreement.zone, 'start');
        const until = bound('--until', flags.until, agreement.zone, 'end');
        const rows = (await store.events(agreementId))
          .map((event, i) => ({ seq: i + 1, event, at: occurredStart(event.occurred, agreement.zone) }))
          .filter(
            (r) =>
              (flags.type === undefined || r.event.type === flags.type) &&
              (since === undefined || r.at >= since) &&
              (until === undefined || r.at < until),
          );
        if (flags.json)
          return void process.stdout.write(
            `${JSON.stringify(
              rows.map((r) => ({ seq: r.seq, event: r.event })),
              null,
              2,
            )}\n`,
          );
        if (rows.length === 0) return void process.stdout.write('No events match.\n');
        const style = createStyle(useColor(process.stdout));
        const table = formatTable(
          [
            { header: 'seq', cell: (r) => String(r.seq), align: 'right' },
            { header: 'occurred', cell: (r) => occurredText(r.event.occurred) },
            { header: 'type', cell: (r) => r.event.type },
            { header: 'party', cell: (r) => ('party' in r.event ? (r.event.party ?? '') : '') },
            { header: 'status', cell: (r) => r.event.status },
            { header: 'what', cell: (r) => summary(r.event) },
            { header: 'id', cell: (r) => r.event.id },
          ],
          rows,
          style,
          '',
        );
        const count = rows.length === 1 ? '1 event' : `${rows.length} events`;
        process.stdout.write(`${table.join('\n')}\n${count}\n`);
      });
    });
}
