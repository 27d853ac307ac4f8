import { formatIssue } from '@truce/core';
import { describe, expect, it } from 'vitest';
import { parseAssumptions } from '../src/index.ts';

const known = { cohorts: new Set(['hostages', 'prisoners']), phases: new Set(['pause']) };
const issues = (text: string) => {
  const parsed = parseAssumptions(text, 'a.yaml', known);
  return parsed.ok ? [] : parsed.issues.map(formatIssue);
};

describe('assumptions files', () => {
  it('reads every form of release draw, delays and hazards', () => {
    const parsed = parseAssumptions(
      'horizonDays: 30\ncollapse: { daily: 0.05, phases: { pause: 0.1 } }\nextension: { probability: 0.8 }\nreleases:\n  hostages: { poisson: 12, during: [pause] }\n  prisoners: { empirical: [30, 33] }\ndelays: { pause: { min: 0, max: 2 } }\nreleasedBy: 2023-11-30T07:00\n',
      'a.yaml',
      known,
    );
    expect(parsed.ok && parsed.value.releases?.hostages).toEqual({ poisson: 12, during: ['pause'] });
    expect(parsed.ok && parsed.value.delays?.pause).toEqual({ min: 0, max: 2 });
  });

  it('names file:line:col and what was expected', () => {
    expect(issues('collapse:\n  daily: 1.5\n')[0]).toMatch(/^a\.yaml:2:10 .*<=1/);
    expect(issues('releases:\n  hostage: { fixed: 3 }\n')[0]).toMatch(
      /^a\.yaml:2:3 no cohort `hostage` in the agreement; did you mean `hostages`\?/,
    );
    expect(issues('horizon: 3\n')[0]).toMatch(
      /^a\.yaml:1:1 unknown key `horizon`; expected one of .*`horizonDays`/,
    );
    expect(issues('releases: { hostages: { fixed: 3 }\n')[0]).toMatch(/^a\.yaml:\d+:\d+ YAML syntax/);
    expect(issues('delays: { pause: { min: 3, max: 1 } }\n')[0]).toMatch(/max \(1\) is below min \(3\)/);
  });
});

describe('the published JSON Schema', () => {
  it('packages/project/assumptions.schema.json is the schema the parser checks against', async () => {
    const { readFileSync } = await import('node:fs');
    const { z } = await import('zod');
    const { AssumptionsSchema } = await import('../src/index.ts');
    const file = new URL('../assumptions.schema.json', import.meta.url);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
      z.toJSONSchema(AssumptionsSchema, { target: 'draft-7' }),
    );
  });
});
