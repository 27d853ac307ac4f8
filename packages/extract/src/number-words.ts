const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/** A regular-expression source matching a number in digits ("1,200", "2.5") or words ("forty-five"). */
export const NUMBER_SOURCE =
  '(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|a hundred)(?:\\s+(?:hundred|thousand|million))?';

const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** The value of a number matched by NUMBER_SOURCE, or undefined. */
export function numberValue(text: string): number | undefined {
  const words = text.toLowerCase().trim().split(/\s+/);
  const last = words[words.length - 1]!;
  const scale = words.length > 1 ? SCALE[last] : undefined;
  const head = (scale ? words.slice(0, -1) : words).join(' ').replace(/^a /, '');
  let value: number | undefined;
  if (/^[\d,.]+$/.test(head)) value = Number(head.replace(/,/g, ''));
  else {
    const parts = head.split(/[- ]/);
    value = 0;
    for (const p of parts) {
      const n = UNITS[p];
      if (n === undefined) return undefined;
      value += n;
    }
  }
  return Number.isFinite(value) ? value * (scale ?? 1) : undefined;
}
