// The November 2023 pause, checked against the public record in ../shared/data/gaza-2023-pause.md (§ as cited).
import { describe, expect, it } from 'vitest';
import { loadExample, statusAt } from './load.ts';

const gaza = loadExample('gaza-2023-pause');
const END = statusAt(gaza, '2023-12-01T12:00:00+02:00');
const ob = (s: typeof END, id: string) => s.obligations.find((o) => o.id === id)!;
const pause = (s: typeof END) => s.phases.find((p) => p.id === 'pause')!;
const released = (s: typeof END, party: string) => s.released.find((r) => r.party === party)!;

describe('§1.1, §1.5: the pause ran 24 Nov 07:00 to 1 Dec 07:00 local time', () => {
  it('starts at 07:00 on 24 Nov (France24 [N22]; EPA [N3b]: 05:00 GMT) and was planned to end 28 Nov 07:00 (RFI [N35])', () => {
    expect(pause(END)).toMatchObject({
      plannedStart: '2023-11-24T07:00:00+02:00',
      plannedEnd: '2023-11-28T07:00:00+02:00',
      actualStart: '2023-11-24T07:00:00+02:00',
      actualEnd: '2023-12-01T07:00:00+02:00',
      state: 'ended',
      endReason: 'expired',
    });
  });

  it('was extended by 2 days on 27 Nov and 1 day on 30 Nov (Qatar MFA [N36]; PMO [N47])', () => {
    expect(pause(END).extensions.map((e) => [e.by, e.agreedAt.slice(0, 10)])).toEqual([
      ['P2D', '2023-11-27'],
      ['P1D', '2023-11-30'],
    ]);
    expect(pause(END).days).toBe(7);
  });

  it('the rule (+1 day per 10 beyond 50, cap 10 days [N5], [N16]) made it eligible for the 3 days agreed', () => {
    expect(pause(END).eligibility).toMatchObject({
      counted: 80,
      eligibleDays: 3,
      agreedDays: 3,
      capDays: 10,
    });
  });
});

describe('§1.2, §1.3: the release of 50 women and children', () => {
  it('is fulfilled at the end of day 4: 13 + 13 + 13 + 11 = 50 ([N22], [N31], [N34])', () => {
    const day4 = statusAt(gaza, '2023-11-28T06:59:00+02:00');
    expect(ob(day4, 'hamas-release-50')).toMatchObject({
      state: 'fulfilled',
      due: 50,
      delivered: 50,
      remaining: 0,
    });
  });

  it('is not yet fulfilled on day 3', () => {
    const day3 = statusAt(gaza, '2023-11-26T23:59:00+02:00');
    expect(ob(day3, 'hamas-release-50')).toMatchObject({ state: 'in-effect', delivered: 39 });
  });

  it('releases outside the framework (Thai, Filipino, Russian-Israeli: notes for modellers, §2) count neither toward it nor toward the rule', () => {
    const o = ob(END, 'hamas-release-50');
    const outside = o.excluded.filter((e) => e.reason === 'released outside the framework').map((e) => e.id);
    expect(outside).toEqual(expect.arrayContaining(['ev-2023-10-20-hostages', 'ev-2023-10-23-hostages']));
    expect(o.counted.map((c) => c.id)).not.toContain('ev-2023-11-24-thai');
    // 25 released outside the framework during the pause: 23 Thai, 1 Filipino, 1 Russian-Israeli man (§1.3 totals).
    expect(pause(END).released.find((r) => r.party === 'hamas')).toMatchObject({
      inFramework: 80,
      outsideFramework: 25,
    });
    // 78 under the deal plus the 2 Russian-Israeli women Israel agreed to count on 30 Nov (CNN [N46]).
    expect(o.delivered).toBe(80);
    expect(pause(END).eligibility?.counted).toBe(80);
  });
});

describe('§1.2: three prisoners for each hostage ([N15], [N68])', () => {
  it('holds each day of the pause: 39/13, 39/13, 39/13, 33/11, 30/10, 30/10, 30/10', () => {
    const rows = ob(END, 'israel-release-prisoners-3-to-1').periods!;
    expect(rows.map((r) => [r.due, r.delivered])).toEqual([
      [39, 39],
      [39, 39],
      [39, 39],
      [33, 33],
      [30, 30],
      [30, 30],
      [30, 30],
    ]);
    expect(rows.every((r) => r.state === 'met')).toBe(true);
    expect(ob(END, 'israel-release-prisoners-3-to-1')).toMatchObject({
      state: 'fulfilled',
      due: 240,
      delivered: 240,
      ratio: 3,
    });
  });
});

describe('§1.3, §1.4: totals during the pause', () => {
  it('105 hostages (81 Israeli or dual nationals + 23 Thai + 1 Filipino, [N2], [N56]) and 240 prisoners ([N2], [N55])', () => {
    const during = pause(END).released;
    expect(during.find((r) => r.party === 'hamas')!.total).toBe(105);
    expect(during.find((r) => r.party === 'israel')!.total).toBe(240);
  });

  it('110 all told: 105 + 4 released in October + 1 rescued ([N58], [N57])', () => {
    expect(released(END, 'hamas').total + released(END, 'rescue').total).toBe(110);
  });

  it('the figure of 110 "during the pause" (AP, the talks report) is a discrepancy, explained by the wider scope', () => {
    const s = statusAt(gaza, '2023-12-03T12:00:00+02:00');
    const d = s.discrepancies.find((x) => x.fact.startsWith('ev-2023-12-02-ap-110-during-pause'))!;
    expect(d).toMatchObject({ kind: 'claim-vs-ledger', used: { eventId: null, figure: 105 } });
    expect(d.reports[0]!.figure).toBe(110);
    expect(d.explanation).toContain('at any time');
    expect(d.explanation).toContain('110');
  });

  it('"54 after three days" ([N83], [N33]) disagrees with the 58 the day-by-day table gives', () => {
    const s = statusAt(gaza, '2023-12-03T12:00:00+02:00');
    const d = s.discrepancies.find((x) => x.fact.startsWith('ev-2023-11-27-statement-54'))!;
    expect(d.used.figure).toBe(58);
  });
});

describe('§1.3: conflicting reports are kept, with the figure used and why', () => {
  it('day-1 Thai: 12 (Thai PM [N11]) against 10 (Qatar, Egypt [N23]); 10 is used', () => {
    const d = END.discrepancies.find((x) => x.fact === 'day1-thai')!;
    expect(d.reports.map((r) => r.figure).sort()).toEqual([10, 12]);
    expect(d.used.figure).toBe(10);
    expect(d.why).toContain('best-graded');
  });

  it('day-1 prisoners: 39 (Qatar) against 33 (ICRC [N25]); 39 is used', () => {
    const d = END.discrepancies.find((x) => x.fact === 'day1-prisoners')!;
    expect(d.reports.map((r) => r.figure).sort()).toEqual([33, 39]);
    expect(d.used.figure).toBe(39);
  });
});

describe('as of and as known at', () => {
  it('the status on 26 Nov at 12:00 differs from the status on 30 Nov', () => {
    const d3 = statusAt(gaza, '2023-11-26T12:00:00+02:00');
    const d7 = statusAt(gaza, '2023-11-30T12:00:00+02:00');
    expect(pause(d3)).toMatchObject({ state: 'running', day: 3, scheduledEnd: '2023-11-28T07:00:00+02:00' });
    expect(pause(d7)).toMatchObject({ state: 'running', day: 7, scheduledEnd: '2023-12-01T07:00:00+02:00' });
    // Day 3's release is recorded by date only, so it counts at noon: 13 + 13 + 13 by 26 Nov 12:00.
    expect(ob(d3, 'hamas-release-50').delivered).toBe(39);
    expect(ob(d7, 'hamas-release-50').delivered).toBeGreaterThan(70);
  });

  it('"as known at 25 Nov 20:00" leaves out what was recorded later', () => {
    const late = statusAt(gaza, '2023-11-25T23:59:00+02:00');
    const early = statusAt(gaza, '2023-11-25T23:59:00+02:00', '2023-11-25T20:00:00+02:00');
    expect(ob(late, 'hamas-release-50').delivered).toBe(26);
    expect(ob(early, 'hamas-release-50').delivered).toBe(13);
    expect(early.knownAt).toBe('2023-11-25T20:00:00+02:00');
    expect(early.events.known).toBeLessThan(late.events.known);
  });

  it('the two Russian-Israeli women count on 30 Nov only once the correction of 30 Nov is known', () => {
    const before = statusAt(gaza, '2023-11-30T23:59:00+02:00', '2023-11-29T23:59:00+02:00');
    expect(ob(before, 'hamas-release-50').excluded.map((e) => e.id)).toContain(
      'ev-2023-11-29-russian-israeli-women',
    );
  });
});

describe('next change and collapse of knowledge', () => {
  it('on 26 Nov the next change is the scheduled end on 28 Nov 07:00 or a deadline before it', () => {
    const d3 = statusAt(gaza, '2023-11-26T12:00:00+02:00');
    expect(d3.nextChange).not.toBeNull();
    expect(Date.parse(d3.nextChange!.at)).toBeLessThanOrEqual(Date.parse('2023-11-28T07:00:00+02:00'));
  });
});
