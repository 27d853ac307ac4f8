import { basename } from 'node:path';
import type { Agreement } from '@truce/core';
import {
  buildEvent,
  extract,
  type PlannedEvent,
  parseDecisions,
  planReview,
  proposeEvent,
  type ReviewContext,
  type ReviewDecision,
  type ReviewedFields,
  type ReviewOutcome,
  recordReviewed,
} from '@truce/extract';
import type { Store } from '@truce/store';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { unknownAgreement } from './agreement-diff.ts';
import { CliError } from './cli-error.ts';
import { formatCandidate, publishedDate } from './extract-command.ts';
import { readText } from './load-example.ts';
import { withWorkspace } from './open-workspace.ts';
import { formatAppendIssue } from './record-command.ts';
import { type Field, fieldsFor, TYPE_FIELD } from './record-fields.ts';
import { checkEvent, type PromptIo } from './record-prompts.ts';
import { withTerminal } from './terminal-io.ts';
import { useColor } from './text-style.ts';

interface ReviewFlags {
  readonly published: string;
  readonly agreement: string;
  readonly decisions?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly recorded?: string;
  readonly json?: boolean;
}

type Fields = ReviewedFields;

/** Applies a decisions file: every decision is checked first, and then all events are appended together, or none. */
async function applyDecisions(
  store: Store,
  ctx: ReviewContext,
  decisions: readonly ReviewDecision[],
): Promise<ReviewOutcome[]> {
  const plan = planReview(ctx, decisions);
  if (!plan.ok) {
    const n = plan.problems.length;
    throw new CliError(
      'invalid',
      `nothing was recorded; ${n === 1 ? '1 decision cannot' : `${n} decisions cannot`} be taken:`,
      plan.problems.map((p) => `  ${p.message}`),
    );
  }
  return [...plan.outcomes, ...(await appendAll(store, ctx.agreement.id, plan.events))].sort(
    (a, b) => a.candidate - b.candidate,
  );
}

async function appendAll(
  store: Store,
  agreementId: string,
  events: readonly PlannedEvent[],
): Promise<ReviewOutcome[]> {
  const result = await recordReviewed(store, agreementId, events);
  if (!result.ok)
    throw new CliError(
      'invalid',
      `nothing was recorded in ${agreementId}; the store refused:`,
      result.issues.map(formatAppendIssue),
    );
  return result.outcomes;
}

function issuesOf(doc: Record<string, unknown>, agreement: Agreement): string[] {
  return checkEvent(doc, agreement).map((i) => `${i.field ?? 'event'}: ${i.message}`);
}

/** Asks each field of `type` with the current value as its default; the report is the source, so that is not asked. */
async function askFields(type: string, draft: Fields, ctx: ReviewContext, io: PromptIo): Promise<void> {
  const skip = new Set(['recorded', 'sourceOutlet']);
  const fields: Field[] = fieldsFor(type, ctx.agreement, Date.now()).filter((f) => !skip.has(f.key));
  const values = draft as unknown as Record<string, unknown>;
  for (const f of fields) {
    for (;;) {
      const current = values[f.key];
      const shown = current !== undefined && current !== false ? String(current) : f.default;
      const choices = f.choices?.length ? ` (${f.choices.map((c, i) => `${i + 1} ${c}`).join(', ')})` : '';
      const typed = (
        await io.ask(`${f.label}${choices}${shown !== undefined ? ` [${shown}]` : ''}: `)
      ).trim();
      const answer = typed === '' ? shown : typed;
      if (answer === undefined) {
        if (f.required) {
          io.say(`  ✗ ${f.label} is needed`);
          continue;
        }
        delete values[f.key];
        break;
      }
      const read = f.read(answer);
      if ('error' in read) {
        io.say(`  ✗ ${read.error}`);
        continue;
      }
      if (read.value === undefined) delete values[f.key];
      else values[f.key] = read.value;
      break;
    }
  }
}

const ACTIONS = { a: 'accept', e: 'edit', n: 'note', r: 'reject', q: 'quit' } as const;

/** Takes each candidate in turn on the terminal; each accepted or noted event is stored at once. */
async function reviewOnTerminal(store: Store, ctx: ReviewContext, io: PromptIo): Promise<ReviewOutcome[]> {
  const { candidates, text } = ctx.extraction;
  const color = useColor(process.stdout);
  const outcomes: ReviewOutcome[] = [];
  for (const [i, c] of candidates.entries()) {
    const n = i + 1;
    const proposal = proposeEvent(c, ctx.agreement, ctx.extraction.published);
    io.say('');
    io.say(`Candidate ${n} of ${candidates.length}`);
    for (const line of formatCandidate(text, c, n, color)) io.say(line);
    const offered: (keyof typeof ACTIONS)[] = proposal.ok ? ['a', 'e', 'n', 'r', 'q'] : ['e', 'n', 'r', 'q'];
    if (proposal.ok) {
      io.say(
        `   proposed: ${proposal.fields.type}${proposal.missing.length ? ` (the report does not give its ${proposal.missing.join(', ')}: edit to give them)` : ''}`,
      );
    } else
      io.say(
        `   ✗ not an event: ${proposal.reason}; note it as a statement, edit it into an event, or reject it`,
      );
    const fallback = proposal.ok && proposal.missing.length === 0 ? 'a' : proposal.ok ? 'e' : 'r';
    let action: (typeof ACTIONS)[keyof typeof ACTIONS] | undefined;
    while (!action) {
      const typed = (
        await io.ask(`action (${offered.map((k) => `${k} ${ACTIONS[k]}`).join(', ')}) [${fallback}]: `)
      )
        .trim()
        .toLowerCase();
      const key = (typed === '' ? fallback : typed[0]) as keyof typeof ACTIONS;
      if (offered.includes(key) && (typed === '' || ACTIONS[key].startsWith(typed))) action = ACTIONS[key];
      else io.say(`  ✗ answer ${offered.join(', ')}`);
    }
    if (action === 'quit') {
      for (const [j, rest] of candidates.entries())
        if (j >= i) outcomes.push({ candidate: j + 1, kind: rest.kind, action: 'skipped' });
      break;
    }
    if (action === 'reject') {
      outcomes.push({ candidate: n, kind: c.kind, action: 'rejected' });
      continue;
    }
    let fields: Fields;
    if (action === 'accept' && proposal.ok && proposal.missing.length === 0) fields = { ...proposal.fields };
    else if (action === 'note') fields = { ...proposal.note };
    else {
      fields = { ...(proposal.ok ? proposal.fields : proposal.note) };
      const typed = (
        await io.ask(`event type (${TYPE_FIELD.choices?.join(', ')}) [${fields.type}]: `)
      ).trim();
      if (typed !== '') {
        const read = TYPE_FIELD.read(typed);
        if ('error' in read) io.say(`  ✗ ${read.error}; keeping ${fields.type}`);
        else fields.type = String(read.value);
      }
      await askFields(fields.type, fields, ctx, io);
    }
    const doc = buildEvent(fields, c, ctx);
    const issues = issuesOf(doc, ctx.agreement);
    if (issues.length > 0) {
      for (const m of issues) io.say(`  ✗ ${m}`);
      io.say('  nothing was recorded for this candidate');
      outcomes.push({ candidate: n, kind: c.kind, action: 'skipped' });
      continue;
    }
    io.say(stringify([doc]).trimEnd().replace(/^/gm, '   '));
    const [done] = await appendAll(store, ctx.agreement.id, [{ candidate: n, kind: c.kind, doc }]);
    io.say(
      `   ${done!.action === 'recorded' ? `recorded as event ${done!.seq}` : `already recorded as event ${done!.seq}`}`,
    );
    outcomes.push(done!);
  }
  return outcomes;
}

function summary(outcomes: readonly ReviewOutcome[]): string {
  const count = (a: ReviewOutcome['action']) => outcomes.filter((o) => o.action === a).length;
  return `${count('recorded')} recorded, ${count('already recorded')} already recorded, ${count('rejected')} rejected, ${count('skipped')} skipped`;
}

/** Adds `truce review <file> --published <date> --agreement <id>`. */
export function addReviewCommand(program: Command): void {
  program
    .command('review')
    .description(
      'take a report’s candidates (as `truce extract` finds them) in turn — accept, edit, note or reject — into an agreement’s ledger, with the report as each event’s source',
    )
    .argument('<file>', 'the report: a plain-text or HTML file')
    .requiredOption('--published <date>', 'the day the report was published (YYYY-MM-DD)', publishedDate)
    .requiredOption('--agreement <id>', 'the stored agreement whose ledger the events go into')
    .option('--decisions <file>', 'a YAML or JSON file of decisions, for scripted use (no questions asked)')
    .option('--outlet <name>', 'who published the report (default: the file name)')
    .option('--url <url>', 'where the report was published (recorded, never fetched)')
    .option('--recorded <time>', 'when the ledger learned of it (default: now)')
    .option('--json', 'print what became of each candidate as JSON')
    .addHelpText(
      'after',
      `
Only candidates that report something that happened, of a kind the ledger records (a release, a
pause started, ended or extended, an aid delivery, a violation, a statement), can be accepted, and
only when the report gives what the event needs; "edit" fills in or changes any field (and the
type). Anything else — a proposal, a plan, a denial, a figure — can be noted: recorded as a
statement event carrying the sentence. Each event's source is the report (outlet, published, url)
with the in-report sources as its attribution; event ids come from the content, so reviewing the
same report again adds nothing twice.

On a terminal, each candidate is shown with its spans and an action is asked; each accepted event
is stored at once. With --decisions FILE, every decision is checked first and then all are stored
together, or none (exit 1, each problem named). A decisions file is a list:

  - { candidate: 10, kind: pause-agreed, action: note }
  - { candidate: 12, action: accept }
  - { candidate: 14, action: edit, set: { party: hamas, cohort: hostages-women-children, occurred: 2023-11-30 } }
  - { candidate: 5, action: reject }

Candidates not listed are skipped. \`kind\` is optional and guards against a changed report.

Examples:
  $ truce review ../shared/articles/talks-report-2023.txt --published 2023-12-02 --agreement gaza-2023-pause
  $ truce review report.txt --published 2023-11-25 --agreement gaza-2023-pause --decisions decisions.yaml
`,
    )
    .action(async (file: string, flags: ReviewFlags) => {
      const parsed = flags.decisions ? parseDecisions(readText(flags.decisions)) : undefined;
      if (parsed && !parsed.ok)
        throw new CliError(
          'invalid',
          `${flags.decisions}: not a decisions file`,
          parsed.issues.map((i) => `  ${i}`),
        );
      const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
      if (!parsed && !terminal)
        throw new CliError('usage', 'give --decisions FILE, or run `truce review` on a terminal to be asked');
      const extraction = extract(readText(file), {
        published: flags.published,
        ...(flags.outlet === undefined ? {} : { outlet: flags.outlet }),
        ...(flags.url === undefined ? {} : { url: flags.url }),
      });
      await withWorkspace(async (store) => {
        const agreement = await store.agreement(flags.agreement);
        if (!agreement) {
          const rows = await store.database.query<{ id: string }>(
            'SELECT DISTINCT id FROM agreements ORDER BY id',
          );
          throw unknownAgreement(
            flags.agreement,
            rows.map((r) => r.id),
          );
        }
        const source: Record<string, string> = {
          outlet: flags.outlet ?? basename(file),
          published: flags.published,
          ...(flags.url === undefined ? {} : { url: flags.url }),
        };
        const ctx: ReviewContext = {
          agreement,
          extraction,
          source,
          recorded: flags.recorded ?? new Date().toISOString().slice(0, 19).concat('Z'),
          reportName: basename(file),
        };
        for (const note of extraction.notes) process.stderr.write(`note: ${note.message}\n`);
        const outcomes = parsed
          ? await applyDecisions(store, ctx, parsed.decisions)
          : await withTerminal(async (io) => {
              io.say(
                `Reviewing ${extraction.candidates.length} candidates from ${basename(file)} into ${agreement.id} (${agreement.document.title}). Each accepted event is stored at once; q or Ctrl-C stops.`,
              );
              return reviewOnTerminal(store, ctx, io);
            });
        if (flags.json)
          return void process.stdout.write(
            `${JSON.stringify({ agreement: agreement.id, file, outcomes }, null, 2)}\n`,
          );
        const lines = outcomes.map((o) => {
          const what = `${o.candidate}. ${o.kind}`;
          if (o.action === 'recorded') return `${what}: recorded ${o.id} (${o.type}) as event ${o.seq}`;
          if (o.action === 'already recorded') return `${what}: already recorded: ${o.id} is event ${o.seq}`;
          return `${what}: ${o.action}`;
        });
        process.stdout.write(`${[...lines, summary(outcomes)].join('\n')}\n`);
      });
    });
}
