import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, A: true })).toBe(
      '{"A":true,"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
    // U+1F600 (a surrogate pair, 0xD83D…) sorts before U+FB33 by code unit, though after it by code point.
    expect(canonicalJson({ '\uFB33': 1, '😀': 2 })).toBe('{"😀":2,"\uFB33":1}');
  });

  it('writes numbers as ECMAScript does (the RFC 8785 test vectors)', () => {
    // biome-ignore lint/correctness/noPrecisionLoss: the RFC's own vector, chosen to round
    expect(canonicalJson([333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0]',
    );
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalJson('\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/')).toBe(
      '"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"',
    );
  });

  it('leaves out undefined members and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });
});
