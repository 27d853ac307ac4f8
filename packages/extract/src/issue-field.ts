const FIELDS: readonly string[] = [
  'party',
  'item',
  'quantity',
  'phase',
  'by',
  'occurred',
  'recorded',
  'status',
  'area',
  'note',
  'text',
];

/**
 * The reviewed field a ledger-file issue's path points at (`events.0.released.0.count` → count,
 * `events.0.sources.0.outlet` → sources), or undefined for the event as a whole.
 */
export function issueField(path: readonly (string | number)[]): string | undefined {
  const [, , head, , leaf] = path;
  if (head === 'released') return leaf === 'count' ? 'count' : 'cohort';
  if (head === 'sources') return 'sources';
  return typeof head === 'string' && FIELDS.includes(head) ? head : undefined;
}
