// The real thing for the browser tests: the dashboard built by Vite into a folder of this test file's own,
// served by @truce/server over a PGlite store (in memory) holding the 2023 example, and Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@truce/server';
import { openStore, type Store } from '@truce/store';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { parse } from 'yaml';

export const ID = 'gaza-2023-pause';
export const ADMIN = { email: 'admin@example.org', password: 'an admin password for tests' };
export const EDITOR = { email: 'editor@example.org', password: 'an editor password for tests' };
export const VIEWER = { email: 'viewer@example.org', password: 'a viewer password for tests' };
const ADMIN_TOKEN = 'admin-token-for-web-tests';

const web = new URL('../', import.meta.url);
const repo = new URL('../../../', import.meta.url);
/** Where screenshots go (gitignored). */
export const OUTPUT = fileURLToPath(new URL('test-output/', web));

export interface Harness {
  store: Store;
  server: RunningServer;
  browser: Browser;
  /** Calls the API as the admin (an API token). */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Builds the dashboard into test-output/dist-NAME (a fresh build each run, never a stale one). */
export async function buildDashboard(name: string): Promise<string> {
  const outDir = fileURLToPath(new URL(`test-output/dist-${name}/`, web));
  await build({
    root: fileURLToPath(web),
    configFile: fileURLToPath(new URL('vite.config.ts', web)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** The engine's own answer, as `truce status … --json` prints it: what the page must show. */
export function cliStatus(...args: string[]): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('packages/cli/bin/truce.js', repo)),
      'status',
      fileURLToPath(new URL(`examples/${ID}`, repo)),
      ...args,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}

/** A store with the 2023 example, a server serving the fresh build, accounts for each role, and Chromium. */
export async function startHarness(name: string, options: { public?: boolean } = {}): Promise<Harness> {
  mkdirSync(OUTPUT, { recursive: true });
  const webRoot = await buildDashboard(name);
  const store = await openStore();
  const example = new URL(`examples/${ID}/`, repo);
  const added = await store.addAgreement(
    readFileSync(new URL('agreement.yaml', example), 'utf8'),
    'agreement.yaml',
  );
  if (!added.ok) throw new Error('the example agreement does not parse');
  const ledger = parse(readFileSync(new URL('ledger.yaml', example), 'utf8'));
  const appended = await store.append(ID, ledger.events, { sources: ledger.sources });
  if (!appended.ok) throw new Error(appended.issues[0]?.message);
  const server = await startServer(store, {
    port: 0,
    hostname: '127.0.0.1',
    webRoot,
    pollMs: 200,
    adminToken: ADMIN_TOKEN,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    log: () => {},
  });
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  for (const [account, role] of [
    [EDITOR, 'editor'],
    [VIEWER, 'viewer'],
  ] as const) {
    const made = await admin('POST', '/api/users', { ...account, role });
    if (made.status !== 201) throw new Error(`could not make the ${role} account: ${await made.text()}`);
  }
  if (options.public) {
    const opened = await admin('PUT', `/api/agreements/${ID}/public`, { public: true });
    if (!opened.ok) throw new Error(`could not open ${ID} to the public: ${await opened.text()}`);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    store,
    server,
    browser,
    admin,
    close: async () => {
      await browser.close();
      await server.close();
      await store.close();
    },
  };
}

/** Problems a page reported: uncaught errors, console errors (a CSP refusal is one), failed requests. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, base: string, account: { email: string; password: string }) {
  await page.goto(`${base}/#/sign-in`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
  // Signed in, the agreements list shows every agreement, this one among them.
  await page.getByTestId('agreements').locator(`a[href="#/agreements/${ID}"]`).waitFor();
}
