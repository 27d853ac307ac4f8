// The review page in the browser, against the real server: an editor pastes a report, sees its spans
// marked, accepts the 22 November pause-agreed candidate by keyboard, sees a refused decision's problem
// next to its candidate, records, and the agreement's events table shows the new event; a viewer gets no
// record button and the server refuses its review.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, type Harness, ID, OUTPUT, signIn, startHarness, VIEWER, watchPage } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('review');
});
afterAll(async () => {
  await h?.close();
});

const SEED = new URL('../../../../shared/articles/talks-report-2023.txt', import.meta.url);
// The seed report lives beside the repository (../shared); without it, a short report in our own words stands in.
const REPORT = existsSync(SEED)
  ? readFileSync(SEED, 'utf8')
  : 'By November 22, a humanitarian pause was reached between Israel and Hamas, officials close to the talks said. ' +
    'During the pause, Hamas released a total of 110 hostages.';

describe('the review page', () => {
  it('lets an editor extract a report, accept a candidate by keyboard, and record it into the ledger', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const problems = watchPage(page);
    await signIn(page, h.server.url, EDITOR);
    await page.goto(`${h.server.url}/#/agreements/${ID}`);
    await page.getByTestId('review-link').click();
    const form = page.getByTestId('report-form');
    await form.getByLabel('Report text').fill(REPORT);
    await form.getByLabel('Published (date)').fill('2023-12-02');
    await form.getByLabel('Outlet (optional)').fill('Example Wire');
    await form.getByRole('button', { name: 'Extract' }).click();

    // The report comes back with its spans marked, each role labelled in words, with a legend.
    const report = page.getByTestId('report-text');
    await report.waitFor();
    await page.getByTestId('legend').waitFor();
    const when = report.locator('mark[data-role="when"]', { hasText: 'November 22' });
    expect(await when.count()).toBeGreaterThan(0);
    expect(await when.first().locator('.role-tag').textContent()).toBe('when');
    expect(await report.locator('mark[data-role="quantity"]', { hasText: '110' }).count()).toBe(1);

    const agreed = page.locator('[data-testid="candidate"][data-kind="pause-agreed"]', {
      hasText: 'November 22',
    });
    expect(await agreed.textContent()).toContain('2023-11-22');
    const release = page.locator('[data-testid="candidate"][data-kind="release"]', {
      hasText: 'a total of 110',
    });

    // By keyboard: focus the first choice (Skip) and move to the next (Accept as a statement) with an arrow.
    await agreed.getByLabel('Skip').focus();
    await page.keyboard.press('ArrowRight');
    expect(await agreed.getByLabel('Accept as a statement').isChecked()).toBe(true);
    // The release as it stands lacks a field an event needs: accepting it is refused, and nothing is recorded.
    await release.getByLabel('Accept', { exact: true }).check();
    const before = await eventIds();
    await page.getByTestId('record-accepted').focus();
    await page.keyboard.press('Enter');
    await release.getByTestId('candidate-problems').waitFor();
    expect(await release.getByTestId('candidate-problems').textContent()).toContain('use edit with fields');
    expect(await eventIds()).toEqual(before);
    await release.screenshot({ path: join(OUTPUT, 'review-problem-phone.png') });

    await release.getByLabel('Reject').check();
    await page.getByTestId('record-accepted').click();
    const outcome = agreed.getByTestId('outcome');
    await outcome.waitFor();
    const said = (await outcome.textContent()) ?? '';
    const id = /\((ev-statement-[0-9a-f]{12}),/.exec(said)?.[1];
    expect(id, said).toBeDefined();
    expect(await release.getByTestId('outcome').textContent()).toBe('Rejected.');
    await agreed.screenshot({ path: join(OUTPUT, 'review-recorded-phone.png') });

    await page.getByRole('link', { name: 'See the agreement’s status and events' }).click();
    await page.locator(`[data-event="${id}"]`).waitFor();
    expect(await eventIds()).toEqual([...before, id]);
    // The one refused request is the 422 above, which the browser logs.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
  });

  it('gives a viewer no record button, and the server refuses a viewer’s review', async () => {
    const page = await (await h.browser.newContext()).newPage();
    const problems = watchPage(page);
    await signIn(page, h.server.url, VIEWER);
    await page.goto(`${h.server.url}/#/agreements/${ID}`);
    await page.getByTestId('status-header').waitFor();
    expect(await page.getByTestId('review-link').count()).toBe(0);
    await page.goto(`${h.server.url}/#/agreements/${ID}/review`);
    // The viewer uploads the report as an HTML page: its navigation and footer are not read.
    const form = page.getByTestId('report-form');
    const paragraphs = REPORT.split(/\n\s*\n/)
      .map((p) => `<p>${p}</p>`)
      .join('');
    await form.getByLabel('Or upload a .txt or .html file').setInputFiles({
      name: 'report.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        `<html><body><nav>Home · World menu</nav><article>${paragraphs}</article><footer>© page footer</footer></body></html>`,
      ),
    });
    await page.getByTestId('file-name').getByText('report.html (HTML)', { exact: false }).waitFor();
    await form.getByLabel('Published (date)').fill('2023-12-02');
    await form.getByRole('button', { name: 'Extract' }).click();
    await page.getByTestId('read-only').waitFor();
    const shown = (await page.getByTestId('report-text').textContent()) ?? '';
    expect(shown).toContain('a total of 110');
    expect(shown).not.toContain('World menu');
    expect(await page.getByTestId('candidate').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('record-accepted').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.locator('#report-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'review-viewer.png'), fullPage: false });
    expect(problems).toEqual([]);

    // Even sent by hand from the viewer's session, with its CSRF token, the review is refused.
    const refused = await page.evaluate(async (id) => {
      const session = await (await fetch('/api/session')).json();
      const r = await fetch(`/api/agreements/${id}/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
        body: JSON.stringify({
          report: { text: 'Hamas released 3 hostages.', published: '2023-11-25' },
          decisions: [{ candidate: 1, action: 'reject' }],
        }),
      });
      return r.status;
    }, ID);
    expect(refused).toBe(403);
  });
});

async function eventIds(): Promise<string[]> {
  const r = await h.admin('GET', `/api/agreements/${ID}/events?limit=1000`);
  return ((await r.json()).events as { event: { id: string } }[]).map((e) => e.event.id);
}
