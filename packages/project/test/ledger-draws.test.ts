import { describe, expect, it } from 'vitest';
import { defaultStart, ledgerDraws, parseAssumptions, project, proposalsOf } from '../src/index.ts';
import { example } from './load-example.ts';

const DAY = 86_400_000;
const gaza = example('gaza-2023-pause');
const start = defaultStart(gaza.agreement, 0);
const known = {
  cohorts: new Set(gaza.agreement.cohortHeldBy.keys()),
  phases: new Set(gaza.agreement.phases.map((p) => p.id)),
};
const fromLedger = (() => {
  const parsed = parseAssumptions(
    'releases:\n  hostages-women-children: { empirical: ledger }\n',
    'assumptions.yaml',
    known,
  );
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
})();

describe('releases drawn from the ledger (empirical: ledger)', () => {
  it('draw from the whole days of the ledger before the start: 13, 13, 13 and 11 after four days', () => {
    // Public record (shared/data/gaza-2023-pause.md, day-by-day table, Isr-deal column): 13 on 24, 25 and
    // 26 November, 11 on 27 November.
    const [proposal] = proposalsOf([gaza], start + 4 * DAY, 0);
    const drawn = ledgerDraws(fromLedger, proposal!);
    expect(drawn.ok && drawn.value.releases).toEqual({
      'hostages-women-children': { empirical: [13, 13, 13, 11] },
    });
    // Two days in, only two days to draw from.
    const [early] = proposalsOf([gaza], start + 2.5 * DAY, 0);
    const two = ledgerDraws(fromLedger, early!);
    expect(two.ok && two.value.releases?.['hostages-women-children']).toEqual({ empirical: [13, 13] });
  });

  it('project exactly as with those counts written out, for the same seed', async () => {
    const proposals = proposalsOf([gaza], start + 4 * DAY, 0);
    const drawn = ledgerDraws(fromLedger, proposals[0]!);
    if (!drawn.ok) throw new Error(drawn.issues[0]?.message);
    const written = { releases: { 'hostages-women-children': { empirical: [13, 13, 13, 11] } } };
    const options = { runs: 2000, seed: 7, workers: 1 };
    expect(await project(proposals, drawn.value, options)).toEqual(
      await project(proposals, written, options),
    );
  });

  it('say why when there is no whole day of ledger before the start, naming the cohort', () => {
    const [proposal] = proposalsOf([gaza], start + DAY / 2, 0);
    const drawn = ledgerDraws(fromLedger, proposal!);
    expect(drawn).toEqual({
      ok: false,
      issues: [
        {
          path: ['releases', 'hostages-women-children', 'empirical'],
          message: expect.stringContaining('the ledger holds no whole day'),
        },
      ],
    });
  });
});
