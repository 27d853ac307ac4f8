/** An event without its person-level fields (`persons`, also in a correction's replacement): for viewers and the public. */
export function withoutPersons<T>(event: T): T {
  if (typeof event !== 'object' || event === null) return event;
  const { persons: _persons, ...rest } = event as Record<string, unknown>;
  const replacement = rest.replacement;
  if (typeof replacement === 'object' && replacement !== null) {
    const { persons: _p, ...inner } = replacement as Record<string, unknown>;
    return { ...rest, replacement: inner } as T;
  }
  return rest as T;
}
