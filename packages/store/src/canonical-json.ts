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
  if (Array.isArray(value)) {
    // Built by concatenation, not map/join: an import canonicalizes every event, so this is hot.
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (i > 0) out += ',';
      out += v === undefined ? 'null' : canonicalJson(v);
    }
    return `${out}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const { sorted, heads } = orderOf(Object.keys(record));
    let out = '{';
    let first = true;
    for (let i = 0; i < sorted.length; i++) {
      const v = record[sorted[i]!];
      if (v === undefined) continue;
      if (!first) out += ',';
      first = false;
      out += heads[i]!;
      out += canonicalJson(v);
    }
    return `${out}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

/** An object's keys as listed, the same sorted, and each sorted key written as a member's start (`"key":`). */
interface KeyOrder {
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  readonly heads: readonly string[];
}

/** Key lists met lately: the objects of one ledger come in a few shapes, each met again and again. */
const recent: KeyOrder[] = [];
const RECENT = 8;
let replace = 0;

/**
 * The sorted order of an object's keys. Sorting and quoting them for every object was most of the time
 * an import spent here, so the orders of the last few key lists are kept; a list matches only when it
 * holds the same keys in the same order.
 */
function orderOf(keys: readonly string[]): KeyOrder {
  for (let r = 0; r < recent.length; r++) {
    const known = recent[r]!;
    if (known.keys.length !== keys.length) continue;
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = known.keys[i] === keys[i];
    if (same) return known;
  }
  // The default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
  const sorted = [...keys].sort();
  const order = { keys, sorted, heads: sorted.map((key) => `${JSON.stringify(key)}:`) };
  if (recent.length < RECENT) recent.push(order);
  else {
    recent[replace] = order;
    replace = (replace + 1) % RECENT;
  }
  return order;
}
