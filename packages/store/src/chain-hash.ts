import { createHash } from 'node:crypto';
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
  return createHash('sha256').update(canonicalJson({ agreement, seq, id, body, prev }), 'utf8').digest('hex');
}
