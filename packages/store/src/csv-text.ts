/** One CSV record and the 1-based line of the text it starts on (a quoted field may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Where a CSV text breaks RFC 4180: the line it happens on and why. */
export interface CsvSyntaxError {
  readonly line: number;
  readonly message: string;
}

/**
 * Splits CSV text (RFC 4180: `,` between fields, `"` around fields that hold `,`, `"`, CR or LF, `""` for a
 * quote inside) into records. Accepts CRLF or LF line ends and a missing final line end; blank lines are
 * skipped. A record that breaks the rules is reported with its line and left out; parsing goes on at the
 * next line.
 * @example
 * parseCsv('a,"b,c"\r\n"say ""hi""",d\r\n') // records: [{ line: 1, fields: ['a', 'b,c'] }, { line: 2, fields: ['say "hi"', 'd'] }]
 */
export function parseCsv(text: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  while (i < body.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (body[i] === '"') {
        i++;
        let closed = false;
        while (i < body.length) {
          const c = body[i];
          if (c === '"') {
            if (body[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) {
          error = 'a quoted field is never closed';
          break;
        }
        const next = body[i];
        if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && body[i + 1] === '\n')) {
          error = `a quoted field is followed by ${JSON.stringify(next)}; only \`,\` or a line end may follow the closing quote`;
          break;
        }
      } else {
        while (
          i < body.length &&
          body[i] !== ',' &&
          body[i] !== '\n' &&
          !(body[i] === '\r' && body[i + 1] === '\n')
        ) {
          if (body[i] === '"') error ??= 'a `"` inside an unquoted field; quote the field and double the `"`';
          field += body[i];
          i++;
        }
      }
      fields.push(field);
      if (body[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (error !== undefined) {
      // Skip to the end of the physical line and resume there.
      while (i < body.length && body[i] !== '\n') i++;
    }
    if (body[i] === '\r') i++;
    if (body[i] === '\n') {
      i++;
      line++;
    }
    if (error !== undefined) errors.push({ line: start, message: error });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, errors };
}

/** One field, quoted when it holds a comma, a quote, CR or LF, or starts or ends with a space. */
export function formatCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records as RFC 4180 CSV: fields quoted where needed, CRLF after every record. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(formatCsvField).join(',')}\r\n`).join('');
}
