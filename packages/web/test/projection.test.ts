// The projection panel in Chromium against the real server: the figures shown are the API's answer for
// the same request (asked here, separately, with a token); editing an assumption changes them; a bad
// assumption shows the server's own message next to the field it names; a second stored agreement is
// compared side by side; it is used by keyboard and fits a phone's width. Screenshots in test-output/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Harness, ID, OUTPUT, signIn, startHarness, VIEWER, watchPage } from './harness.ts';

const OTHER = 'two-stage-framework';
const COHORT = 'hostages-women-children';

let h: Harness;
let page: Page;
let problems: string[];

beforeAll(async () => {
  h = await startHarness('projection');
  const other = new URL(`../../../examples/${OTHER}/`, import.meta.url);
  const added = await h.store.addAgreement(
    readFileSync(new URL('agreement.yaml', other), 'utf8'),
    'agreement.yaml',
  );
  if (!added.ok) throw new Error(`${OTHER} does not parse`);
  const ledger = parse(readFileSync(new URL('ledger.yaml', other), 'utf8'));
  if (ledger?.events?.length) {
    const appended = await h.store.append(OTHER, ledger.events, { sources: ledger.sources });
    if (!appended.ok) throw new Error(appended.issues[0]?.message);
  }
  page = await h.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  problems = watchPage(page);
  await signIn(page, h.server.url, VIEWER);
});
afterAll(async () => {
  await h?.close();
});

interface Answer {
  pauseLength: Record<string, number>;
  phases: { id: string; reached: number }[];
  released: { cohort: string; p50: number }[];
  proposals?: Answer[];
  agreement: { id: string };
}

/** The API's answer to a projection request, asked directly (not through the page). */
async function api(
  body: unknown,
  id = ID,
): Promise<{ status: number; json: Answer & { errors?: { path: string[]; message: string }[] } }> {
  const r = await h.admin('POST', `/api/agreements/${id}/projection`, body);
  return { status: r.status, json: await r.json() };
}

/** Runs the form (by pressing Enter in a field, as a keyboard user would) and waits for its answer. */
async function runFromKeyboard(field = 'seed') {
  const answered = Number(await page.getByTestId('projection').getAttribute('data-answered'));
  await page.locator(`input[name="${field}"]`).focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="projection"][data-answered="${answered + 1}"]`).waitFor();
}

/** The figures the page shows for one agreement, read from each cell's exact value. */
async function shown(agreement = ID) {
  const summary = page.locator(`[data-testid="projection-summary"][data-agreement="${agreement}"]`);
  const value = async (selector: string) =>
    Number(await summary.locator(selector).getAttribute('data-value'));
  const pause: Record<string, number> = {};
  for (const k of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean', 'min', 'max', 'censored'])
    pause[k] = await value(`[data-testid="pause-length"] [data-stat="${k}"]`);
  // One figure per row of a table, by the row's key.
  const column = (table: string, key: string, stat: string) =>
    summary
      .locator(`[data-testid="${table}"] tbody tr`)
      .evaluateAll(
        (rows, [k, st]) =>
          rows.map((r) => [
            r.getAttribute(`data-${k}`),
            Number(r.querySelector(`[data-stat="${st}"]`)?.getAttribute('data-value')),
          ]),
        [key, stat] as const,
      );
  const reached = await column('phases-reached', 'phase', 'reached');
  const released = await column('released', 'cohort', 'p50');
  return { pause, reached: Object.fromEntries(reached), released: Object.fromEntries(released) };
}

const expectedOf = (a: Answer) => ({
  pause: Object.fromEntries(
    ['p5', 'p25', 'p50', 'p75', 'p95', 'mean', 'min', 'max', 'censored'].map((k) => [k, a.pauseLength[k]]),
  ),
  reached: Object.fromEntries(a.phases.map((p) => [p.id, p.reached])),
  released: Object.fromEntries(a.released.map((r) => [r.cohort, r.p50])),
});

describe('the projection panel', () => {
  it('opens from the agreement page and shows the assumptions in use, defaults filled', async () => {
    await page.goto(`${h.server.url}/#/agreements/${ID}`);
    await page.getByTestId('projection-link').click();
    await page.locator('[data-testid="projection"][data-answered="1"]').waitFor();
    expect(await page.locator('input[name="horizonDays"]').inputValue()).toBe('90');
    expect(await page.locator('input[name="hazard"]').inputValue()).toBe('0');
    expect(await page.locator('input[name="extension"]').inputValue()).toBe('1');
    expect(await page.locator(`select[name="kind-${COHORT}"]`).inputValue()).toBe('none');
  });

  it('run with a seed: the figures are the API’s answer for the same request; a new hazard changes them', async () => {
    await page.locator('input[name="runs"]').fill('3000');
    await page.locator('input[name="seed"]').fill('7');
    await page.locator('input[name="hazard"]').fill('0.1');
    await page.locator('input[name="extension"]').fill('0.5');
    await page.locator(`select[name="kind-${COHORT}"]`).selectOption('empirical');
    await page.locator(`input[name="value-${COHORT}"]`).fill('13, 13, 13, 11');
    await runFromKeyboard();
    const request = (daily: number) => ({
      runs: 3000,
      seed: 7,
      assumptions: {
        collapse: { daily },
        extension: { probability: 0.5 },
        releases: { [COHORT]: { empirical: [13, 13, 13, 11] } },
      },
    });
    const first = await api(request(0.1));
    expect(first.status).toBe(200);
    const before = await shown();
    expect(before).toEqual(expectedOf(first.json));
    expect(before.released[COHORT]).toBeGreaterThan(0);
    expect(await page.getByTestId('projection-meta').textContent()).toContain('3,000 runs, seed 7');
    // The charts are drawn: a histogram and a fan per releasing cohort.
    await page.locator(`[data-testid="projection-charts"] figure[data-cohort="${COHORT}"] svg`).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'projection.png'), fullPage: true });

    await page.locator('input[name="hazard"]').fill('0.3');
    await runFromKeyboard('hazard');
    const second = await api(request(0.3));
    const after = await shown();
    expect(after).toEqual(expectedOf(second.json));
    expect(after.pause.mean).not.toBe(before.pause.mean);
    expect(after.pause.mean).toBeLessThan(before.pause.mean!);
  });

  it('a bad assumption shows the server’s message next to the field it names', async () => {
    await page.locator('input[name="hazard"]').fill('2');
    await runFromKeyboard('hazard');
    const refused = await api({ assumptions: { collapse: { daily: 2 } } });
    expect(refused.status).toBe(400);
    const message = refused.json.errors!.find(
      (e) => e.path.join('.') === 'assumptions.collapse.daily',
    )!.message;
    const note = page.getByTestId('error-assumptions.collapse.daily');
    expect(await note.textContent()).toBe(message);
    await page.getByTestId('stale').waitFor();
    const hazard = page.locator('input[name="hazard"]');
    expect(await hazard.getAttribute('aria-invalid')).toBe('true');
    expect(await hazard.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    // A bad count in a cohort's releases is shown at that cohort.
    await hazard.fill('0.1');
    await page.locator(`input[name="value-${COHORT}"]`).fill('13, many');
    await runFromKeyboard();
    const bad = await api({ assumptions: { releases: { [COHORT]: { empirical: [13, 'many'] } } } });
    const said = bad.json.errors!.find((e) => e.path.join('.') === `assumptions.releases.${COHORT}`)!.message;
    expect(await page.getByTestId(`error-assumptions.releases.${COHORT}`).textContent()).toBe(said);
    // The focus moves to the field named, so a keyboard user lands on what to correct.
    await page.waitForFunction(
      (name) => document.activeElement?.getAttribute('name') === name,
      `kind-${COHORT}`,
    );
    await page.locator(`input[name="value-${COHORT}"]`).fill('13, 13, 13, 11');
  });

  it('draws a cohort’s releases from the ledger so far, and shows the counts it drew from', async () => {
    // Four days into the pause the ledger holds 13, 13, 13 and 11 women and children a day
    // (shared/data/gaza-2023-pause.md, day-by-day table, Isr-deal column).
    await page.locator('input[name="asOf"]').fill('2023-11-28T07:00');
    await page.locator(`select[name="kind-${COHORT}"]`).selectOption('ledger');
    expect(await page.locator(`input[name="value-${COHORT}"]`).count()).toBe(0);
    await runFromKeyboard();
    expect(await page.locator(`select[name="kind-${COHORT}"]`).inputValue()).toBe('empirical');
    expect(await page.locator(`input[name="value-${COHORT}"]`).inputValue()).toBe('13, 13, 13, 11');
    await page.locator('input[name="asOf"]').fill('');
  });

  it('compares with another stored agreement side by side, each as the API answers it', async () => {
    await page.locator('select[name="compare"]').selectOption(OTHER);
    await page.locator(`select[name="kind-civilians-women-elderly-wounded"]`).selectOption('poisson');
    await page.locator('input[name="value-civilians-women-elderly-wounded"]').fill('10');
    await runFromKeyboard();
    await page.getByTestId('comparison').waitFor();
    const answer = await api({
      runs: 3000,
      seed: 7,
      compare: [OTHER],
      assumptions: {
        collapse: { daily: 0.1 },
        extension: { probability: 0.5 },
        releases: {
          [COHORT]: { empirical: [13, 13, 13, 11] },
          'civilians-women-elderly-wounded': { poisson: 10 },
        },
      },
    });
    expect(answer.status).toBe(200);
    const [mine, theirs] = answer.json.proposals!;
    expect(await shown(ID)).toEqual(expectedOf(mine!));
    expect(await shown(OTHER)).toEqual(expectedOf(theirs!));
    await page.screenshot({ path: join(OUTPUT, 'projection-compare.png'), fullPage: true });
  });

  it('without signing in: refused on an agreement that is not public, run on one that is', async () => {
    const context = await h.browser.newContext();
    const anonymous = await context.newPage();
    await anonymous.goto(`${h.server.url}/#/public/${ID}/projection`);
    await anonymous.getByTestId('projection').locator('.error').first().waitFor();
    expect(await anonymous.getByTestId('projection').locator('.error').first().textContent()).toMatch(
      /401|not public/,
    );
    const opened = await h.admin('PUT', `/api/agreements/${ID}/public`, { public: true });
    expect(opened.status).toBe(200);
    await anonymous.reload();
    await anonymous.locator('[data-testid="projection"][data-answered="1"]').waitFor();
    const defaults = await api({});
    expect(
      Number(
        await anonymous.locator('[data-testid="pause-length"] [data-stat="mean"]').getAttribute('data-value'),
      ),
    ).toBe(defaults.json.pauseLength.mean);
    await context.close();
  });

  it('fits a phone’s width, and nothing was refused or failed on the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // Opened afresh at that width, so the charts are drawn for it.
    await page.reload();
    await page.locator('[data-testid="projection"][data-answered="1"]').waitFor();
    await page.locator('[data-testid="projection-charts"] svg').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUTPUT, 'projection-phone.png'), fullPage: true });
    // Only the deliberate 400s were errors.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
