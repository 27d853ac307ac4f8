import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Issue } from './issue.ts';

/** A parsed YAML file that can say where any path in it is. */
export interface YamlSource {
  readonly value: unknown;
  readonly file: string | undefined;
  /** Line and column of the node at the path, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[], keyOf?: string): { line: number; column: number };
  issue(code: string, path: readonly (string | number)[], message: string, keyOf?: string): Issue;
}

/** Parses YAML text, keeping positions; syntax errors come back as issues with their line and column. */
export function readYaml(text: string, file?: string): { source: YamlSource } | { issues: Issue[] } {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return {
      issues: [
        {
          code: 'yaml',
          path: [],
          message: `cannot read the YAML: ${String(error)}`,
          line: 1,
          column: 1,
          ...(file ? { file } : {}),
        },
      ],
    };
  }
  const where = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        code: 'yaml',
        path: [],
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
        ...where(e.pos[0]),
        ...(file ? { file } : {}),
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      issues: [
        {
          code: 'yaml',
          path: [],
          message: `cannot read the YAML: ${String(error)}`,
          line: 1,
          column: 1,
          ...(file ? { file } : {}),
        },
      ],
    };
  }
  const locate = (path: readonly (string | number)[], keyOf?: string) => {
    let node: unknown = doc.contents;
    let found: { line: number; column: number } =
      node && (node as Node).range ? where((node as Node).range![0]) : { line: 1, column: 1 };
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        node = pair.value;
        const k = pair.key as Node | undefined;
        const target = (node as Node | null)?.range ? (node as Node) : k;
        if (target?.range) found = where(target.range[0]);
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if ((node as Node | undefined)?.range) found = where((node as Node).range![0]);
        else break;
      } else break;
    }
    if (keyOf !== undefined && isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === keyOf);
      const k = pair?.key as Node | undefined;
      if (k?.range) found = where(k.range[0]);
    }
    return found;
  };
  const source: YamlSource = {
    value,
    file,
    locate,
    issue: (code, path, message, keyOf) => ({
      code,
      path: keyOf === undefined ? path : [...path, keyOf],
      message,
      ...locate(path, keyOf),
      ...(file ? { file } : {}),
    }),
  };
  return { source };
}
