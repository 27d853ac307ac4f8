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
  const deep = tooDeep(text);
  if (deep)
    return {
      issues: [
        {
          code: 'yaml',
          path: [],
          message: deep.message,
          line: deep.line,
          column: 1,
          ...(file ? { file } : {}),
        },
      ],
    };
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
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

const MAX_DEPTH = 100;

/**
 * Refuses text nested deeper than any agreement needs, before the YAML library sees it: very deep
 * nesting exhausts its recursion (and, at worst, the process), and deep complex keys take minutes.
 */
function tooDeep(text: string): { line: number; message: string } | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  let lineStart = true;
  let indicators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = true;
      indicators = 0;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '"' || (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    if (lineStart && (c === '?' || c === '-' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === '\n'))
      indicators++;
    else if (c !== ' ' && c !== '\t') lineStart = false;
    if (depth > MAX_DEPTH || indicators > MAX_DEPTH / 2)
      return {
        line,
        message: `the YAML is nested more than ${MAX_DEPTH} levels deep here; an agreement or ledger needs far fewer`,
      };
  }
  return undefined;
}
