import { createHash } from 'node:crypto';
import { type AppendIssue, canonicalJson, type Store } from '@truce/store';
import { type Command, InvalidArgumentError } from 'commander';
import { unknownAgreement } from './agreement-diff.ts';
import { CliError } from './cli-error.ts';
import { withWorkspace } from './open-workspace.ts';
import { RECORD_TYPES } from './record-fields.ts';
import { promptForEvent } from './record-prompts.ts';
import { withTerminal } from './terminal-io.ts';

/** The flags of `truce record`, as commander hands them over. */
export interface RecordFlags {
  readonly type: string;
  readonly occurred: string;
  readonly recorded: string;
  readonly area?: string;
  readonly party?: string;
  readonly cohort?: string;
  readonly count?: number;
  readonly item?: string;
  readonly quantity?: number;
  readonly phase?: string;
  readonly by?: string;
  readonly sourceOutlet?: string;
  readonly status?: string;
  readonly id?: string;
  readonly outsideFramework?: boolean;
  readonly note?: string;
  readonly json?: boolean;
}

function number(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new InvalidArgumentError('give a number, 0 or more');
  return value;
}

/**
 * Builds one event document from the flags. Without `--id`, the id is derived from the other fields,
 * so running the same command again names the same event and the store skips it.
 */
export function eventFromFlags(flags: RecordFlags): Record<string, unknown> {
  if ((flags.cohort === undefined) !== (flags.count === undefined))
    throw new CliError('usage', '--cohort and --count go together: a release of COUNT people of COHORT');
  if ((flags.item === undefined) !== (flags.quantity === undefined))
    throw new CliError('usage', '--item and --quantity go together: QUANTITY of ITEM delivered');
  const doc: Record<string, unknown> = {
    type: flags.type,
    occurred: flags.occurred,
    recorded: flags.recorded,
  };
  if (flags.party !== undefined) doc.party = flags.party;
  if (flags.cohort !== undefined) doc.released = [{ cohort: flags.cohort, count: flags.count }];
  if (flags.item !== undefined) {
    doc.item = flags.item;
    doc.quantity = flags.quantity;
  }
  if (flags.area !== undefined) doc.area = flags.area;
  if (flags.phase !== undefined) doc.phase = flags.phase;
  if (flags.by !== undefined) doc.by = flags.by;
  if (flags.status !== undefined) doc.status = flags.status;
  if (flags.sourceOutlet !== undefined) doc.sources = [{ outlet: flags.sourceOutlet }];
  if (flags.outsideFramework) doc.outsideFramework = true;
  if (flags.note !== undefined) doc.note = flags.note;
  const id =
    flags.id ??
    `ev-${flags.type}-${createHash('sha256').update(canonicalJson(doc)).digest('hex').slice(0, 12)}`;
  return { id, ...doc };
}

/** One append issue as a line naming the field (`released.0.count: …`). */
export function formatAppendIssue(issue: AppendIssue): string {
  const path =
    issue.path[0] === 'events' && typeof issue.path[1] === 'number' ? issue.path.slice(2) : issue.path;
  return `  ${path.length ? `${path.join('.')}: ` : ''}${issue.message}`;
}

/** Adds `truce record <agreement-id>`. */
export function addRecordCommand(program: Command): void {
  program
    .command('record')
    .description(
      'append one event to an agreement’s ledger, from flags or asked for on a terminal, validated like any ledger',
    )
    .argument('<agreement-id>', 'a stored agreement (see `truce agreement list`)')
    .option('--type <type>', `the event type: ${RECORD_TYPES.join(', ')}`)
    .option('--occurred <time>', 'when it happened (RFC 3339, a local time or a date)')
    .option('--recorded <time>', 'when the ledger learned of it')
    .option('--party <party>', 'the party that acted (for a release: the party that released them)')
    .option('--cohort <cohort>', 'a release: the cohort released (with --count)')
    .option('--count <n>', 'a release: how many were released (with --cohort)', number)
    .option('--item <item>', 'an aid delivery: what was delivered (with --quantity)')
    .option('--quantity <n>', 'an aid delivery: how much (with --item)', number)
    .option('--area <area>', 'where: a withdrawal (needed), a violation or an aid delivery')
    .option('--phase <phase>', 'a phase event: the phase')
    .option('--by <duration>', 'phase-extended: by how much (ISO 8601, e.g. P1D)')
    .option('--source-outlet <outlet>', 'who reported it (a news outlet, a ministry, a mediator)')
    .option('--status <status>', 'reported (default), corroborated, confirmed, disputed or retracted')
    .option(
      '--id <id>',
      'the event id (default: derived from the other fields, so a retry is not a duplicate)',
    )
    .option(
      '--outside-framework',
      'it happened outside the agreement and counts toward none of its obligations',
    )
    .option('--note <text>', 'a free-text note')
    .option(
      '--json',
      'print JSON ({ agreement, id, seq, recorded }; recorded is false when it was already stored) instead of text',
    )
    .addHelpText(
      'after',
      `
--type, --occurred and --recorded are needed. On a terminal, whatever is missing is asked for,
field by field (the type first, then what that type needs, with the agreement's ids offered), and
the event is shown for confirmation before it is stored; off a terminal, a missing flag is a usage
error (exit 2). Prints the event's place in the ledger (its seq), or "already recorded" when the
same event is stored already. Invalid events are refused (exit 1) with each issue named; nothing is
stored.

Examples:
  $ truce record gaza-2023-pause      (on a terminal: asks for each field)
  $ truce record gaza-2023-pause --type release --party hamas --cohort hostages-women-children --count 10 \\
      --occurred 2023-11-29T21:00 --recorded 2023-11-29T23:00 --source-outlet Reuters --status confirmed
  $ truce record gaza-2023-pause --type aid-delivery --party israel --item trucks --quantity 200 \\
      --occurred 2023-11-29 --recorded 2023-11-30T09:00
  $ truce record gaza-2023-pause --type phase-extended --phase pause --by P1D \\
      --occurred 2023-11-29T22:00 --recorded 2023-11-29T22:30
`,
    )
    .action(async (agreementId: string, given: Partial<RecordFlags>) => {
      const missing = REQUIRED.filter(([key]) => given[key] === undefined).map(([, flag]) => flag);
      const ask = missing.length > 0 && interactive();
      if (missing.length > 0 && !ask)
        throw new CliError(
          'usage',
          `missing ${missing.join(', ')}: give ${missing.length === 1 ? 'it' : 'them'} as flags, or run \`truce record\` on a terminal to be asked`,
        );
      // A pair given by halves is a usage error before anything is opened or asked.
      if (!ask) eventFromFlags(given as RecordFlags);
      await withWorkspace(async (store) => {
        const flags = ask ? await askForEvent(store, agreementId, given) : (given as RecordFlags);
        if (!flags) return void process.stdout.write('Nothing was recorded.\n');
        const doc = eventFromFlags(flags);
        const id = doc.id as string;
        const result = await store.append(agreementId, [doc]);
        if (!result.ok) {
          const count = result.issues.length === 1 ? '1 issue' : `${result.issues.length} issues`;
          throw new CliError(
            'invalid',
            `event ${id} was not recorded in ${agreementId}; ${count}:`,
            result.issues.map(formatAppendIssue),
          );
        }
        const appended = result.appended.find((a) => a.id === id);
        const seq =
          appended?.seq ??
          Number(
            (
              await store.database.query<{ seq: number | string }>(
                'SELECT seq FROM events WHERE agreement_id = $1 AND event_id = $2',
                [agreementId, id],
              )
            )[0]?.seq,
          );
        if (flags.json)
          return void process.stdout.write(
            `${JSON.stringify({ agreement: agreementId, id, seq, recorded: appended !== undefined }, null, 2)}\n`,
          );
        process.stdout.write(
          appended
            ? `recorded ${id} as event ${appended.seq} of ${agreementId}\n`
            : `already recorded: ${id} is event ${seq} of ${agreementId}; nothing was added\n`,
        );
      });
    });
}

const REQUIRED: readonly [keyof RecordFlags, string][] = [
  ['type', '--type'],
  ['occurred', '--occurred'],
  ['recorded', '--recorded'],
];

/** Prompts only when a person can answer: both standard input and output are terminals. */
const interactive = () => process.stdin.isTTY === true && process.stdout.isTTY === true;

/** Asks on the terminal for what the flags left out; undefined when the person declines. */
async function askForEvent(store: Store, agreementId: string, given: Partial<RecordFlags>) {
  const agreement = await store.agreement(agreementId);
  if (!agreement) {
    const rows = await store.database.query<{ id: string }>('SELECT DISTINCT id FROM agreements ORDER BY id');
    throw unknownAgreement(
      agreementId,
      rows.map((r) => r.id),
    );
  }
  process.stdout.write(
    `Recording an event in ${agreement.id} (${agreement.document.title}). Nothing is stored until you confirm; Ctrl-C stops.\n`,
  );
  return withTerminal((io) => promptForEvent(given, agreement, io, Date.now()));
}
