import { readFileSync } from 'node:fs';
import {
  type Agreement,
  evaluate,
  type LedgerEvent,
  parseAgreement,
  parseLedger,
  type Status,
} from '@truce/core';

/** Loads an example folder (agreement.yaml + ledger.yaml), failing loudly on any issue. */
export function loadExample(name: string): { agreement: Agreement; events: LedgerEvent[] } {
  const dir = new URL(`../${name}/`, import.meta.url);
  const a = parseAgreement(readFileSync(new URL('agreement.yaml', dir), 'utf8'), `${name}/agreement.yaml`);
  if (!a.ok) throw new Error(a.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  const l = parseLedger(readFileSync(new URL('ledger.yaml', dir), 'utf8'), a.value, `${name}/ledger.yaml`);
  if (!l.ok) throw new Error(l.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  return { agreement: a.value, events: [...l.value.events] };
}

export function statusAt(
  ex: { agreement: Agreement; events: readonly LedgerEvent[] },
  asOf: string,
  knownAt?: string,
): Status {
  return evaluate(ex.agreement, ex.events, {
    asOf: Date.parse(asOf),
    ...(knownAt ? { knownAt: Date.parse(knownAt) } : {}),
  });
}
