import type { Agreement } from './compiled-agreement.ts';
import { type EventDocument, LedgerFileSchema } from './event-schema.ts';
import type { Issue, Parsed } from './issue.ts';
import type { Ledger, LedgerEvent } from './ledger-event.ts';
import { normalizeEvent } from './normalize-event.ts';
import { validateDocument } from './validate-document.ts';
import { readYaml } from './yaml-document.ts';

/**
 * Parses a ledger file (YAML or JSON) against its agreement: every time resolved once, every
 * reference checked. Returns the ledger or the issues, each with its line and column.
 */
export function parseLedger(text: string, agreement: Agreement, file?: string): Parsed<Ledger> {
  const read = readYaml(text, file);
  if ('issues' in read) return { ok: false, issues: read.issues };
  const { source } = read;
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    return {
      ok: false,
      issues: [source.issue('invalid-type', [], 'a ledger file is a mapping with `agreement` and `events`')],
    };
  }
  const validated = validateDocument(LedgerFileSchema, source);
  if ('issues' in validated) return { ok: false, issues: validated.issues };
  const doc = validated.value;
  const issues: Issue[] = [];
  if (doc.agreement !== agreement.id)
    issues.push(
      source.issue(
        'undefined-reference',
        ['agreement'],
        `this ledger is for \`${doc.agreement}\`, not \`${agreement.id}\``,
      ),
    );
  const events = normalizeEvents(doc.events, agreement, doc.sources, (code, path, message) =>
    issues.push(source.issue(code, path, message)),
  );
  return issues.length ? { ok: false, issues } : { ok: true, value: { agreement: agreement.id, events } };
}

/** Normalizes written events, checking ids are unique and that corrections point at known events. */
export function normalizeEvents(
  docs: readonly EventDocument[],
  agreement: Agreement,
  sources: Readonly<Record<string, import('./agreement-schema.ts').Source>>,
  report: (code: string, path: (string | number)[], message: string) => void,
  pathPrefix: (string | number)[] = ['events'],
): LedgerEvent[] {
  const seen = new Map<string, number>();
  const events = docs.map((d, i) => {
    const prior = seen.get(d.id);
    if (prior !== undefined)
      report(
        'duplicate-id',
        [...pathPrefix, i, 'id'],
        `the event id \`${d.id}\` is already used by event ${prior + 1}`,
      );
    seen.set(d.id, i);
    return normalizeEvent(d, { agreement, sources, report }, [...pathPrefix, i]);
  });
  docs.forEach((d, i) => {
    if ((d.type === 'correction' || d.type === 'retraction') && !seen.has(d.supersedes))
      report(
        'undefined-reference',
        [...pathPrefix, i, 'supersedes'],
        `\`${d.supersedes}\` is not an event in this ledger`,
      );
  });
  return events;
}
