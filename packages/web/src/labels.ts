// Words for the codes the status uses: every badge carries its text, so nothing depends on colour alone.

const STATES: Record<string, string> = {
  'not-in-effect': 'Not in effect',
  'in-effect': 'In effect',
  fulfilled: 'Fulfilled',
  'partly-fulfilled': 'Partly fulfilled',
  overdue: 'Overdue',
  violated: 'Violated',
  suspended: 'Suspended',
  ended: 'Ended',
  disputed: 'Disputed',
  indeterminate: 'Cannot tell yet',
  'not-started': 'Not started',
  'awaiting-event': 'Awaiting its start',
  running: 'Running',
  collapsed: 'Collapsed',
  met: 'Met',
  short: 'Short',
  unknown: 'No report',
  pending: 'Pending',
  'covered-by-span': 'Covered by a span report',
};

/** The words for a state code ("overdue" → "Overdue"). */
export function stateLabel(state: string): string {
  return STATES[state] ?? state;
}

/** The tone of a state, for the badge's colour and its symbol: good, bad, watch or neutral. */
export function stateTone(state: string): 'good' | 'bad' | 'watch' | 'neutral' {
  if (['fulfilled', 'met', 'in-effect', 'running'].includes(state)) return 'good';
  if (['violated', 'overdue', 'collapsed', 'short'].includes(state)) return 'bad';
  if (['partly-fulfilled', 'disputed', 'indeterminate', 'suspended', 'unknown'].includes(state))
    return 'watch';
  return 'neutral';
}

const SYMBOLS = { good: '✓', bad: '✗', watch: '!', neutral: '·' } as const;

/** A symbol that repeats the tone in shape as well as colour. */
export function stateSymbol(state: string): string {
  return SYMBOLS[stateTone(state)];
}

/** A number with thousands separators; "—" for null (which never means zero). */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-GB');
}

/** A ratio as a percentage ("78%"), or as "3 for 1" for a reciprocal release. */
export function formatRatio(ratio: number | null, kind: string): string {
  if (ratio === null) return '—';
  if (kind === 'reciprocal-release') return `${Math.round(ratio * 100) / 100} for 1`;
  return `${Math.round(ratio * 1000) / 10}%`;
}
