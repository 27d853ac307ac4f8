import type { ObligationStatus, PhaseStatus, Status } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { formatStatus } from '../src/format-status.ts';

const pause: PhaseStatus = {
  id: 'pause',
  name: 'Humanitarian pause',
  state: 'collapsed',
  plannedStart: '2023-11-24T07:00:00+02:00',
  plannedEnd: '2023-11-28T07:00:00+02:00',
  actualStart: '2023-11-24T07:00:00+02:00',
  actualEnd: '2023-12-01T07:00:00+02:00',
  scheduledEnd: '2023-12-01T07:00:00+02:00',
  endReason: 'collapsed',
  day: null,
  days: null,
  extensions: [
    {
      eventId: 'ext-1',
      by: 'P2D',
      agreedAt: '2023-11-27T17:00:00+02:00',
      cause: 'Qatar announced a two-day extension',
    },
    {
      eventId: 'ext-2',
      by: 'P1D',
      agreedAt: '2023-11-30T06:50:00+02:00',
      cause: 'agreed minutes before expiry',
    },
  ],
  eligibility: {
    rule: 'one more day for every 10 further releases of women and children, up to 10 days in all',
    counted: 81,
    eligibleDays: 3,
    agreedDays: 3,
    capDays: 10,
    explanation: 'floor((81 − 50) / 10) = 3',
  },
  released: [
    { party: 'north', inFramework: 81, outsideFramework: 2, total: 83 },
    { party: 'south', inFramework: 240, outsideFramework: 0, total: 240 },
  ],
  explanation: [],
};

const release: ObligationStatus = {
  id: 'north-release-50',
  kind: 'release',
  party: 'north',
  phase: 'pause',
  clause: { ref: 'Statement, para 1', text: 'At least 50 will be released over four days.' },
  state: 'fulfilled',
  reason: '81 of 50 released',
  due: 50,
  delivered: 81,
  deliveredRange: { low: 80, high: 81 },
  remaining: 0,
  ratio: 1.62,
  nextDeadline: null,
  counted: [],
  excluded: [],
  arithmetic: [],
};

const given: Status = {
  agreement: { id: 'test', version: 2, title: 'Test pause', status: 'agreed', timeZone: 'Asia/Jerusalem' },
  asOf: '2023-12-02T12:00:00+02:00',
  knownAt: '2023-12-03T09:30:00+02:00',
  evidence: 'best-graded',
  phases: [pause],
  obligations: [
    release,
    {
      ...release,
      id: 'south-ratio',
      party: 'south',
      kind: 'reciprocal-release',
      state: 'overdue',
      reason: 'behind',
      ratio: 2.5,
    },
    {
      ...release,
      id: 'aid',
      party: 'south',
      state: 'disputed',
      reason: 'reports differ',
      deliveredRange: null,
    },
  ],
  discrepancies: [
    {
      fact: 'hostages-released-during-pause',
      kind: 'conflicting-reports',
      description: 'reports disagree on how many were released during the pause',
      reports: [
        {
          eventId: 's-1',
          figure: 110,
          status: 'confirmed',
          grade: 'A1',
          sources: [{ outlet: 'IDF', attribution: 'spokesman' }],
        },
        { eventId: 's-2', figure: 105, status: 'reported', grade: 'B2', sources: [{ outlet: 'AP' }] },
      ],
      used: { eventId: 's-1', figure: 110 },
      why: 'best-graded: the confirmed report with the best grade',
      explanation: null,
    },
  ],
  released: [
    { party: 'north', inFramework: 105, outsideFramework: 4, total: 109 },
    { party: 'south', inFramework: 240, outsideFramework: 0, total: 240 },
  ],
  nextChange: null,
  events: { known: 12, counted: 10, superseded: 1 },
};

describe('formatStatus', () => {
  it('opens with the title, the times, how the phase ended, the totals per side and what needs attention', () => {
    const lines = formatStatus(given).split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'Test pause (test, version 2)',
      'As of Sat 2 Dec 2023 12:00, as known at Sun 3 Dec 2023 09:30 (Asia/Jerusalem time; evidence: best-graded).',
      'Phase "Humanitarian pause" collapsed on Fri 1 Dec 2023 07:00, after 2 extensions (+2 days agreed Mon 27 Nov 2023 17:00, +1 day agreed Thu 30 Nov 2023 06:50); it began Fri 24 Nov 2023 07:00.',
      'Released so far, by the party that released them:',
      '  party  under the agreement  outside it  in all',
      '  north                  105           4     109',
      '  south                  240           0     240',
      'Needs attention: 1 overdue (south-ratio); 1 disputed (aid).',
      'Reports disagree on 1 fact: see Discrepancies below.',
    ]);
  });

  it('says which day of how many a running phase is on, and when it is due to end', () => {
    const running: PhaseStatus = {
      ...pause,
      state: 'running',
      actualEnd: null,
      endReason: null,
      day: 6,
      days: 7,
    };
    const text = formatStatus({ ...given, phases: [running] });
    expect(text.split('\n')[2]).toBe(
      'Phase "Humanitarian pause" is running: day 6 of 7, scheduled to end Fri 1 Dec 2023 07:00; extended 2 times (+2 days agreed Mon 27 Nov 2023 17:00, +1 day agreed Thu 30 Nov 2023 06:50).',
    );
  });

  it('lists each extension with its cause, and eligibility under the rule against what was agreed', () => {
    const text = formatStatus(given);
    expect(text).toContain(
      'Extended by 2 days, agreed Mon 27 Nov 2023 17:00: Qatar announced a two-day extension [ext-1]',
    );
    expect(text).toContain(
      '81 releases counted → eligible for 3 days, capped at 10 days in all; agreed 3 days (as the rule allows).',
    );
    expect(text).toMatch(/\n {2}pause +collapsed +24 Nov 07:00 +28 Nov 07:00 +24 Nov 07:00 +1 Dec 07:00 /);
  });

  it('lays obligations out in aligned columns, with ranges and ratios', () => {
    const lines = formatStatus(given).split('\n');
    const first = lines.indexOf('Obligations') + 1;
    const rows = lines.slice(first, lines.indexOf('', first));
    expect(rows).toHaveLength(4);
    // Figures are right-aligned: each row's delivered cell ends in the same column as the header.
    const cells = ['delivered', '81 (80–81)', '81 (80–81)', ' 81 '];
    const ends = rows.map((row, i) => row.indexOf(cells[i]!) + cells[i]!.trimEnd().length);
    expect(new Set(ends).size).toBe(1);
    expect(rows[1]).toContain('fulfilled');
    expect(rows[2]).toMatch(/overdue .* 2\.5 per 1/);
    expect(rows[1]).toContain('162%');
  });

  it('shows each discrepancy with its figures, sources, the figure used and why', () => {
    const text = formatStatus(given);
    expect(text).toContain(
      '1. hostages-released-during-pause: reports disagree on how many were released during the pause',
    );
    expect(text).toMatch(/s-1 +110 +confirmed +A1 +IDF \(spokesman\)/);
    expect(text).toMatch(/s-2 +105 +reported +B2 +AP/);
    expect(text).toContain('Used: 110 (from s-1) — best-graded: the confirmed report with the best grade');
    expect(text).toContain('Events: 12 events known at that time, 10 counted, 1 superseded by corrections.');
  });

  it('uses colour only when asked', () => {
    expect(formatStatus(given)).not.toContain('\u001b[');
    expect(formatStatus(given, { color: true })).toContain('\u001b[31m');
  });
});
