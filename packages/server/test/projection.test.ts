// POST /api/agreements/:id/projection on a real server (an ephemeral port) over a real store (PGlite in
// memory) holding the 2023 pause and the two-stage framework: the answer is the projection package's own
// for the same inputs, byte for byte; bad fields are named; the role matrix; the request time limit.
import { readFileSync } from 'node:fs';
import { parseAgreement, parseLedger } from '@truce/core';
import {
  type Assumptions,
  knownIdsOf,
  type LoadedAgreement,
  parseAssumptions,
  project,
  projectionBody,
  proposalsOf,
} from '@truce/project';
import { openStore, type Store } from '@truce/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createToken, openApiDocument, type RunningServer, startServer } from '../src/index.ts';
import { ProjectionAnswer } from '../src/projection-answer.ts';

const GAZA = 'gaza-2023-pause';
const TWO = 'two-stage-framework';
const folder = (name: string) => new URL(`../../../examples/${name}/`, import.meta.url);
const read = (name: string, file: string) => readFileSync(new URL(file, folder(name)), 'utf8');

/** An example as the projection package loads it from its files. */
function fromFiles(name: string): LoadedAgreement {
  const a = parseAgreement(read(name, 'agreement.yaml'), 'agreement.yaml');
  if (!a.ok) throw new Error(a.issues[0]?.message);
  const l = parseLedger(read(name, 'ledger.yaml'), a.value, 'ledger.yaml');
  if (!l.ok) throw new Error(l.issues[0]?.message);
  return { agreement: a.value, events: l.value.events };
}

const gaza = fromFiles(GAZA);
const two = fromFiles(TWO);
// The example's own assumptions file, sent as JSON.
const fitted = parse(read(GAZA, 'assumptions.yaml')) as Assumptions;
delete (fitted as { $schema?: string }).$schema;

/** What the package gives for the same request, as the JSON text the server should send. */
async function expected(loaded: LoadedAgreement[], assumptions: Assumptions, runs: number, seed: number) {
  const known = knownIdsOf(loaded.map((l) => l.agreement));
  const parsed = parseAssumptions(JSON.stringify(assumptions), undefined, known);
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  const results = await project(proposalsOf(loaded, undefined, 0), parsed.value, { runs, seed, workers: 1 });
  return JSON.stringify(projectionBody(results, parsed.value, loaded.length > 1));
}

let store: Store;
let server: RunningServer;
let hasty: RunningServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  store = await openStore();
  for (const name of [GAZA, TWO]) {
    const added = await store.addAgreement(read(name, 'agreement.yaml'), 'agreement.yaml');
    if (!added.ok) throw new Error(`${name} does not parse`);
    const ledger = parse(read(name, 'ledger.yaml'));
    if (ledger?.events?.length) {
      const appended = await store.append(name, ledger.events, { sources: ledger.sources });
      if (!appended.ok) throw new Error(appended.issues[0]?.message);
    }
  }
  server = await startServer(store, { port: 0, adminToken: 'admin-secret-for-tests', log: () => {} });
  // The same store behind a server with a short time limit.
  hasty = await startServer(store, { port: 0, timeoutMs: 300, log: () => {} });
  tokens.admin = 'admin-secret-for-tests';
  tokens.viewer = await createToken(store.database, 'a viewer', 'viewer');
  const opened = await post('admin', `/api/agreements/${TWO}/public`, { public: true }, 'PUT');
  if (opened.status !== 200) throw new Error(opened.text);
});
afterAll(async () => {
  await hasty?.close();
  await server?.close();
  await store?.close();
});

async function post(who: 'anonymous' | 'viewer' | 'admin', path: string, body?: unknown, method = 'POST') {
  return send(server.url, who, path, body, method);
}

async function send(base: string, who: string, path: string, body?: unknown, method = 'POST') {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` }),
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    json: JSON.parse(text),
  };
}

const projection = (id: string) => `/api/agreements/${id}/projection`;

describe('POST /api/agreements/:id/projection', () => {
  it('the same seed gives a byte-identical body, equal to what project() gives for the same inputs', async () => {
    const request = { runs: 3000, seed: 7, assumptions: fitted };
    const a = await post('viewer', projection(GAZA), request);
    const b = await post('viewer', projection(GAZA), request);
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    expect(a.text).toBe(await expected([gaza], fitted, 3000, 7));
    // Another seed gives other runs.
    const c = await post('viewer', projection(GAZA), { ...request, seed: 8 });
    expect(c.text).not.toBe(a.text);
    expect(ProjectionAnswer.safeParse(a.json).success).toBe(true);
  });

  it('answers with the assumptions used, every default filled in, and the fan of releases by day', async () => {
    const r = await post('viewer', projection(GAZA), {
      runs: 500,
      assumptions: { collapse: { daily: 0.2 } },
    });
    expect(r.status).toBe(200);
    expect(r.json.assumptions).toEqual({
      horizonDays: 90,
      collapse: { daily: 0.2 },
      extension: { probability: 1 },
      releases: {},
      delays: {},
    });
    expect(r.json.seed).toBe(1);
    expect(r.json.runs).toBe(500);
    expect(r.json.fan.runs).toBe(500);
    // An empty body is the defaults: 10 000 runs, seed 1, no assumptions.
    const empty = await post('viewer', projection(GAZA));
    expect(empty.status).toBe(200);
    expect(empty.json.runs).toBe(10_000);
  });

  it('compare gives both agreements side by side, each as project() gives it under the same assumptions', async () => {
    const assumptions = {
      collapse: { daily: 0.05 },
      releases: { 'hostages-women-children': { poisson: 12 } },
    };
    const r = await post('viewer', projection(GAZA), { runs: 2000, seed: 3, assumptions, compare: [TWO] });
    expect(r.status).toBe(200);
    expect(r.json.proposals.map((p: { agreement: { id: string } }) => p.agreement.id)).toEqual([GAZA, TWO]);
    expect(r.text).toBe(await expected([gaza, two], assumptions, 2000, 3));
    expect(ProjectionAnswer.safeParse(r.json).success).toBe(true);
  });

  it('draws releases from the ledger so far (empirical: ledger), showing the counts it drew from', async () => {
    // Four days into the pause: 13, 13, 13 and 11 women and children (shared/data/gaza-2023-pause.md,
    // day-by-day table, Isr-deal column).
    const r = await post('viewer', projection(GAZA), {
      runs: 500,
      seed: 2,
      asOf: '2023-11-28T07:00',
      assumptions: { releases: { 'hostages-women-children': { empirical: 'ledger' } } },
    });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.json.assumptions.releases['hostages-women-children']).toEqual({ empirical: [13, 13, 13, 11] });
  });

  it('answers 400 problems that name the bad field', async () => {
    const cases: [unknown, string[], RegExp][] = [
      [{ runs: 0 }, ['runs'], /1/],
      [{ runs: 100_001 }, ['runs'], /100000/],
      [{ runs: 10.5 }, ['runs'], /int/i],
      [{ seed: -1 }, ['seed'], /0/],
      [{ seed: 'one' }, ['seed'], /number/],
      [{ asOf: 'soon' }, ['asOf'], /./],
      [{ assumptions: { collapse: { daily: 2 } } }, ['assumptions', 'collapse', 'daily'], /1/],
      [
        { assumptions: { extension: { probability: 'yes' } } },
        ['assumptions', 'extension', 'probability'],
        /number/,
      ],
      [
        { assumptions: { releases: { 'hostages-women-childen': { fixed: 1 } } } },
        ['assumptions', 'releases', 'hostages-women-childen'],
        /did you mean `hostages-women-children`/,
      ],
      [
        { assumptions: { delays: { pause: { min: 3, max: 1 } } } },
        ['assumptions', 'delays', 'pause', 'max'],
        /below min/,
      ],
      [{ compare: ['no-such-agreement'] }, ['compare', '0'], /no agreement/],
      [
        {
          asOf: '2023-11-24T12:00',
          assumptions: { releases: { 'hostages-women-children': { empirical: 'ledger' } } },
        },
        ['assumptions', 'releases', 'hostages-women-children', 'empirical'],
        /no whole day/,
      ],
      [{ shots: 3 }, [], /shots/],
    ];
    for (const [body, path, message] of cases) {
      const r = await post('viewer', projection(GAZA), body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.type).toBe('application/problem+json');
      const error = r.json.errors.find((e: { path: string[] }) => e.path.join('/') === path.join('/'));
      expect(error, `${JSON.stringify(body)}: ${JSON.stringify(r.json.errors)}`).toBeDefined();
      expect(error.message).toMatch(message);
    }
    const notJson = await post('viewer', projection(GAZA), '{runs: 3');
    expect(notJson.status).toBe(400);
    expect(notJson.json.detail).toMatch(/not JSON/);
  });

  it('role matrix: anonymous 401 on an agreement that is not public, viewer 200, anyone on a public one', async () => {
    const small = { runs: 200 };
    const anonymous = await post('anonymous', projection(GAZA), small);
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toBe('application/problem+json');
    expect((await post('viewer', projection(GAZA), small)).status).toBe(200);
    expect((await post('admin', projection(GAZA), small)).status).toBe(200);
    expect((await post('anonymous', projection(TWO), small)).status).toBe(200);
    // Comparing a public agreement with one that is not stays refused.
    expect((await post('anonymous', projection(TWO), { ...small, compare: [GAZA] })).status).toBe(401);
    expect((await post('viewer', projection('nowhere'), small)).status).toBe(404);
  });

  it('keeps answering other requests while a long projection runs (it runs on worker threads)', async () => {
    // The test and the server share one event loop: a projection run on it would hold up both.
    let finished = false;
    const long = post('viewer', projection(GAZA), { runs: 100_000, assumptions: fitted }).finally(() => {
      finished = true;
    });
    const t0 = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Date.now() - t0).toBeLessThan(250);
    const answered: { ms: number; whileRunning: boolean }[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      answered.push({ ms: Date.now() - t, whileRunning: !finished });
    }
    expect((await long).status).toBe(200);
    expect(answered.every((a) => a.whileRunning)).toBe(true);
    expect(Math.max(...answered.map((a) => a.ms))).toBeLessThan(250);
  });

  it('runs that outlast the request time limit are answered 504', async () => {
    const r = await send(hasty.url, 'viewer', projection(GAZA), { runs: 100_000, assumptions: fitted });
    expect(r.status).toBe(504);
    expect(r.type).toBe('application/problem+json');
  });

  it('is in the OpenAPI document with its request and response schemas', () => {
    type Schema = { properties: Record<string, { maximum?: number }> };
    type Post = {
      requestBody: { content: Record<string, { schema: Schema }> };
      responses: Record<string, unknown>;
    };
    const doc = openApiDocument() as { paths: Record<string, { post: Post }> };
    const op = doc.paths['/api/agreements/{id}/projection']!.post;
    const body = op.requestBody.content['application/json']!.schema;
    expect(Object.keys(body.properties)).toEqual(['runs', 'seed', 'asOf', 'assumptions', 'compare']);
    expect(body.properties.runs!.maximum).toBe(100_000);
    expect(JSON.stringify(op.responses['200'])).toContain('pauseLength');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '504']));
  });
});
