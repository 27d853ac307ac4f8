// biome-ignore lint/style/noRestrictedImports: the test reads the example agreement; the diff under test stays pure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffAgreements, diffFields } from './diff-agreements.ts';
import { parseAgreement } from './parse-agreement.ts';

const v1Text = readFileSync(
  new URL('../../../examples/gaza-2023-pause/agreement.yaml', import.meta.url),
  'utf8',
);

/**
 * The 2023 pause amended as its first extension was agreed (record §1.5, "1st extension agreed",
 * Mon 27 Nov): two more days written into the duration, Hamas's commitment to release "another 20
 * women and children" added as an obligation, and the aid term raised from 200 to 300 trucks a day
 * (the other reported figure, §1.2).
 */
const v2Text = v1Text
  .replace('    duration: P4D\n', '    duration: P6D\n')
  .replace(/( {2}- id: israel-allow-aid-trucks\n(?:.*\n){4}) {4}quantity: 200\n/, '$1    quantity: 300\n')
  .replace(
    'obligations:\n',
    `obligations:
  - id: hamas-release-20-more
    kind: release
    party: hamas
    phase: pause
    cohorts: [hostages-women-children]
    count: 20
    by: { phase: pause, edge: end }
    clause:
      ref: White House (Kirby), 27 November 2023
      text: Hamas committed to releasing another 20 women and children
`,
  );

const parse = (text: string) => {
  const parsed = parseAgreement(text, 'agreement.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value.document;
};

describe('diffAgreements: the 2023 pause and its amendment', () => {
  const v1 = parse(v1Text);
  const v2 = parse(v2Text);

  it('names the amended phase field by field, with the old and new values', () => {
    expect(v2Text).not.toBe(v1Text);
    const diff = diffAgreements(v1, v2);
    const phases = diff.sections.find((s) => s.section === 'phases');
    expect(phases).toEqual({
      section: 'phases',
      added: [],
      removed: [],
      changed: [
        {
          id: 'pause',
          label: 'Humanitarian pause',
          clause: "Israeli government statement on the cabinet's approval, 22 November 2023",
          changes: [{ path: 'duration', change: 'changed', before: 'P4D', after: 'P6D' }],
        },
      ],
    });
  });

  it('lists the added obligation with its clause and the changed one with its field', () => {
    const obligations = diffAgreements(v1, v2).sections.find((s) => s.section === 'obligations');
    expect(obligations?.added).toEqual([
      {
        id: 'hamas-release-20-more',
        label: 'release, owed by hamas, in pause',
        clause: 'White House (Kirby), 27 November 2023',
        value: v2.obligations.find((o) => o.id === 'hamas-release-20-more'),
      },
    ]);
    expect(obligations?.added[0]?.value).toMatchObject({ count: 20, by: { phase: 'pause', edge: 'end' } });
    expect(obligations?.removed).toEqual([]);
    expect(obligations?.changed).toEqual([
      expect.objectContaining({
        id: 'israel-allow-aid-trucks',
        changes: [{ path: 'quantity', change: 'changed', before: 200, after: 300 }],
      }),
    ]);
  });

  it('reads the other way as removals, and finds nothing between a version and itself', () => {
    const back = diffAgreements(v2, v1).sections.find((s) => s.section === 'obligations');
    expect(back?.removed.map((r) => r.id)).toEqual(['hamas-release-20-more']);
    expect(back?.added).toEqual([]);
    const none = diffAgreements(v1, parse(`${v1Text}\n# a comment only\n`));
    expect(none).toEqual({ metadata: [], sections: [], same: true });
  });

  it('reports top-level fields as metadata and a reordered list as no change', () => {
    const renamed = parse(
      v1Text.replace('status: agreed', 'status: superseded').replace(
        /mediators:\n((?:.*\n)*?)cohorts:/,
        (_all, body: string) =>
          `mediators:\n${body
            .split(/(?= {2}- id: )/)
            .reverse()
            .join('')}cohorts:`,
      ),
    );
    const diff = diffAgreements(v1, renamed);
    expect(diff.metadata).toEqual([
      { path: 'status', change: 'changed', before: 'agreed', after: 'superseded' },
    ]);
    expect(diff.sections).toEqual([]);
  });
});

describe('diffFields', () => {
  it('matches lists of items by id, and walks lists of other objects entry by entry', () => {
    expect(
      diffFields(
        { ratio: [{ per: 'a', count: 3 }], cohorts: ['x'], note: 'n' },
        { ratio: [{ per: 'a', count: 4 }], cohorts: ['x', 'y'], window: { from: '10:00' } },
      ),
    ).toEqual([
      { path: 'ratio[0].count', change: 'changed', before: 3, after: 4 },
      { path: 'cohorts', change: 'changed', before: ['x'], after: ['x', 'y'] },
      { path: 'note', change: 'removed', before: 'n' },
      { path: 'window', change: 'added', after: { from: '10:00' } },
    ]);
    expect(diffFields([{ id: 'b', n: 1 }, { id: 'a' }], [{ id: 'a' }, { id: 'b', n: 2 }], 'steps')).toEqual([
      { path: 'steps[b].n', change: 'changed', before: 1, after: 2 },
    ]);
  });
});
