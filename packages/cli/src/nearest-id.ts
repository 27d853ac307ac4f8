import { nearest } from '@truce/core';

/**
 * The candidate closest to `word`: one that contains it or is contained in it first, else the
 * nearest by edits (core's `nearest`, which says nothing when no candidate is close).
 * @example nearestId('north-release', ['north-releases', 'south-releases']) // 'north-releases'
 */
export function nearestId(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const containing = candidates.find((c) => c.toLowerCase().includes(w) || w.includes(c.toLowerCase()));
  return containing ?? nearest(word, candidates);
}
