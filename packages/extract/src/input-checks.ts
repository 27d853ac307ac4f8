/** Why an extraction found nothing, or found it in less than the whole input. */
export interface ExtractionNote {
  readonly code: 'empty' | 'binary' | 'not-english' | 'truncated' | 'no-candidates';
  readonly message: string;
}

const LETTER = /\p{L}/gu;
const ASCII_LETTER = /[A-Za-z]/g;
const FUNCTION_WORDS = /\b(?:the|and|of|to|in|a|was|were|on|for|with|by|said|has|had|that)\b/gi;

/** Control characters other than tab, line breaks and form feed, and U+FFFD (what a failed decoding leaves). */
function countControl(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) n++;
  }
  return n;
}

/** Whether the input is something the extractor can read; a note says why not. */
export function checkInput(text: string): ExtractionNote | undefined {
  if (text.trim() === '')
    return { code: 'empty', message: 'the report is empty: there is nothing to extract' };
  const sample = text.slice(0, 65_536);
  const control = countControl(sample);
  if (control > Math.max(2, sample.length * 0.01))
    return {
      code: 'binary',
      message: `the report looks like binary data (${control} control or undecodable characters in its first ${sample.length}), not text: give a plain-text or HTML file`,
    };
  const letters = sample.match(LETTER)?.length ?? 0;
  const ascii = sample.match(ASCII_LETTER)?.length ?? 0;
  const words = sample.split(/\s+/).filter((w) => w.length > 0).length;
  const english = sample.match(FUNCTION_WORDS)?.length ?? 0;
  if (letters === 0 || ascii / letters < 0.6 || (words >= 8 && english / words < 0.05))
    return {
      code: 'not-english',
      message: 'the report does not look like English; the extractor reads English only, so it found nothing',
    };
  return undefined;
}
