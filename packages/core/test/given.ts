import {
  type Agreement,
  evaluate,
  type LedgerEvent,
  parseAgreement,
  parseLedger,
  type Status,
} from '../src/index.ts';

/** Test helper: an agreement and ledger from YAML text, failing loudly on any issue. */
export function given(
  agreementYaml: string,
  ledgerYaml?: string,
): { agreement: Agreement; events: LedgerEvent[] } {
  const a = parseAgreement(agreementYaml, 'test-agreement.yaml');
  if (!a.ok) throw new Error(a.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  if (!ledgerYaml) return { agreement: a.value, events: [] };
  const l = parseLedger(ledgerYaml, a.value, 'test-ledger.yaml');
  if (!l.ok) throw new Error(l.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  return { agreement: a.value, events: [...l.value.events] };
}

/** Evaluates at an RFC 3339 time. */
export function at(
  g: { agreement: Agreement; events: readonly LedgerEvent[] },
  asOf: string,
  knownAt?: string,
  evidence?: 'best-graded' | 'confirmed-only' | 'lowest',
): Status {
  return evaluate(g.agreement, g.events, {
    asOf: Date.parse(asOf),
    ...(knownAt ? { knownAt: Date.parse(knownAt) } : {}),
    ...(evidence ? { evidence } : {}),
  });
}

export const obligation = (s: Status, id: string) => {
  const o = s.obligations.find((x) => x.id === id);
  if (!o) throw new Error(`no obligation ${id}`);
  return o;
};

export const phase = (s: Status, id: string) => {
  const p = s.phases.find((x) => x.id === id);
  if (!p) throw new Error(`no phase ${id}`);
  return p;
};

/** A small two-party agreement used across the unit tests: a 4-day pause, 10 hostages for 3:1 prisoners. */
export const SMALL = `
id: small
title: Small pause
timeZone: Europe/Paris
parties: [{ id: a, name: A }, { id: b, name: B }]
cohorts:
  - { id: held-by-a, name: People held by A, heldBy: a }
  - { id: held-by-b, name: People held by B, heldBy: b }
phases:
  - id: pause
    name: The pause
    start: { at: 2024-03-01T08:00 }
    duration: P4D
    extension: { rule: { every: 5, cohorts: [held-by-a], beyond: 10, adds: P1D, maxTotal: P6D } }
obligations:
  - id: a-release-10
    kind: release
    party: a
    phase: pause
    cohorts: [held-by-a]
    count: 10
    by: { phase: pause, edge: start, offset: P4D }
    clause: { ref: Art. 1, text: A releases 10 within four days. }
  - id: b-release-3-to-1
    kind: reciprocal-release
    party: b
    phase: pause
    cohorts: [held-by-b]
    ratio: [{ per: held-by-a, count: 3 }]
    lag: PT12H
    clause: { ref: Art. 2, text: B releases three for each one A releases. }
  - id: a-ceasefire
    kind: refrain
    party: a
    phase: pause
    activity: hostilities
    clause: { ref: Art. 3, text: A ceases hostilities. }
  - id: b-trucks
    kind: rate
    party: b
    phase: pause
    item: trucks
    quantity: 100
    period: P1D
    clause: { ref: Art. 4, text: B allows 100 trucks a day. }
`;
