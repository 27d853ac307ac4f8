import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type Agreement,
  formatIssue,
  type Issue,
  type Ledger,
  parseAgreement,
  parseLedger,
} from '@truce/core';
import { CliError } from './cli-error.ts';

/** An example folder, read and checked: its agreement and its ledger (empty when there is no ledger file). */
export interface LoadedExample {
  readonly agreement: Agreement;
  readonly ledger: Ledger;
  readonly agreementFile: string;
  readonly ledgerFile: string | null;
}

/** Reads a file as text, or fails with a usage error that names it. */
export function readText(file: string): string {
  if (!existsSync(file)) throw new CliError('usage', `no file at ${file}`);
  if (statSync(file).isDirectory())
    throw new CliError('usage', `${file} is a folder; give a file such as ${join(file, 'agreement.yaml')}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CliError('usage', `cannot read ${file}: ${(cause as Error).message}`, [], { cause });
  }
}

/** True when the text is a ledger rather than an agreement: it has a top-level `events` key. */
export function isLedgerText(text: string): boolean {
  if (/^events\s*:/m.test(text)) return true;
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'events' in value;
  } catch {
    return false;
  }
}

function invalidFile(file: string, issues: readonly Issue[]): CliError {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  return new CliError('invalid', `${file} has ${count}:`, issues.map(formatIssue));
}

/** Reads and checks an agreement file; its issues become an error listing each as `file:line:col message`. */
export function loadAgreement(file: string): Agreement {
  const parsed = parseAgreement(readText(file), file);
  if (!parsed.ok) throw invalidFile(file, parsed.issues);
  return parsed.value;
}

/** Reads and checks a ledger file against its agreement. */
export function loadLedger(file: string, agreement: Agreement): Ledger {
  const parsed = parseLedger(readText(file), agreement, file);
  if (!parsed.ok) throw invalidFile(file, parsed.issues);
  return parsed.value;
}

/** The agreement a ledger file belongs to: `agreement.yaml` in the same folder. */
export function agreementBeside(ledgerFile: string): Agreement {
  const file = join(dirname(ledgerFile), 'agreement.yaml');
  if (!existsSync(file))
    throw new CliError(
      'usage',
      `${ledgerFile} is a ledger, and a ledger is checked against ${file}, which is missing`,
    );
  return loadAgreement(file);
}

/**
 * Reads `<dir>/agreement.yaml` and, when present, `<dir>/ledger.yaml`, checking both.
 * @example const { agreement, ledger } = loadExample('examples/gaza-2023-pause');
 */
export function loadExample(dir: string): LoadedExample {
  if (!existsSync(dir)) throw new CliError('usage', `no folder at ${dir}`);
  if (!statSync(dir).isDirectory())
    throw new CliError(
      'usage',
      `${dir} is a file; give the folder that holds agreement.yaml and ledger.yaml`,
    );
  const agreementFile = join(dir, 'agreement.yaml');
  if (!existsSync(agreementFile)) throw new CliError('usage', `${dir} has no agreement.yaml`);
  const agreement = loadAgreement(agreementFile);
  const ledgerFile = join(dir, 'ledger.yaml');
  if (!existsSync(ledgerFile))
    return { agreement, ledger: { agreement: agreement.id, events: [] }, agreementFile, ledgerFile: null };
  return { agreement, ledger: loadLedger(ledgerFile, agreement), agreementFile, ledgerFile };
}
