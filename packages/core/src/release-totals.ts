import type { Agreement } from './compiled-agreement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { ReleaseTotal } from './status.ts';

/** People released per releasing party in [from, to], under the framework and outside it. */
export function releaseTotals(
  releases: readonly Extract<LedgerEvent, { type: 'release' }>[],
  agreement: Agreement,
  from: number,
  to: number,
): ReleaseTotal[] {
  const totals = new Map<string, { inFramework: number; outsideFramework: number }>();
  for (const p of agreement.partyIds) totals.set(p, { inFramework: 0, outsideFramework: 0 });
  for (const e of releases) {
    if (e.at < from || e.at > to) continue;
    let n = 0;
    for (const r of e.released) n += r.best;
    let t = totals.get(e.party);
    if (!t) {
      t = { inFramework: 0, outsideFramework: 0 };
      totals.set(e.party, t);
    }
    if (e.outsideFramework) t.outsideFramework += n;
    else t.inFramework += n;
  }
  return [...totals].map(([party, t]) => ({ party, ...t, total: t.inFramework + t.outsideFramework }));
}
