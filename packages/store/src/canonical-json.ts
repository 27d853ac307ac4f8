/**
 * The RFC 8785 (JCS) canonical form of a JSON value: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings as ECMAScript's JSON.stringify writes them. Like JSON.stringify,
 * it leaves out object properties whose value is undefined; unlike it, it refuses non-finite numbers.
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    // The default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
    }
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}
