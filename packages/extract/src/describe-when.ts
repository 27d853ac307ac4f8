import type { DateValue, When } from './candidate.ts';

function dateText(d: DateValue): string {
  const part = d.partOfDay ? `, ${d.partOfDay}` : '';
  const time = d.time ? ` ${d.time}` : '';
  return `${d.date}${time}${part} (${d.precision})`;
}

/** A `when` resolved, in words: `2023-12-01, morning (part-of-day)`, `P30D (30 days, a duration)`. */
export function describeWhen(when: When): string {
  if (when.type === 'date') return dateText(when);
  if (when.type === 'interval') return `${dateText(when.from)} to ${dateText(when.to)}`;
  const days = Number.isInteger(when.days) ? `${when.days} days` : `${Math.round(when.days * 24)} hours`;
  return `${when.iso} (${days}, a duration, not a date)`;
}
