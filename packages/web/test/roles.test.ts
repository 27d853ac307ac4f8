// Roles in the browser, against the real server: an editor records an event through the form and another
// open page updates live (server-sent events); a viewer is offered no form and the server refuses its
// writes; the public page carries no person-level data.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, type Harness, ID, OUTPUT, signIn, startHarness, VIEWER, watchPage } from './harness.ts';

let h: Harness;
const PERSON_MARK = 'person-level-marker-do-not-show';

beforeAll(async () => {
  h = await startHarness('roles', { public: true });
  // An event with person-level details, recorded by the admin through the API.
  const made = await h.admin('POST', `/api/agreements/${ID}/events`, {
    id: 'ev-test-with-persons',
    type: 'release',
    party: 'hamas',
    outsideFramework: true,
    occurred: '2023-11-25T12:00:00+02:00',
    recorded: '2023-11-25T23:00:00+02:00',
    released: [{ cohort: 'hostages-civilian-men', count: 1 }],
    sources: [{ outlet: 'test outlet' }],
    persons: [{ name: PERSON_MARK }],
  });
  if (made.status !== 201) throw new Error(`could not record the test event: ${await made.text()}`);
});
afterAll(async () => {
  await h?.close();
});

const releasedBy = async (page: import('playwright-core').Page, party: string) =>
  Number(
    (
      await page
        .locator(`[data-testid="released"][data-party="${party}"] [data-testid="released-total"]`)
        .textContent()
    )?.replace(/,/g, ''),
  );

describe('the dashboard by role', () => {
  it('lets an editor record an event, with clear messages, and another open page updates live', async () => {
    const watcher = await (await h.browser.newContext()).newPage();
    const watcherProblems = watchPage(watcher);
    await signIn(watcher, h.server.url, VIEWER);
    await watcher.goto(`${h.server.url}/#/agreements/${ID}`);
    await watcher.getByTestId('status-header').waitFor();
    const before = await releasedBy(watcher, 'hamas');

    const editor = await (await h.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const problems = watchPage(editor);
    await signIn(editor, h.server.url, EDITOR);
    await editor.goto(`${h.server.url}/#/agreements/${ID}`);
    const form = editor.getByTestId('record-event');
    await form.waitFor();

    // An empty form is refused before it is sent, field by field, in words.
    await form.getByRole('button', { name: 'Record event' }).click();
    await form.getByText('Choose the party that acted.').waitFor();
    expect(await form.textContent()).toContain('Give the number.');
    expect(await form.textContent()).toContain('Name the source: who published the report.');
    await editor.screenshot({ path: join(OUTPUT, 'editor-form-errors-phone.png'), fullPage: false });

    await form.getByLabel('Party that acted').selectOption('hamas');
    await form.getByLabel('Occurred').fill('2023-11-26T12:00');
    await form.getByLabel('Cohort').fill('hostages-civilian-men');
    await form.getByLabel('People released').fill('2');
    await form.getByLabel('Source (outlet)').fill('A test outlet');
    await form.getByLabel('Id (optional').fill('ev-test-recorded-in-browser');
    await form.getByRole('button', { name: 'Record event' }).click();
    await form.getByTestId('recorded').getByText('ev-test-recorded-in-browser', { exact: false }).waitFor();

    // The other page was not reloaded: the stream told it.
    await watcher.waitForFunction(
      ([party, want]) =>
        document.querySelector(
          `[data-testid="released"][data-party="${party}"] [data-testid="released-total"]`,
        )?.textContent === String(want),
      ['hamas', before + 2] as const,
    );
    await watcher.locator('[data-event="ev-test-recorded-in-browser"]').waitFor();
    expect(await releasedBy(watcher, 'hamas')).toBe(before + 2);
    await watcher.screenshot({ path: join(OUTPUT, 'viewer-live-update.png'), fullPage: false });
    expect(problems).toEqual([]);
    expect(watcherProblems).toEqual([]);
  });

  it('offers a viewer no form, and the server refuses a viewer’s write', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await signIn(page, h.server.url, VIEWER);
    await page.goto(`${h.server.url}/#/agreements/${ID}`);
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('record-event').count()).toBe(0);
    // Even sent by hand with the session's CSRF token, the write is refused as a problem document.
    const answer = await page.evaluate(async (id) => {
      const session = await (await fetch('/api/session')).json();
      const r = await fetch(`/api/agreements/${id}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
        body: JSON.stringify({
          id: 'ev-by-a-viewer',
          type: 'violation',
          party: 'hamas',
          occurred: '2023-11-26',
          recorded: '2023-11-26',
        }),
      });
      return { status: r.status, type: r.headers.get('content-type'), role: session.role };
    }, ID);
    expect(answer.role).toBe('viewer');
    expect(answer.status).toBe(403);
    expect(answer.type).toContain('application/problem+json');
    const events = await h.store.events(ID);
    expect(events.some((e) => e.id === 'ev-by-a-viewer')).toBe(false);
  });

  it('shows the public page with no person-level data, even to a signed-in editor’s browser', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await signIn(page, h.server.url, EDITOR);
    // The editor's own page does carry the persons (they reach editors), which makes the check below meaningful.
    const editorEvents = await page.evaluate(
      async (id) => (await fetch(`/api/agreements/${id}/events?limit=1000`)).text(),
      ID,
    );
    expect(editorEvents).toContain(PERSON_MARK);

    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/api/')) bodies.push(await r.text().catch(() => ''));
    });
    await page.goto(`${h.server.url}/#/public/${ID}`);
    await page.getByTestId('status-header').waitFor();
    await page.locator('[data-event="ev-test-with-persons"]').waitFor();
    expect(await page.getByTestId('record-event').count()).toBe(0);
    expect(await page.content()).not.toContain(PERSON_MARK);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).not.toContain(PERSON_MARK);
      expect(body).not.toContain('"persons"');
    }
    await page.screenshot({ path: join(OUTPUT, 'public-view.png'), fullPage: false });
  });
});
