import type { Agreement } from './compiled-agreement.ts';
import { type LedgerBook, sumReleasedAt } from './ledger-fold.ts';
import type { ReleaseTotal } from './status.ts';

/** People released per releasing party in [from, to] (when they were released), under the framework and outside it. */
export function releaseTotals(
  book: LedgerBook,
  agreement: Agreement,
  from: number,
  to: number,
): ReleaseTotal[] {
  const parties = [
    ...agreement.partyIds,
    ...new Set(
      book.releaseKeys
        .map((k) => k.party)
        .filter((p) => !agreement.partyIds.has(p))
        .sort(),
    ),
  ];
  return parties.map((party) => {
    const inFramework = sumReleasedAt(book, (k) => k.party === party && !k.outside, from, to);
    const outsideFramework = sumReleasedAt(book, (k) => k.party === party && k.outside, from, to);
    return { party, inFramework, outsideFramework, total: inFramework + outsideFramework };
  });
}
