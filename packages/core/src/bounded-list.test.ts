import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedList } from './bounded-list.ts';
import type { LedgerEvent } from './ledger-event.ts';

/** Just the fields a bounded list reads: its place in time, its id and its minute. */
const eventAt = (minute: number, id: string) =>
  ({ at: minute * 60_000, atMinute: minute, id }) as unknown as LedgerEvent;

/**
 * What a bounded list must keep: the earliest `limit` entries by (at, id), where the same event added
 * twice in a row is one entry (an event added again later is another), and the count of entries.
 */
function model(added: readonly { event: LedgerEvent; amount: number }[], limit: number) {
  const entries: LedgerEvent[] = [];
  for (const { event } of added) if (entries.at(-1) !== event) entries.push(event);
  const kept = [...entries]
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
  return { total: entries.length, kept: kept.map((e) => e.id) };
}

// Events on a few minutes, so that ties on time (broken by id) and runs in order are both common.
const eventsArb = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.string({ minLength: 1, maxLength: 3 })), {
    selector: ([, id]) => id,
    minLength: 1,
    maxLength: 40,
  })
  .map((pairs) => pairs.map(([minute, id]) => eventAt(minute, id)));

/** A sequence of adds: mostly in time order (as ledgers arrive), sometimes not, with repeats in a row. */
const addsArb = eventsArb.chain((events) => {
  const inOrder = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(events.length - 1), fc.integer({ min: 1, max: 5 }), fc.boolean()), {
        maxLength: 80,
      }),
    )
    .map(([ordered, picks]) =>
      ordered
        ? inOrder.flatMap((event, i) => [
            { event, amount: i + 1 },
            ...(picks[i]?.[2] ? [{ event, amount: 1 }] : []),
          ])
        : picks.map(([i, amount]) => ({ event: events[i]!, amount })),
    );
});

describe('BoundedList', () => {
  it('keeps the earliest `limit` events by time then id, and counts every distinct one (fast-check)', () => {
    fc.assert(
      fc.property(addsArb, fc.integer({ min: 0, max: 12 }), (adds, limit) => {
        const list = new BoundedList(limit);
        for (const { event, amount } of adds) list.add(event, amount);
        const expected = model(adds, limit);
        expect(list.total).toBe(expected.total);
        expect(list.entries().map((e) => e.event.id)).toEqual(expected.kept);
      }),
      { numRuns: 1000 },
    );
  });

  it('sums the amounts of an event added twice in a row', () => {
    const list = new BoundedList(5);
    const a = eventAt(1, 'a');
    list.add(a, 2);
    list.add(a, 3);
    list.add(eventAt(2, 'b'), 1);
    expect(list.entries().map((e) => [e.event.id, e.amount])).toEqual([
      ['a', 5],
      ['b', 1],
    ]);
    expect(list.total).toBe(2);
  });

  it('a clone goes on on its own, leaving the list it copied as it was (fast-check)', () => {
    fc.assert(
      fc.property(addsArb, addsArb, fc.integer({ min: 1, max: 12 }), (first, more, limit) => {
        const list = new BoundedList(limit);
        for (const { event, amount } of first) list.add(event, amount);
        const before = list.entries().map((e) => [e.event.id, e.amount]);
        const copy = list.clone();
        for (const { event, amount } of more) copy.add(event, amount);
        // The copy holds what one list given both sequences would hold (its first add is never merged).
        const both = model([...first, { event: eventAt(-1, '\u0000'), amount: 0 }, ...more], limit + 1);
        expect(copy.entries().map((e) => e.event.id)).toEqual(
          both.kept.filter((id) => id !== '\u0000').slice(0, limit),
        );
        expect(list.entries().map((e) => [e.event.id, e.amount])).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('a list cloned (and its clones read) between adds keeps what it would have kept uncloned (fast-check)', () => {
    fc.assert(
      fc.property(addsArb, fc.integer({ min: 0, max: 12 }), fc.array(fc.nat(80)), (adds, limit, cuts) => {
        const list = new BoundedList(limit);
        const at = new Set(cuts);
        adds.forEach(({ event, amount }, i) => {
          if (at.has(i)) list.clone().entries();
          list.add(event, amount);
        });
        const expected = model(adds, limit);
        expect(list.total).toBe(expected.total);
        expect(list.entries().map((e) => e.event.id)).toEqual(expected.kept);
        expect(
          list
            .clone()
            .entries()
            .map((e) => e.event.id),
        ).toEqual(expected.kept);
      }),
      { numRuns: 1000 },
    );
  });

  it('a stamp names the entries: equal stamps hold equal entries, and copies changed alike share one (fast-check)', () => {
    fc.assert(
      fc.property(
        addsArb,
        fc.array(fc.tuple(addsArb, fc.constantFrom(undefined, 'x', 'y')), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (first, sequences, limit) => {
          const list = new BoundedList(limit);
          const seen = new Map<number, string>();
          const look = (l: BoundedList) => {
            const entries = JSON.stringify(l.entries().map((e) => [e.event.id, e.amount, e.note]));
            const before = seen.get(l.stamp);
            if (before !== undefined) expect(entries).toBe(before);
            seen.set(l.stamp, entries);
          };
          for (const { event, amount } of first) {
            list.add(event, amount);
            look(list);
          }
          // Each sequence given to two copies of the list, one after the other.
          for (const [more, note] of sequences) {
            const a = list.clone();
            const b = list.clone();
            expect(a.stamp).toBe(list.stamp);
            for (const { event, amount } of more) {
              a.add(event, amount, note);
              look(a);
            }
            for (const { event, amount } of more) {
              b.add(event, amount, note);
              look(b);
            }
            expect(b.stamp).toBe(a.stamp);
          }
          look(list);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps its stamp when an event is turned away, and changes it when an amount is summed', () => {
    const list = new BoundedList(1);
    const a = eventAt(1, 'a');
    list.add(a, 1);
    const kept = list.stamp;
    list.add(eventAt(2, 'b'), 1);
    expect(list.total).toBe(2);
    expect(list.stamp).toBe(kept);
    const copy = list.clone();
    copy.add(eventAt(0, 'z'), 1);
    expect(copy.stamp).not.toBe(kept);
    expect(list.stamp).toBe(kept);
    const summed = new BoundedList(2);
    summed.add(a, 1);
    const once = summed.stamp;
    summed.add(a, 2);
    expect(summed.stamp).not.toBe(once);
  });

  it('tells apart, in copies, an amount summed into an event and the same event listed again', () => {
    const base = new BoundedList(2);
    const [x, z, w] = [eventAt(1, 'x'), eventAt(5, 'z'), eventAt(9, 'w')];
    const summed = base.clone();
    const twice = base.clone();
    for (const l of [summed, twice]) {
      l.add(z, 1);
      l.add(x, 1);
    }
    summed.add(x, 1);
    twice.add(w, 1); // turned away: the list is full of earlier events
    twice.add(x, 1); // no longer the last added, so listed again
    expect(summed.entries().map((e) => [e.event.id, e.amount])).toEqual([
      ['x', 2],
      ['z', 1],
    ]);
    expect(twice.entries().map((e) => [e.event.id, e.amount])).toEqual([
      ['x', 1],
      ['x', 1],
    ]);
    expect(twice.stamp).not.toBe(summed.stamp);
    // Copies given one event with different notes, or amounts, hold different entries.
    const [one, other, more] = [base.clone(), base.clone(), base.clone()];
    one.add(x, 1, 'before the phase');
    other.add(x, 1, 'after the phase');
    more.add(x, 2, 'before the phase');
    // And two events that share an id (a generated ledger may hold such) are two changes.
    const [early, later] = [base.clone(), base.clone()];
    early.add(eventAt(2, 'm'), 1);
    later.add(eventAt(3, 'm'), 1);
    expect(new Set([one.stamp, other.stamp, more.stamp, early.stamp, later.stamp]).size).toBe(5);
  });
});
