import type { Agreement } from '@truce/core';
import { eventIssues, issueField } from '@truce/extract';
import { stringify } from 'yaml';
import { CliError } from './cli-error.ts';
import { eventFromFlags, type RecordFlags } from './record-command.ts';
import { type Field, type FieldKey, fieldsFor, TYPE_FIELD } from './record-fields.ts';

/** How the prompts talk to the person: ask a question and read a line, or say a line. */
export interface PromptIo {
  ask(question: string): Promise<string>;
  say(line: string): void;
}

type Draft = Partial<Record<FieldKey, string | number | boolean>>;

function question(f: Field, draft: Draft): string {
  const choices = f.choices?.length ? ` (${f.choices.map((c, i) => `${i + 1} ${c}`).join(', ')})` : '';
  const current = draft[f.key];
  const fallback = current !== undefined && current !== false ? String(current) : f.default;
  return `${f.label}${choices}${fallback !== undefined ? ` [${fallback}]` : ''}: `;
}

/** Asks one field until its answer can be taken; a blank answer takes the default, or skips an optional field. */
async function askField(f: Field, draft: Draft, io: PromptIo): Promise<void> {
  for (;;) {
    const typed = (await io.ask(question(f, draft))).trim();
    const current = draft[f.key];
    const fallback = current !== undefined && current !== false ? String(current) : f.default;
    const answer = typed === '' ? fallback : typed;
    if (answer === undefined) {
      if (!f.required) return void delete draft[f.key];
      io.say(`  ✗ ${f.label} is needed`);
      continue;
    }
    const read = f.read(answer);
    if ('error' in read) {
      io.say(`  ✗ ${read.error}`);
      continue;
    }
    if (read.value === undefined) delete draft[f.key];
    else draft[f.key] = read.value;
    return;
  }
}

/** The core's checks of one event against the agreement (the same the store runs), by field. */
export function checkEvent(
  doc: Record<string, unknown>,
  agreement: Agreement,
): { field: FieldKey | undefined; message: string }[] {
  return eventIssues(doc, agreement).map((i) => {
    // `truce record` asks for the source's outlet, and has no `text` flag.
    const field = issueField(i.path);
    return {
      field: (field === 'sources' ? 'sourceOutlet' : field === 'text' ? undefined : field) as
        | FieldKey
        | undefined,
      message: i.message,
    };
  });
}

const asFlags = (draft: Draft) => draft as unknown as RecordFlags;

/**
 * Asks for an event field by field — the type first, then only what that type needs — re-asking any
 * answer that cannot be taken, then checks the whole event as the store will, shows it and asks to
 * confirm. Fields already given as flags are not asked. Returns the flags, or undefined when the
 * person declines.
 */
export async function promptForEvent(
  given: Partial<RecordFlags>,
  agreement: Agreement,
  io: PromptIo,
  now: number,
): Promise<RecordFlags | undefined> {
  const draft: Draft = { ...(given as Draft) };
  if (draft.type === undefined) await askField(TYPE_FIELD, draft, io);
  const fields = fieldsFor(String(draft.type), agreement, now);
  for (const f of fields) if (!(f.key in given)) await askField(f, draft, io);
  for (;;) {
    const issues = checkEvent(eventFromFlags(asFlags(draft)), agreement);
    const fixable = issues.filter((i) => fields.some((f) => f.key === i.field));
    if (issues.length === 0) break;
    for (const i of issues) io.say(`  ✗ ${i.field ?? 'event'}: ${i.message}`);
    if (fixable.length < issues.length)
      throw new CliError('invalid', 'this event cannot be recorded; nothing was stored');
    for (const key of new Set(fixable.map((i) => i.field)))
      await askField(fields.find((f) => f.key === key)!, draft, io);
  }
  // The default status is left out, as when the flag is not given, so both make the same event id.
  if (draft.status === 'reported') delete draft.status;
  const doc = eventFromFlags(asFlags(draft));
  io.say('');
  io.say(stringify([doc]).trimEnd());
  for (;;) {
    const yes = (await io.ask('Record this event? (y/n) [y]: ')).trim();
    if (/^(y|yes|)$/i.test(yes)) return asFlags(draft);
    if (/^(n|no)$/i.test(yes)) return undefined;
    io.say('  ✗ answer y or n');
  }
}
