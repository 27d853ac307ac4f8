/** The text an extraction reads, and what kind of input it came from. Spans refer to `text`. */
export interface PlainText {
  readonly text: string;
  readonly format: 'text' | 'html';
}

const LOOKS_LIKE_HTML = /<(?:!doctype\s+html|html|body|p|div|article|br|span|h[1-6])\b[^>]*>/i;
// Elements whose whole content is page furniture, not the report.
const FURNITURE =
  /<(head|title|script|style|noscript|nav|header|footer|aside|form|iframe|svg|template|figure|button|select)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK =
  /<\/?(?:p|div|article|section|h[1-6]|li|ul|ol|br|tr|td|th|blockquote|main|pre|hr|dd|dt)\b[^>]*>/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * The report as plain text: HTML loses its tags, scripts, navigation, header, footer and asides, and
 * keeps one paragraph per line; plain text is returned as given (so spans match the file).
 */
export function toPlainText(input: string): PlainText {
  if (!LOOKS_LIKE_HTML.test(input.slice(0, 4096))) return { text: input, format: 'text' };
  const text = decodeEntities(
    input
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(FURNITURE, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
  return { text, format: 'html' };
}
