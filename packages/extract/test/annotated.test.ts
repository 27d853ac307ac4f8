import { describe, expect, it } from 'vitest';
import { FIELDS, type Field, loadAnnotated, scoreAnnotated } from './annotated-score.ts';

/**
 * The measured figures on test/annotated, rounded down to two places (docs/extraction.md has the table).
 * Raise them when the extractor gets better; a drop below them is a regression.
 */
const FLOORS: Record<Field, { precision: number; recall: number }> = {
  kind: { precision: 0.86, recall: 0.89 },
  when: { precision: 0.91, recall: 0.91 },
  quantity: { precision: 0.96, recall: 1 },
  modality: { precision: 0.92, recall: 0.92 },
  cohorts: { precision: 1, recall: 0.96 },
  actors: { precision: 0.72, recall: 0.92 },
  sources: { precision: 0.93, recall: 0.93 },
};

describe('the annotated reports', () => {
  const reports = loadAnnotated();

  it('are at least 20, each anchor found once in its text', () => {
    expect(reports.length).toBeGreaterThanOrEqual(20);
    for (const r of reports)
      for (const e of r.expected) expect(r.text.split(e.anchor).length - 1, `${r.id}: ${e.anchor}`).toBe(1);
  });

  const { scores } = scoreAnnotated(reports);
  for (const field of FIELDS)
    it(`${field}: precision and recall at or above the measured floors`, () => {
      expect(scores[field].precision).toBeGreaterThanOrEqual(FLOORS[field].precision);
      expect(scores[field].recall).toBeGreaterThanOrEqual(FLOORS[field].recall);
    });
});
