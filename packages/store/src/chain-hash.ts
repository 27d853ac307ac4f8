import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** One link of an agreement's chain, as hashed. */
export interface ChainLink {
  readonly agreement: string;
  readonly seq: number;
  readonly id: string;
  readonly body: unknown;
  /** The previous link's hash; '' for the first event. */
  readonly prev: string;
}

/** SHA-256 (hex) of the link's RFC 8785 canonical JSON. */
export function chainHash(link: ChainLink): string {
  const { agreement, seq, id, body, prev } = link;
  return linkHash(agreement, seq, id, canonicalJson(body), prev);
}

/**
 * The same hash as `chainHash`, from a body already in canonical form: an import canonicalizes each
 * body once (to compare it with what is stored) and hashes that text, instead of canonicalizing twice.
 * The members are written in the canonical order, agreement, body, id, prev, seq.
 */
export function linkHash(
  agreement: string,
  seq: number,
  id: string,
  canonicalBody: string,
  prev: string,
): string {
  const text = `{"agreement":${JSON.stringify(agreement)},"body":${canonicalBody},"id":${JSON.stringify(id)},"prev":${JSON.stringify(prev)},"seq":${canonicalJson(seq)}}`;
  // The one-shot hash: half the time of createHash for a short text, and an import hashes every event.
  return hash('sha256', text, 'hex');
}
