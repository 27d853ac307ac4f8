import { extract, type When } from '@truce/extract';
import { describe, expect, it } from 'vitest';

/** The `when` of the one candidate in `text`, published on Sunday 26 November 2023. */
function whenOf(text: string, published = '2023-11-26'): When | undefined {
  const { candidates } = extract(text, { published });
  expect(candidates).toHaveLength(1);
  return candidates[0]!.when;
}

describe('when, resolved against the publication date', () => {
  it.each([
    ['Hamas released 10 hostages on Monday.', '2023-11-20'],
    ['Hamas released 10 hostages on Saturday.', '2023-11-25'],
    ['Hamas released 10 hostages on Sunday.', '2023-11-26'],
    ['Hamas will release 10 hostages on Monday.', '2023-11-27'],
    ['Hamas will release 10 hostages on Saturday.', '2023-12-02'],
  ])('a weekday alone points back for what happened and forward for what is to come: %s', (text, date) => {
    expect(whenOf(text)).toMatchObject({ type: 'date', date, precision: 'day', fromWeekday: true });
  });

  it('a month and day take the year that puts them nearest the publication date', () => {
    expect(whenOf('The truce took effect on November 24.')).toMatchObject({
      date: '2023-11-24',
      precision: 'day',
    });
    expect(whenOf('The truce took effect on December 30.', '2024-01-02')).toMatchObject({
      date: '2023-12-30',
    });
  });

  it('a part of the day sharpens the precision, and the span keeps its words', () => {
    const when = whenOf('The truce ended on the morning of December 1.');
    expect(when).toMatchObject({ date: '2023-12-01', precision: 'part-of-day', partOfDay: 'morning' });
    expect(when?.span.text).toBe('the morning of December 1');
  });

  it('a clock time with a day is kept to the minute; alone ("at midnight") it is no date', () => {
    expect(whenOf('The truce took effect at 7 p.m. on November 24.')).toMatchObject({
      date: '2023-11-24',
      precision: 'minute',
      time: '19:00',
    });
    expect(whenOf('The truce took effect at midnight.')).toBeUndefined();
  });

  it('lengths of time are durations, not dates; a date in the same clause comes first', () => {
    expect(whenOf('The truce was extended by two days.')).toMatchObject({
      type: 'duration',
      iso: 'P2D',
      days: 2,
    });
    expect(whenOf('The truce was extended by two days on Monday.', '2023-11-28')).toMatchObject({
      type: 'date',
      date: '2023-11-27',
    });
    expect(whenOf('The truce began and would last for five years.')).toMatchObject({ iso: 'P5Y' });
  });

  it('a range of days is an interval', () => {
    expect(whenOf('Aid trucks entered the territory from 24 to 30 November.', '2023-12-02')).toMatchObject({
      type: 'interval',
      from: { date: '2023-11-24' },
      to: { date: '2023-11-30' },
    });
  });
});
