import { existsSync, readFileSync } from 'node:fs';
import { type Candidate, type CandidateKind, extract } from '@truce/extract';
import { describe, expect, it } from 'vitest';

const PATH = new URL('../../../../shared/articles/talks-report-2023.txt', import.meta.url);
// The seed report lives beside the repository (../shared, as the issue names it); a clone without it skips these.
const HAVE_SEED = existsSync(PATH);
const text = HAVE_SEED ? readFileSync(PATH, 'utf8') : '';
const result = extract(text, { published: '2023-12-02', outlet: 'Example Wire' });

/** The one candidate of `kind` whose sentence holds `words`. */
function only(kind: CandidateKind, words: string): Candidate {
  const found = result.candidates.filter((c) => c.kind === kind && c.span.text.includes(words));
  expect(found, `${kind} candidates around "${words}"`).toHaveLength(1);
  return found[0]!;
}

/** Every span of a candidate indexes the text it claims to. */
function expectSpansHold(c: Candidate): void {
  const spans = [
    c.trigger,
    c.span,
    c.when?.span,
    c.quantity?.span,
    c.modalityCue,
    ...c.cohorts.map((x) => x.span),
    ...c.actors.map((x) => x.span),
    ...c.goods,
    ...c.attribution.sources.map((x) => x.span),
  ];
  for (const s of spans) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe.skipIf(!HAVE_SEED)('the seed report (talks-report-2023.txt, published 2023-12-02)', () => {
  it('reads the whole file as plain text, with no notes', () => {
    expect(result.format).toBe('text');
    expect(result.text).toBe(text);
    expect(result.notes).toEqual([]);
  });

  it('every span of every candidate is the text it names', () => {
    for (const c of result.candidates) expectSpansHold(c);
  });

  it('the pause reached on 22 Nov 2023', () => {
    const c = only('pause-agreed', 'humanitarian pause was reached');
    expect(c.modality).toBe('happened');
    expect(c.trigger.text).toBe('reached');
    expect(c.when).toMatchObject({ type: 'date', date: '2023-11-22', precision: 'day' });
    expect(c.when?.span.text).toBe('November 22');
    expect(c.actors.map((a) => a.span.text)).toEqual(['Israel', 'Hamas']);
  });

  it('the pause in effect on 24 Nov 2023', () => {
    const c = only('pause-started', 'took effect');
    expect(c.modality).toBe('happened');
    expect(c.trigger.text).toBe('took effect');
    expect(c.when).toMatchObject({ type: 'date', date: '2023-11-24', precision: 'day' });
    expect(c.when?.span.text).toBe('November 24');
  });

  it('the pause ended on the morning of 1 Dec 2023', () => {
    const c = only('pause-ended', 'lasted until');
    expect(c.modality).toBe('happened');
    expect(c.when).toMatchObject({
      type: 'date',
      date: '2023-12-01',
      precision: 'part-of-day',
      partOfDay: 'morning',
    });
    expect(c.when?.span.text).toBe('the morning of December 1');
  });

  it('a total of 110 hostages released during the pause', () => {
    const c = only('release', 'released a total of 110 hostages');
    expect(c.modality).toBe('happened');
    expect(c.trigger.text).toBe('released');
    expect(c.quantity).toMatchObject({ value: 110, qualifier: 'exact', unit: 'hostages' });
    expect(c.quantity?.span.text).toBe('a total of 110 hostages');
    expect(c.cohorts.map((x) => x.cohort)).toEqual(['hostages']);
    expect(c.actors.map((a) => a.name)).toEqual(['Hamas']);
  });

  it('more than 200 hostages taken, with foreign nationals among them, as the aim of a response (not a release)', () => {
    const c = only('release', 'more than 200 hostages');
    expect(c.modality).toBe('planned');
    expect(c.modalityCue?.text).toBe('aim');
    expect(c.quantity).toMatchObject({ value: 200, qualifier: 'more-than', unit: 'hostages' });
    expect(c.quantity?.span.text).toBe('more than 200 hostages');
    expect(c.cohorts.map((x) => x.span.text)).toEqual(['hostages', 'foreign nationals']);
  });

  it('the attack on 7 October 2023, by thousands', () => {
    const c = only('attack', 'crossed into');
    expect(c.modality).toBe('happened');
    expect(c.when).toMatchObject({ type: 'date', date: '2023-10-07', precision: 'day' });
    expect(c.when?.span.text).toBe('October 7');
    expect(c.quantity).toMatchObject({ qualifier: 'range', min: 2000, max: 9999 });
    expect(c.quantity?.span.text).toBe('thousands of Hamas supporters');
    expect(c.actors.map((a) => a.name)).toContain('Hamas');
  });

  it('the two-stage framework, marked as a proposal', () => {
    const c = only('proposal-term', 'two-stage framework');
    expect(c.modality).toBe('proposed');
    expect(c.trigger.text).toBe('framework');
    expect(c.attribution.sources).toEqual([
      { scope: 'sentence', span: expect.objectContaining({ text: 'Those close to the talks' }) },
    ]);
  });

  it('the first stage: a pause for civilians and detainees, women, the elderly and wounded prisoners, proposed', () => {
    const c = only('proposal-term', 'The first stage would see');
    expect(c.modality).toBe('proposed');
    expect(c.cohorts.map((x) => x.cohort)).toEqual([
      'civilians',
      'detainees',
      'women',
      'elderly',
      'wounded',
      'prisoners',
    ]);
  });

  it('the initial 30-day period is a duration of a proposal, not a date, and not something that happened', () => {
    const c = only('proposal-term', 'initial 30-day period');
    expect(c.modality).toBe('proposed');
    expect(c.when).toMatchObject({ type: 'duration', iso: 'P30D', days: 30 });
    expect(c.when?.span.text).toBe('an initial 30-day period');
    expect(c.cohorts.map((x) => x.cohort)).toEqual(['soldiers', 'prisoners']);
    expect(
      result.candidates.filter((c) => c.modality === 'happened' && c.span.text.includes('30-day')),
    ).toEqual([]);
  });

  it('the curtailment of water, food, electricity and fuel', () => {
    const c = only('aid-or-supply', 'curtail the flow');
    expect(c.trigger.text).toBe('curtail');
    expect(c.goods.map((g) => g.text)).toEqual(['supplies', 'water', 'food', 'electricity', 'fuel']);
    expect(c.actors.map((a) => a.name)).toEqual(['National Security Council']);
  });

  it('attributes the report to Associated Press sources and unnamed senior officials, and to the outlet', () => {
    const c = only('pause-agreed', 'humanitarian pause was reached');
    expect(c.attribution.outlet).toBe('Example Wire');
    expect(c.attribution.sources.map((s) => [s.scope, s.span.text])).toEqual([
      ['report', 'Associated Press sources'],
      ['report', 'unnamed senior officials familiar with the discussions'],
    ]);
  });

  it('is deterministic', () => {
    expect(extract(text, { published: '2023-12-02', outlet: 'Example Wire' })).toEqual(result);
  });
});
