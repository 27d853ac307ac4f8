import type { TextStyle } from './text-style.ts';

/** One column of a text table: how to read its cell from a row, and how to align and paint it. */
export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => string;
  readonly align?: 'left' | 'right';
  /** Colours a cell after it is padded, so that escape codes never upset the alignment. */
  readonly paint?: (padded: string, row: Row) => string;
}

/**
 * Lays rows out in aligned columns, two spaces apart, with a bold header row; no trailing spaces.
 * @example formatTable([{ header: 'id', cell: (o) => o.id }], obligations, style)
 */
export function formatTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  style: TextStyle,
  indent = '  ',
): string[] {
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const last = columns.length - 1;
  const pad = (text: string, i: number) => {
    const column = columns[i]!;
    if (column.align === 'right') return text.padStart(widths[i]!);
    return i === last ? text : text.padEnd(widths[i]!);
  };
  const header = columns.map((c, i) => pad(c.header, i)).join('  ');
  const body = cells.map((r, j) =>
    r
      .map((text, i) => {
        const padded = pad(text, i);
        const paint = columns[i]!.paint;
        return paint ? paint(padded, rows[j]!) : padded;
      })
      .join('  '),
  );
  return [indent + style.bold(header.trimEnd()), ...body.map((line) => indent + line.trimEnd())];
}
