import type { z } from 'zod';
import { type Issue, nearest } from './issue.ts';
import type { YamlSource } from './yaml-document.ts';

// Zod 4 keeps each schema's definition in `_zod.def`; we read it only to find the keys valid at a path.
type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
  discriminator?: string;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (
      (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') &&
      d.innerType
    )
      s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** The object schemas a value at `path` may be checked against (several for unions). */
function schemasAt(schema: z.ZodType, path: readonly (string | number)[], value: unknown): z.ZodType[] {
  let current: { schema: z.ZodType; value: unknown }[] = [{ schema, value }];
  for (const key of path) {
    const next: { schema: z.ZodType; value: unknown }[] = [];
    for (const c of current)
      for (const s of expand(c.schema, c.value)) {
        const d = defOf(s);
        const child = (c.value as Record<string | number, unknown> | undefined)?.[key];
        if (d.type === 'object' && d.shape && typeof key === 'string' && d.shape[key])
          next.push({ schema: d.shape[key], value: child });
        else if (d.type === 'array' && d.element && typeof key === 'number')
          next.push({ schema: d.element, value: child });
        else if (d.type === 'record' && d.valueType) next.push({ schema: d.valueType, value: child });
      }
    current = next;
  }
  return current.flatMap((c) => expand(c.schema, c.value));
}

function expand(schema: z.ZodType, value: unknown): z.ZodType[] {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type !== 'union' || !d.options) return [s];
  const all = d.options.flatMap((o) => expand(o, value));
  if (d.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    const match = all.filter((o) => {
      const lit = defOf(defOf(o).shape?.[d.discriminator!] ?? o) as unknown as { values?: unknown[] };
      return lit.values?.includes(tag);
    });
    if (match.length) return match;
  }
  return all;
}

function keysAt(schema: z.ZodType, path: readonly (string | number)[], value: unknown): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path, value))
    for (const k of Object.keys(defOf(s).shape ?? {})) keys.add(k);
  return [...keys];
}

const describe = (v: unknown) =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'an empty value'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'a mapping'
          : typeof v === 'string'
            ? `text \`${v}\``
            : `${typeof v} \`${String(v)}\``;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Checks a YAML document against a schema; each issue names its place and says what was expected. */
export function validateDocument<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): { value: z.output<S> } | { issues: Issue[] } {
  const result = schema.safeParse(source.value);
  if (result.success) return { value: result.data };
  const issues: Issue[] = [];
  for (const i of result.error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const here = valueAt(source.value, path);
    switch (i.code) {
      case 'unrecognized_keys':
        for (const key of i.keys) {
          const suggestion = nearest(key, keysAt(schema, path, source.value));
          issues.push(
            source.issue(
              'unknown-key',
              path,
              `unknown key \`${key}\`${
                suggestion
                  ? `; did you mean \`${suggestion}\`?`
                  : `; expected one of ${keysAt(schema, path, source.value)
                      .map((k) => `\`${k}\``)
                      .join(', ')}`
              }`,
              key,
            ),
          );
        }
        break;
      case 'invalid_type':
        issues.push(
          source.issue(
            here === undefined ? 'missing-key' : 'invalid-type',
            here === undefined ? path.slice(0, -1) : path,
            here === undefined
              ? `\`${String(path.at(-1))}\` is required here (${i.expected})`
              : `expected ${i.expected} at \`${path.join('.')}\`, found ${describe(here)}`,
          ),
        );
        break;
      case 'invalid_value':
        issues.push(
          source.issue(
            'invalid-value',
            path,
            `${describe(here)} is not allowed here; expected one of ${i.values.map((v) => `\`${String(v)}\``).join(', ')}${typeof here === 'string' && nearest(here, i.values.map(String)) ? `; did you mean \`${nearest(here, i.values.map(String))}\`?` : ''}`,
          ),
        );
        break;
      case 'invalid_union': {
        const note = (i as unknown as { note?: string }).note;
        const last = path.at(-1);
        const onTag = (last === 'kind' || last === 'type') && note !== undefined;
        const objectPath = onTag ? path.slice(0, -1) : path;
        const object = onTag ? valueAt(source.value, objectPath) : here;
        const tagKey = onTag
          ? (last as string)
          : object && typeof object === 'object' && 'kind' in object
            ? 'kind'
            : object && typeof object === 'object' && 'type' in object
              ? 'type'
              : undefined;
        const options = schemasAt(schema, objectPath, undefined);
        const kinds = tagKey
          ? options.flatMap(
              (s) => (defOf(defOf(s).shape?.[tagKey] ?? s) as unknown as { values?: unknown[] }).values ?? [],
            )
          : [];
        if (kinds.length && tagKey) {
          const value = (object as Record<string, unknown>)[tagKey];
          if (value === undefined) {
            issues.push(
              source.issue(
                'missing-key',
                objectPath,
                `\`${tagKey}\` is required here; one of ${kinds.map((k) => `\`${String(k)}\``).join(', ')}`,
              ),
            );
            break;
          }
          const tag =
            typeof value === 'object' || typeof value === 'function' ? describe(value) : String(value);
          const hint = nearest(tag, kinds.map(String));
          issues.push(
            source.issue(
              'invalid-value',
              [...objectPath, tagKey],
              `\`${tagKey}: ${tag}\` is not known; expected one of ${kinds.map((k) => `\`${String(k)}\``).join(', ')}${hint ? `; did you mean \`${hint}\`?` : ''}`,
            ),
          );
        } else {
          const shapes = options
            .map((s) => Object.keys(defOf(s).shape ?? {}))
            .filter((o) => o.length)
            .map((o) => `{ ${o.join(', ')} }`);
          issues.push(
            source.issue(
              'invalid-value',
              path,
              `${describe(here)} does not fit here; expected ${shapes.length ? shapes.join(' or ') : 'another form'}`,
            ),
          );
        }
        break;
      }
      default:
        issues.push(
          source.issue('invalid-value', path, `${i.message} at \`${path.join('.') || 'the top'}\``),
        );
    }
  }
  return { issues };
}
