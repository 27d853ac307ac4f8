// Opening the 2023 pause and replaying it to 26 Nov 2023 with the as-of slider, in Chromium against the
// real server. The expected counts come from the engine (`truce status … --json`), not from this file;
// the public record behind them is /work/shared/data/gaza-2023-pause.md §1.4, day 3 (Sun 26 Nov 2023):
// 17 hostages released (13 under the framework), 39 prisoners; 58 hostages and 117 prisoners after day 3.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliStatus, type Harness, ID, OUTPUT, startHarness, watchPage } from './harness.ts';

interface Released {
  party: string;
  inFramework: number;
  outsideFramework: number;
  total: number;
}

let h: Harness;
let page: Page;
let problems: string[];

beforeAll(async () => {
  h = await startHarness('replay', { public: true });
  page = await h.browser.newPage({ viewport: { width: 1200, height: 900 } });
  problems = watchPage(page);
});
afterAll(async () => {
  await h?.close();
});

/** Moves a slider (as-of or known-at) with the keyboard, one day per key press, until it shows `label`. */
async function slideTo(label: string, which: 'as-of' | 'known-at' = 'as-of') {
  const slider = page.getByTestId(`${which}-slider`);
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 400; i++) {
    if ((await page.getByTestId(`${which}-day`).textContent())?.includes(label)) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`the ${which} slider never showed ${label}`);
}

describe('replaying the 2023 pause', () => {
  it('shows where it stood on 26 Nov 2023, as the engine computes it', async () => {
    const expected = cliStatus('--as-of', '2023-11-26T23:59:00+02:00') as {
      asOf: string;
      released: Released[];
      phases: { name: string; day: number; days: number }[];
      events: { known: number; counted: number };
    };
    await page.goto(`${h.server.url}/#/public/${ID}`);
    await page.getByTestId('status-header').waitFor();
    await slideTo('Sun 26 Nov 2023');
    await page.getByTestId('as-of-line').getByText('As of Sun 26 Nov 2023 23:59', { exact: false }).waitFor();

    const header = page.getByTestId('status-header');
    const pause = expected.phases[0]!;
    expect(await header.getByTestId('phase').textContent()).toContain(pause.name);
    expect(await header.getByTestId('day').textContent()).toBe(`Day ${pause.day} of ${pause.days}`);
    for (const r of expected.released) {
      const card = header.locator(`[data-testid="released"][data-party="${r.party}"]`);
      expect(await card.getByTestId('released-total').textContent()).toBe(r.total.toLocaleString('en-GB'));
      expect(await card.getByTestId('released-in').textContent()).toBe(r.inFramework.toLocaleString('en-GB'));
      expect(await card.getByTestId('released-out').textContent()).toBe(
        r.outsideFramework.toLocaleString('en-GB'),
      );
    }
    // The public record's totals after day 3 (58 hostages, 117 prisoners), as the engine counts them.
    const byParty = Object.fromEntries(expected.released.map((r) => [r.party, r]));
    expect(byParty.israel?.total).toBe(117);
    expect(await page.getByTestId('as-of-line').textContent()).toContain(
      `${expected.events.counted} of ${expected.events.known} recorded events count`,
    );
    // The page's loading line is gone once the dashboard is drawn.
    expect(await page.getByText('Loading Truce…').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'replay-26-nov-2023.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('replays what was known on a day with the known-at slider, the world as of now', async () => {
    // Only the events recorded by 24 Nov 2023 23:59 count: the engine's answer for the same question.
    const expected = cliStatus('--known-at', '2023-11-24T23:59:00+02:00') as {
      released: Released[];
      events: { known: number; counted: number };
    };
    const everything = cliStatus() as { events: { known: number } };
    expect(expected.events.known).toBeLessThan(everything.events.known);
    // The address given out for a public agreement, /public/ID, opens the dashboard's public view.
    await page.goto(`${h.server.url}/public/${ID}`);
    expect(new URL(page.url()).hash).toBe(`#/public/${ID}`);
    await page.getByTestId('status-header').waitFor();
    await slideTo('Fri 24 Nov 2023', 'known-at');
    const line = page.getByTestId('as-of-line');
    await line.getByText('as known at Fri 24 Nov 2023 23:59', { exact: false }).waitFor();
    expect(await line.textContent()).toContain(
      `${expected.events.counted} of ${expected.events.known} recorded events count`,
    );
    const header = page.getByTestId('status-header');
    for (const r of expected.released) {
      const card = header.locator(`[data-testid="released"][data-party="${r.party}"]`);
      expect(await card.getByTestId('released-total').textContent()).toBe(r.total.toLocaleString('en-GB'));
    }
    // The address keeps the replay, and "as known then" moves the known-at slider with the as-of one.
    expect(page.url()).toContain('knownAt=2023-11-24');
    await page.getByTestId('known-then').check();
    expect(await page.getByTestId('known-at-slider').isDisabled()).toBe(true);
    expect(await page.getByTestId('known-at-day').textContent()).toContain('as of the day shown');
    await page.screenshot({ path: join(OUTPUT, 'known-at-24-nov-2023.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('works at phone width with the keyboard alone, and says every state in words', async () => {
    const phone = await (await h.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const phoneProblems = watchPage(phone);
    await phone.goto(`${h.server.url}/#/public/${ID}?asOf=2023-11-26`);
    await phone.getByTestId('status-header').waitFor();
    // Nothing wider than the screen but the tables, which scroll inside their own box.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    // Every badge carries its words, not colour alone.
    const badges = await phone.locator('.badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const text of badges) expect(text.replace(/[^A-Za-z]/g, '').length).toBeGreaterThan(0);
    // Tab to the first obligation, open its drawer with Enter, read the arithmetic, close it with Escape.
    const first = phone.locator('[data-obligation] button').first();
    const name = await first.textContent();
    for (let i = 0; i < 60; i++) {
      await phone.keyboard.press('Tab');
      if (await first.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.keyboard.press('Enter');
    const drawer = phone.getByTestId('drawer');
    await drawer.waitFor();
    expect(await drawer.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    await drawer.getByTestId('arithmetic').locator('li').first().waitFor();
    await phone.screenshot({ path: join(OUTPUT, 'phone-drawer.png'), fullPage: false });
    await phone.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.screenshot({ path: join(OUTPUT, 'phone-26-nov-2023.png'), fullPage: true });
    expect(phoneProblems).toEqual([]);
  });
});
