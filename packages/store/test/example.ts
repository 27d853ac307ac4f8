import { readFileSync } from 'node:fs';
import type { Source } from '@truce/core';
import { parse } from 'yaml';

const dir = new URL('../../../examples/gaza-2023-pause/', import.meta.url);

/** The 2023 example agreement's text, under another id when one is given (so tests do not share a ledger). */
export function exampleAgreement(id?: string): string {
  const text = readFileSync(new URL('agreement.yaml', dir), 'utf8');
  return id === undefined ? text : text.replace(/^id: .*$/m, `id: ${id}`);
}

export function exampleLedgerText(): string {
  return readFileSync(new URL('ledger.yaml', dir), 'utf8');
}

/** The 2023 example ledger's events and sources, as written. */
export function exampleLedger(): { sources: Record<string, Source>; events: Record<string, unknown>[] } {
  return parse(exampleLedgerText());
}

/** A small valid event for any copy of the example agreement. */
export function talks(id: string, note?: string): Record<string, unknown> {
  return {
    id,
    type: 'talks-held',
    occurred: '2023-11-20T10:00',
    recorded: '2023-11-20T12:00',
    ...(note === undefined ? {} : { note }),
  };
}
