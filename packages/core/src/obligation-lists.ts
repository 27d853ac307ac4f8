import { BoundedList } from './bounded-list.ts';
import type { CompiledObligation } from './compiled-agreement.ts';
import type { ObligationLists } from './judgement.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { LedgerBook, ReleaseKey } from './ledger-fold.ts';
import { minuteOf, startOfMinute } from './minute-series.ts';
import type { PhaseRun } from './phase-timeline.ts';
import { addInZone } from './zoned-time.ts';

/** Finds again the earliest events of a key from a time on, when the kept ones all fall before it. */
export type Refill = (key: number, from: number) => BoundedList;

interface Context {
  readonly book: LedgerBook;
  readonly asOf: number;
  readonly limit: number;
  readonly superseded: ReadonlyMap<string, string>;
  readonly refill: Refill;
  readonly zone: string;
}

const amountOf = (e: LedgerEvent, cohort: string) => {
  if (e.type !== 'release') return null;
  let n = 0;
  for (const r of e.released) if (r.cohort === cohort) n += r.best;
  return n;
};
// Sums in the book are by the minute, so the lists judge by the minute too, and the two always agree.
const creditedMinute = (e: LedgerEvent) => minuteOf(e.type === 'release' ? e.credited : e.at);

/**
 * The events an obligation counted and left out, drawn from the earliest events each key of the
 * book kept: counted from the phase's start to as-of, the rest left out with the reason.
 */
export function listsFor(o: CompiledObligation, run: PhaseRun, ctx: Context): ObligationLists {
  const counted = new BoundedList(ctx.limit);
  const excluded = new BoundedList(ctx.limit);
  const start = run.actualStart;
  if (start === null || start > ctx.asOf) return { counted, excluded };
  const { book } = ctx;
  const phase = run.phase.name;
  const zone = ctx.zone;
  if (o.kind === 'release' || o.kind === 'reciprocal-release') {
    const watched = (k: ReleaseKey) =>
      (k.party === o.party && o.cohorts.has(k.cohort)) ||
      (o.kind === 'reciprocal-release' && k.party !== o.party && o.ratio.has(k.cohort));
    book.releaseKeys.forEach((k, key) => {
      if (!watched(k)) return;
      const mine = k.party === o.party;
      const runEnd = run.actualEnd ?? Number.POSITIVE_INFINITY;
      const until = Math.min(
        ctx.asOf,
        mine && o.lag && runEnd !== Number.POSITIVE_INFINITY ? addInZone(runEnd, o.lag, zone) : runEnd,
      );
      const note = mine ? undefined : 'released by the other side';
      const outsideReason = mine
        ? 'released outside the framework'
        : 'released outside the framework: nothing is owed for it';
      const list = book.releaseLists[key]!;
      if (k.outside) {
        leaveOut(excluded, list, outsideReason);
      } else {
        let kept = list.entries();
        const after = book.released.sum(key, start, until, 'events');
        const before = book.released.sum(
          key,
          Number.NEGATIVE_INFINITY,
          startOfMinute(minuteOf(start)) - 1,
          'events',
        );
        const keptAfter = kept.filter((c) => creditedMinute(c.event) >= minuteOf(start)).length;
        if (keptAfter < Math.min(ctx.limit, after))
          kept = [
            ...kept.filter((c) => creditedMinute(c.event) < minuteOf(start)),
            ...ctx.refill(key, start).entries(),
          ];
        let added = 0;
        let addedBefore = 0;
        let addedAfterEnd = 0;
        for (const c of kept) {
          if (ctx.superseded.has(c.event.id)) continue;
          if (creditedMinute(c.event) < minuteOf(start)) {
            excluded.add(c.event, null, `before ${phase} started`);
            addedBefore++;
          } else if (creditedMinute(c.event) > minuteOf(ctx.asOf))
            excluded.add(c.event, null, 'credited after the as-of time');
          else if (creditedMinute(c.event) > minuteOf(until)) {
            excluded.add(c.event, null, `after ${phase} ended`);
            addedAfterEnd++;
          } else {
            counted.add(c.event, amountOf(c.event, k.cohort), note);
            added++;
          }
        }
        counted.addCount(after - added);
        excluded.addCount(before - addedBefore);
        if (until < ctx.asOf)
          excluded.addCount(
            book.released.sum(key, startOfMinute(minuteOf(until) + 1), ctx.asOf, 'events') - addedAfterEnd,
          );
      }
      const aside = book.releaseAside[key]!;
      leaveOut(excluded, aside);
    });
  } else if (o.kind === 'rate' && o.source.kind === 'rate') {
    const item = o.source.item;
    const end = run.actualEnd ?? run.scheduledEnd ?? Number.POSITIVE_INFINITY;
    book.aidKeys.forEach((k, key) => {
      if (k.item !== item || (k.party !== undefined && k.party !== o.party)) return;
      const list = book.aidLists[key]!;
      for (const c of list.entries()) {
        if (ctx.superseded.has(c.event.id)) continue;
        if (k.outside) excluded.add(c.event, null, 'delivered outside the framework');
        else if (c.event.at < start || c.event.at >= end) excluded.add(c.event, null, `outside ${phase}`);
        else counted.add(c.event, c.amount);
      }
      if (!k.outside)
        counted.addCount(
          book.delivered.sum(key, start, Math.min(end - 1, ctx.asOf), 'events') - counted.total,
        );
      const aside = book.aidAside[key]!;
      leaveOut(excluded, aside);
    });
    for (const e of book.spans) {
      if (e.item !== item || (e.party !== undefined && e.party !== o.party)) continue;
      if (e.outsideFramework) excluded.add(e, null, 'delivered outside the framework');
      else if (e.until < start || e.at >= end) excluded.add(e, null, `outside ${phase}`);
      else if (e.until > ctx.asOf)
        excluded.add(e, null, 'reported over an interval that ends after the as-of time');
      else counted.add(e, e.quantity.best);
    }
  }
  return { counted, excluded };
}

/** Adds a kept list's events to a left-out list, with one reason or each entry's own, and counts the rest. */
function leaveOut(excluded: BoundedList, list: BoundedList, reason?: string): void {
  const entries = list.entries();
  for (const c of entries) excluded.add(c.event, null, reason ?? c.note);
  excluded.addCount(list.total - entries.length);
}
