import type { Cohort } from './candidate.ts';
import { type Span, spanOf } from './span.ts';

const COHORTS: readonly [string, string][] = [
  ['women', 'women|woman|mothers|girls'],
  ['children', 'children|child|minors|minor|kids|teenagers|teens|boys|infants|babies'],
  ['elderly', 'elderly|older people|older persons|pensioners'],
  ['wounded', 'wounded|injured'],
  ['sick', 'sick|ill'],
  ['soldiers', 'soldiers|soldier|servicemen|servicewomen|servicemembers|conscripts|prisoners of war|POWs'],
  ['foreign nationals', 'foreign nationals|foreigners|dual nationals|dual citizens|foreign citizens'],
  ['prisoners', 'prisoners|prisoner'],
  ['hostages', 'hostages|hostage|captives|abductees'],
  ['detainees', 'detainees|detainee'],
  ['civilians', 'civilians'],
  ['bodies', 'bodies|remains'],
];
const PATTERN = new RegExp(`\\b(?:${COHORTS.map(([, words]) => `(${words})`).join('|')})\\b`, 'gi');

/** Cohort words ("women", "the elderly", "wounded") in a span of text, normalised, in order. */
export function findCohorts(text: string, within: Span): Cohort[] {
  const out: Cohort[] = [];
  const body = text.slice(within.start, within.end);
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(body); m; m = PATTERN.exec(body)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const start = within.start + m.index;
    out.push({ cohort: COHORTS[group]![0], span: spanOf(text, start, start + m[0].length) });
  }
  return out;
}
