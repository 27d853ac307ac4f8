import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Agreement, type LedgerEvent, parseAgreement, parseLedger } from '@truce/core';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** An example's agreement and ledger, read through the core's parsers. */
export function example(name: string): { agreement: Agreement; events: readonly LedgerEvent[] } {
  const a = parseAgreement(readFileSync(`${ROOT}examples/${name}/agreement.yaml`, 'utf8'));
  if (!a.ok) throw new Error(`${name}: agreement does not parse`);
  const l = parseLedger(readFileSync(`${ROOT}examples/${name}/ledger.yaml`, 'utf8'), a.value);
  if (!l.ok) throw new Error(`${name}: ledger does not parse`);
  return { agreement: a.value, events: l.value.events };
}
