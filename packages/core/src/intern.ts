const codes = new Map<string, number>();

/**
 * A small integer for a name (a party, a cohort, an item), the same for the same name for the life
 * of the process. Events carry these so that the fold indexes arrays instead of hashing strings.
 */
export function codeOf(name: string): number {
  let code = codes.get(name);
  if (code === undefined) {
    code = codes.size;
    codes.set(name, code);
  }
  return code;
}
