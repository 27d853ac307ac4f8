import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { chainHash, linkHash } from './chain-hash.ts';

describe('chain hash', () => {
  it('is SHA-256 of the canonical JSON of {agreement, seq, id, body, prev}, from a body or its canonical text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.string(),
        fc.jsonValue(),
        fc.string(),
        (agreement, seq, id, body, prev) => {
          const expected = createHash('sha256')
            .update(canonicalJson({ prev, seq, id, body, agreement }))
            .digest('hex');
          expect(chainHash({ agreement, seq, id, body, prev })).toBe(expected);
          expect(linkHash(agreement, seq, id, canonicalJson(body), prev)).toBe(expected);
        },
      ),
    );
  });
});
