import fc from 'fast-check';
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

/** RFC 8785 written plainly: what canonicalJson must give, however it gets there. */
function reference(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

describe('canonicalJson against a plain reference', () => {
  it('gives the same text for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)));
  });

  it('gives the same text for many objects over a few keys in changing orders (its key orders are kept)', () => {
    const key = fc.constantFrom('id', 'type', 'b', 'a', 'aa', 'A', '😀', '\uFB33', 'count');
    const object = fc
      .uniqueArray(fc.tuple(key, fc.oneof(fc.integer(), fc.string(), fc.constant(undefined))), {
        selector: ([k]) => k,
        maxLength: 9,
      })
      .map((entries) => Object.fromEntries(entries));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(object, fc.array(object, { maxLength: 3 })), { maxLength: 40 }),
        (values) => values.every((v) => canonicalJson(v) === reference(v)),
      ),
      { numRuns: 300 },
    );
  });
});
