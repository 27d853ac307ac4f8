import type { Agreement } from './compiled-agreement.ts';
import { num } from './judgement.ts';
import { type Claim, gradeLabel, type LedgerEvent } from './ledger-event.ts';
import { type LedgerBook, sumReleasedAt } from './ledger-fold.ts';
import type { PhaseRun } from './phase-timeline.ts';
import { type FactGroup, totalOf } from './select-evidence.ts';
import type { Discrepancy, DiscrepantReport } from './status.ts';
import { formatReadable } from './zoned-time.ts';

const report = (e: LedgerEvent, figure: number): DiscrepantReport => ({
  eventId: e.id,
  figure,
  status: e.status,
  grade: gradeLabel(e.sources) ?? null,
  sources: e.sources.map((s) => ({
    outlet: s.outlet,
    ...(s.attribution ? { attribution: s.attribution } : {}),
    ...(s.url ? { url: s.url } : {}),
  })),
});

/** Reports of one fact that give different figures. */
export function conflictingReports(groups: readonly FactGroup[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const g of groups) {
    const figures = g.members
      .map((m) => ({ m, f: totalOf(m) }))
      .filter((x): x is { m: LedgerEvent; f: number } => x.f !== undefined);
    if (new Set(figures.map((x) => x.f)).size < 2 || !g.chosen) continue;
    out.push({
      fact: g.fact,
      kind: 'conflicting-reports',
      description: `${figures.length} reports of ${g.fact} give ${[...new Set(figures.map((x) => num(x.f)))].join(' / ')}`,
      reports: figures.map((x) => report(x.m, x.f)),
      used: { eventId: g.chosen.id, figure: totalOf(g.chosen) ?? 0 },
      why: g.why,
      explanation: null,
    });
  }
  return out;
}

interface Scope {
  readonly claim: Claim;
  readonly during: string | undefined;
  readonly inFrameworkOnly: boolean;
  readonly releasedBy: string | undefined;
  readonly until: number;
}

function sum(agreement: Agreement, book: LedgerBook, runs: ReadonlyMap<string, PhaseRun>, s: Scope): number {
  const run = s.during ? runs.get(s.during) : undefined;
  if (run && run.actualStart === null) return 0;
  const from = Math.max(
    run?.actualStart ?? Number.NEGATIVE_INFINITY,
    s.claim.since ?? Number.NEGATIVE_INFINITY,
  );
  const to = Math.min(s.until, run?.actualEnd ?? Number.POSITIVE_INFINITY);
  return sumReleasedAt(
    book,
    (k) =>
      !(s.inFrameworkOnly && k.outside) &&
      (s.releasedBy === undefined || k.party === s.releasedBy) &&
      (!s.claim.cohorts || s.claim.cohorts.includes(k.cohort)) &&
      (!s.claim.heldBy || agreement.cohortHeldBy.get(k.cohort) === s.claim.heldBy),
    from,
    to,
  );
}

function describe(s: Scope, agreement: Agreement): string {
  const who = s.claim.heldBy
    ? `people held by ${s.claim.heldBy}`
    : s.claim.cohorts
      ? s.claim.cohorts.join(', ')
      : 'people';
  return [
    `releases of ${who}`,
    s.releasedBy ? `by ${s.releasedBy}` : 'by anyone (a rescue included)',
    s.during ? `during ${s.during}` : 'at any time',
    `up to ${formatReadable(s.until, agreement.zone)}`,
    s.inFrameworkOnly ? 'under the framework only' : 'inside and outside the framework',
  ].join(', ');
}

/** Figures that reports state about the ledger ("110 released during the pause") and that the ledger does not give. */
export function claimDiscrepancies(
  agreement: Agreement,
  statements: readonly Extract<LedgerEvent, { type: 'statement' }>[],
  book: LedgerBook,
  runs: ReadonlyMap<string, PhaseRun>,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const st of statements) {
    const c = st.claim;
    if (!c) continue;
    const scope: Scope = {
      claim: c,
      during: c.during,
      inFrameworkOnly: c.inFrameworkOnly,
      releasedBy: c.releasedBy,
      until: c.until ?? st.at,
    };
    const ledger = sum(agreement, book, runs, scope);
    if (c.value.low <= ledger && ledger <= c.value.high) continue;
    let explanation: string | null = null;
    for (const during of [scope.during, undefined]) {
      for (const inFrameworkOnly of [scope.inFrameworkOnly, !scope.inFrameworkOnly]) {
        for (const releasedBy of [scope.releasedBy, undefined]) {
          if (explanation) break;
          if (
            during === scope.during &&
            inFrameworkOnly === scope.inFrameworkOnly &&
            releasedBy === scope.releasedBy
          )
            continue;
          const alt: Scope = { ...scope, during, inFrameworkOnly, releasedBy };
          const r = sum(agreement, book, runs, alt);
          if (c.value.low <= r && r <= c.value.high)
            explanation = `${num(c.value.best)} is what the ledger gives for ${describe(alt, agreement)}: ${num(r)}, that is ${num(Math.abs(r - ledger))} ${r > ledger ? 'more' : 'fewer'} than the claim's own scope`;
        }
      }
    }
    out.push({
      fact: `${st.id}: ${describe(scope, agreement)}`,
      kind: 'claim-vs-ledger',
      description: `a report says ${num(c.value.best)}; the ledger's own events add up to ${num(ledger)}`,
      reports: [report(st, c.value.best)],
      used: { eventId: null, figure: ledger },
      why: "the evaluation counts the ledger's own events, not a reported total",
      explanation:
        explanation ??
        (st.note
          ? `no scope of the ledger gives ${num(c.value.best)}; the record notes: ${st.note}`
          : `no scope of the ledger gives ${num(c.value.best)}`),
    });
  }
  return out;
}
