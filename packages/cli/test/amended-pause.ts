import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-truce.ts';

/**
 * The 2023 pause as amended when its first extension was agreed (record §1.5, "1st extension agreed",
 * Mon 27 Nov 2023): two more days written into the duration (P4D → P6D), Hamas's commitment to
 * release "another 20 women and children" (White House, N38) added as an obligation, and the aid term
 * raised from 200 to 300 trucks a day (the other figure reported in §1.2).
 */
export function amendedPauseText(): string {
  const v1 = readFileSync(join(ROOT, 'examples/gaza-2023-pause/agreement.yaml'), 'utf8');
  const v2 = v1
    .replace('    duration: P4D\n', '    duration: P6D\n')
    .replace(/( {2}- id: israel-allow-aid-trucks\n(?:.*\n){4}) {4}quantity: 200\n/, '$1    quantity: 300\n')
    .replace(
      'obligations:\n',
      `obligations:
  - id: hamas-release-20-more
    kind: release
    party: hamas
    phase: pause
    cohorts: [hostages-women-children]
    count: 20
    by: { phase: pause, edge: end }
    clause:
      ref: White House (Kirby), 27 November 2023
      text: Hamas committed to releasing another 20 women and children
`,
    );
  if (!v2.includes('P6D') || !v2.includes('quantity: 300') || !v2.includes('hamas-release-20-more'))
    throw new Error('the example agreement changed; the amendment no longer applies');
  return v2;
}
