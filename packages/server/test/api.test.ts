// The HTTP API on a real server (an ephemeral port) over a real store (PGlite in memory) holding the
// 2023 example: contract, problem documents, the role matrix, idempotent appends, person-level fields.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { evaluate } from '@truce/core';
import { openStore } from '@truce/store';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startServer } from '../src/index.ts';
import * as R from '../src/responses.ts';
import { ID, serveExample, type Who } from './example-server.ts';

const ex = serveExample();
const { call, rawPost } = ex;

/** An OpenAPI operation, as far as the tests look into one. */
interface Operation {
  readonly responses: Record<string, unknown>;
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
}

const talks = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'talks-held',
  occurred: '2023-11-20T10:00',
  recorded: '2023-11-20T12:00',
  ...extra,
});

describe('the API contract', () => {
  it('serves the OpenAPI 3.1 document and a readable reference', async () => {
    const doc = await call('anonymous', 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths['/api/agreements/{id}/events'])).toEqual(['get', 'post']);
    expect(doc.json.components.schemas.Event.oneOf.length).toBeGreaterThan(10);
    const parameters = doc.json.paths['/api/agreements/{id}/status'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(parameters).toEqual(['id', 'asOf', 'knownAt', 'evidence', 'version']);
    // The 3.1 shape: info, paths of operations each with responses, every path parameter declared, every $ref found.
    expect(doc.json.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    for (const [path, operations] of Object.entries(
      doc.json.paths as Record<string, Record<string, Operation>>,
    )) {
      expect(path.startsWith('/')).toBe(true);
      for (const [method, op] of Object.entries(operations)) {
        expect(['get', 'put', 'post', 'delete', 'patch']).toContain(method);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        const declared = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path');
        const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(declared.map((p: { name: string }) => p.name).sort(), `${method} ${path}`).toEqual(
          inTemplate.sort(),
        );
        for (const p of op.parameters ?? []) expect(['query', 'path', 'header', 'cookie']).toContain(p.in);
      }
    }
    for (const ref of JSON.stringify(doc.json).matchAll(/"\$ref":"([^"]+)"/g)) {
      const target = ref[1]!
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc.json);
      expect(target, ref[1]).toBeDefined();
    }
    const page = await call('anonymous', 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('POST /api/agreements/{id}/events');
  });

  it('answers with the bodies its OpenAPI document describes (checked with the same schemas)', async () => {
    const E = `/api/agreements/${ID}`;
    const checks: [Who, string, string, unknown, z.ZodType][] = [
      ['anonymous', 'GET', '/api/health', undefined, R.HealthResponse],
      ['viewer', 'GET', '/api/agreements', undefined, R.AgreementListResponse],
      ['viewer', 'GET', E, undefined, R.AgreementResponse],
      ['viewer', 'GET', `${E}/versions/1`, undefined, R.VersionResponse],
      ['viewer', 'GET', `${E}/status?asOf=2023-11-26`, undefined, R.StatusResponse],
      ['viewer', 'GET', `${E}/status?asOf=2023-12-02&evidence=lowest`, undefined, R.StatusResponse],
      ['viewer', 'GET', `${E}/explain/hamas-release-50?asOf=2023-11-26`, undefined, R.ExplainResponse],
      ['editor', 'GET', `${E}/events?limit=20`, undefined, R.EventsPageResponse],
      ['editor', 'POST', `${E}/events`, talks('schema-check-1'), R.AppendResponse],
      ['editor', 'POST', `${E}/events`, talks('schema-check-1'), R.AppendResponse],
      ['admin', 'PUT', `${E}/public`, { public: false }, R.PublicResponse],
      ['admin', 'POST', '/api/tokens', { name: 'schema check', role: 'viewer' }, R.TokenMadeResponse],
      ['admin', 'GET', '/api/tokens', undefined, R.TokenListResponse],
      ['viewer', 'GET', '/api/session', undefined, R.SessionResponse],
      ['anonymous', 'GET', '/api/session', undefined, R.SessionResponse],
      [
        'admin',
        'POST',
        '/api/users',
        { email: 'schema@example.org', role: 'viewer', password: 'twelve chars or more' },
        R.UserResponse,
      ],
      ['admin', 'GET', '/api/audit', undefined, R.AuditResponse],
    ];
    const doc = (await call('anonymous', 'GET', '/openapi.json')).json;
    for (const [who, method, path, body, schema] of checks) {
      const r = await call(who, method, path, body);
      expect(r.status, `${method} ${path}: ${r.text.slice(0, 200)}`).toBeLessThan(300);
      const parsed = schema.safeParse(r.json);
      expect(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(
        true,
      );
      // And the document names a schema for that answer, not a bare object.
      const template = path
        .split('?')[0]!
        .replace(`/${ID}`, '/{id}')
        .replace(/\/versions\/\d+$/, '/versions/{version}')
        .replace(/\/explain\/[^/]+$/, '/explain/{obligation}');
      const response = doc.paths[template][method.toLowerCase()].responses[String(r.status)];
      const described = response.content['application/json'].schema;
      expect(described.$ref ?? described.properties, `${method} ${template}`).toBeDefined();
    }
  });

  it('answers a write without credentials with 401, as a problem document', async () => {
    const r = await call('anonymous', 'POST', `/api/agreements/${ID}/events`, talks('anon-1'));
    expect(r.status).toBe(401);
    expect(r.type).toContain('application/problem+json');
    expect(r.json).toMatchObject({
      status: 401,
      title: 'Authentication required',
      instance: `/api/agreements/${ID}/events`,
    });
  });

  it('answers bad requests with problem documents that say what is wrong', async () => {
    const badTime = await call('viewer', 'GET', `/api/agreements/${ID}/status?asOf=2023-13-01`);
    expect(badTime).toMatchObject({ status: 400, json: { errors: [{ path: ['asOf'] }] } });
    const unknownParam = await call('viewer', 'GET', `/api/agreements/${ID}/status?colour=red`);
    expect(unknownParam.status).toBe(400);
    const invalid = await call('editor', 'POST', `/api/agreements/${ID}/events`, {
      ...talks('bad-1'),
      status: 'rumoured',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors[0].path).toContain('status');
    const notJson = await call('editor', 'POST', `/api/agreements/${ID}/events`, '{"id": ');
    expect(notJson).toMatchObject({ status: 400, json: { detail: 'the body is not valid JSON' } });
    const tooBig = await rawPost(
      `/api/agreements/${ID}/events`,
      JSON.stringify(talks('big', { note: 'x'.repeat(1_100_000) })),
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.type).toContain('application/problem+json');
    expect(JSON.parse(tooBig.text)).toMatchObject({ status: 413, title: 'Request body too large' });
    const nowhere = await call('viewer', 'GET', '/api/nowhere');
    expect(nowhere).toMatchObject({ status: 404, type: 'application/problem+json' });
    const badToken = await fetch(`${ex.server.url}/api/agreements`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(badToken.status).toBe(401);
    expect((await call('viewer', 'GET', `/api/agreements/unknown`)).status).toBe(404);
  });

  it('sends security headers, a Content-Security-Policy among them', async () => {
    const r = await call('anonymous', 'GET', '/');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('status over HTTP', () => {
  it('gives what the pure evaluator gives on the whole stored ledger, at the asOf and knownAt asked for', async () => {
    const agreement = (await ex.store.agreement(ID))!;
    const ledger = await ex.store.ledger(ID);
    for (const [asOf, knownAt] of [
      ['2023-11-26T23:59:00+02:00', undefined],
      ['2023-12-01T12:00:00+02:00', '2023-11-28T12:00:00+02:00'],
    ] as const) {
      const query = new URLSearchParams({ asOf, ...(knownAt ? { knownAt } : {}) });
      const r = await call('viewer', 'GET', `/api/agreements/${ID}/status?${query}`);
      expect(r.status).toBe(200);
      const expected = evaluate(agreement, ledger, {
        asOf: Date.parse(asOf),
        ...(knownAt ? { knownAt: Date.parse(knownAt) } : {}),
      });
      expect(r.json).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });
});

describe('status answers kept', () => {
  it('tags a status with an ETag, answers 304 to a reader who has it, and gzips for readers who accept it', async () => {
    const path = `/api/agreements/${ID}/status?asOf=2023-11-27`;
    const first = await call('viewer', 'GET', path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await call('viewer', 'GET', path, undefined, { 'if-none-match': etag })).status).toBe(304);
    const zipped = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) =>
      http
        .get(
          `${ex.server.url}${path}`,
          {
            agent: false,
            headers: { authorization: `Bearer ${ex.tokens.viewer}`, 'accept-encoding': 'gzip' },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
            );
          },
        )
        .on('error', reject),
    );
    expect(zipped.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(first.json);
    // A new event changes the answer and its tag.
    await call('editor', 'POST', `/api/agreements/${ID}/events`, talks('changes-the-etag'));
    const after = await call('viewer', 'GET', path, undefined, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

describe('the role matrix: every role against every endpoint', () => {
  const E = `/api/agreements/${ID}`;
  let n = 0;
  const write = () => talks(`matrix-${++n}`);
  // [method, path, body, expected status for: anonymous; anonymous on the agreement made public; viewer,
  // editor and admin tokens; an editor signed in through a web session (sending its CSRF token)].
  const matrix: [string, string, (() => unknown) | undefined, ...number[]][] = [
    ['GET', '/api/agreements', undefined, 200, 200, 200, 200, 200, 200],
    ['GET', E, undefined, 401, 200, 200, 200, 200, 200],
    ['GET', `${E}/versions/1`, undefined, 401, 200, 200, 200, 200, 200],
    ['GET', `${E}/status?asOf=2023-11-26`, undefined, 401, 200, 200, 200, 200, 200],
    ['GET', `${E}/events?limit=5`, undefined, 401, 200, 200, 200, 200, 200],
    ['GET', `${E}/explain/hamas-release-50`, undefined, 401, 200, 200, 200, 200, 200],
    ['POST', `${E}/events`, write, 401, 401, 403, 201, 201, 201],
    ['GET', `${E}/export.jsonl`, undefined, 401, 200, 200, 200, 200, 200],
    ['GET', `${E}/export.csv`, undefined, 401, 200, 200, 200, 200, 200],
    ['GET', `${E}/export.ics`, undefined, 401, 200, 200, 200, 200, 200],
    ['PUT', `${E}/public`, () => ({ public: false }), 401, 401, 403, 403, 200, 403],
    [
      'POST',
      '/api/tokens',
      () => ({ name: 'made in the matrix', role: 'viewer' }),
      401,
      401,
      403,
      403,
      201,
      403,
    ],
    ['GET', '/api/tokens', undefined, 401, 401, 403, 403, 200, 403],
    ['DELETE', '/api/tokens/no-such-token', undefined, 401, 401, 403, 403, 404, 403],
    ['GET', '/api/audit', undefined, 401, 401, 403, 403, 200, 403],
    [
      'POST',
      '/api/users',
      () => ({ email: `u${++n}@example.org`, role: 'viewer', password: 'twelve chars or more' }),
      401,
      401,
      403,
      403,
      201,
      403,
    ],
    ['GET', '/api/session', undefined, 200, 200, 200, 200, 200, 200],
    ['GET', '/api/health', undefined, 200, 200, 200, 200, 200, 200],
    ['GET', '/openapi.json', undefined, 200, 200, 200, 200, 200, 200],
    ['GET', '/api/docs', undefined, 200, 200, 200, 200, 200, 200],
  ];
  const columns = ['anonymous', 'public', 'viewer', 'editor', 'admin', 'session'] as const;
  let session: Record<string, string> = {};
  beforeAll(async () => {
    await call('admin', 'POST', '/api/users', {
      email: 'matrix-editor@example.org',
      role: 'editor',
      password: 'an editor password',
    });
    const response = await fetch(`${ex.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'matrix-editor@example.org', password: 'an editor password' }),
    });
    const { csrf } = (await response.json()) as { csrf: string };
    session = { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrf };
  });
  it.each(matrix)('%s %s', async (method, path, body, ...expected) => {
    for (const [i, column] of columns.entries()) {
      if (column === 'public') await call('admin', 'PUT', `${E}/public`, { public: true });
      try {
        const r =
          column === 'public' || column === 'anonymous'
            ? await call('anonymous', method, path, body?.())
            : column === 'session'
              ? await call('anonymous', method, path, body?.(), session)
              : await call(column, method, path, body?.());
        expect(r.status, `${column}: ${r.text.slice(0, 200)}`).toBe(expected[i]);
        if (r.status >= 400) expect(r.type, column).toContain('application/problem+json');
      } finally {
        if (column === 'public') await call('admin', 'PUT', `${E}/public`, { public: false });
      }
    }
  });

  it('lists only public agreements to anonymous callers, and opens one to them read-only', async () => {
    expect((await call('anonymous', 'GET', '/api/agreements')).json.agreements).toEqual([]);
    expect((await call('admin', 'PUT', `${E}/public`, { public: true })).status).toBe(200);
    expect(
      (await call('anonymous', 'GET', '/api/agreements')).json.agreements.map((a: { id: string }) => a.id),
    ).toEqual([ID]);
    expect((await call('anonymous', 'GET', `${E}/status`)).status).toBe(200);
    expect((await call('anonymous', 'POST', `${E}/events`, talks('public-write'))).status).toBe(401);
    expect((await call('admin', 'PUT', `${E}/public`, { public: false })).status).toBe(200);
    expect((await call('anonymous', 'GET', `${E}/status`)).status).toBe(401);
  });
});

describe('writes', () => {
  const E = `/api/agreements/${ID}`;

  it('never duplicates a retried append: by event id, or by Idempotency-Key for events without one', async () => {
    const first = await call('editor', 'POST', `${E}/events`, { events: [talks('retry-1')] });
    expect(first.status).toBe(201);
    const again = await call('editor', 'POST', `${E}/events`, { events: [talks('retry-1')] });
    expect(again).toMatchObject({ status: 200, json: { appended: [], skipped: ['retry-1'] } });
    const { id: _none, ...noId } = talks('unused');
    const keyed = await call('editor', 'POST', `${E}/events`, noId, { 'idempotency-key': 'report-42' });
    expect(keyed.status).toBe(201);
    const retried = await call('editor', 'POST', `${E}/events`, noId, { 'idempotency-key': 'report-42' });
    expect(retried.status).toBe(200);
    expect(retried.json.skipped).toEqual([keyed.json.appended[0].id]);
  });

  it('records who wrote what in the audit trail, which admins read', async () => {
    await call('editor', 'POST', `${E}/events`, talks('audited-1'));
    const trail = await call('admin', 'GET', '/api/audit?limit=50');
    expect(trail.json.entries).toContainEqual(
      expect.objectContaining({
        actor: 'an editor',
        action: 'append-events',
        agreement: ID,
        detail: { ids: ['audited-1'] },
      }),
    );
  });

  it('revokes a token: it is refused from then on, listed as revoked, and the revocation is audited', async () => {
    const made = await call('admin', 'POST', '/api/tokens', { name: 'a script to retire', role: 'editor' });
    expect(made.status).toBe(201);
    const { id, token } = made.json as { id: string; token: string };
    const asRetired = (path: string) =>
      fetch(`${ex.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asRetired(`/api/agreements/${ID}`)).status).toBe(200);
    const listed = await call('admin', 'GET', '/api/tokens');
    const entry = listed.json.tokens.find((t: { id: string }) => t.id === id);
    expect(entry).toMatchObject({ name: 'a script to retire', role: 'editor', revokedAt: null });
    // The list never shows a token itself.
    expect(listed.text).not.toContain(token);
    expect((await call('admin', 'DELETE', `/api/tokens/${id}`)).status).toBe(204);
    const refused = await asRetired(`/api/agreements/${ID}`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toContain('revoked');
    const after = (await call('admin', 'GET', '/api/tokens')).json.tokens.find(
      (t: { id: string }) => t.id === id,
    );
    expect(Date.parse(after.revokedAt)).toBeGreaterThan(Date.parse(after.createdAt) - 1);
    // Revoking again changes nothing and is not recorded twice.
    expect((await call('admin', 'DELETE', `/api/tokens/${id}`)).status).toBe(204);
    const trail = (await call('admin', 'GET', '/api/audit?limit=1000')).json.entries.filter(
      (e: { action: string; detail: { id?: string } }) => e.action === 'revoke-token' && e.detail.id === id,
    );
    expect(trail).toHaveLength(1);
    expect(trail[0].actor).toBe('first admin');
  });

  it('pages through events with a cursor', async () => {
    const first = await call('viewer', 'GET', `${E}/events?limit=10`);
    expect(first.json.events).toHaveLength(10);
    const second = await call('viewer', 'GET', `${E}/events?limit=10&cursor=${first.json.next}`);
    expect(second.json.events[0].seq).toBe(first.json.events[9].seq + 1);
    const releases = await call('viewer', 'GET', `${E}/events?type=release&limit=1000`);
    expect(releases.json.events.every((e: { event: { type: string } }) => e.event.type === 'release')).toBe(
      true,
    );
  });
});

describe('person-level fields', () => {
  const E = `/api/agreements/${ID}`;
  const secret = 'Person Name For The Test';

  it('reach editors and admins, never viewers or the public, in events or exports', async () => {
    const posted = await call(
      'editor',
      'POST',
      `${E}/events`,
      talks('with-persons', { persons: [{ name: secret }] }),
    );
    expect(posted.status).toBe(201);
    const read = async (who: Who, path: string) => (await call(who, 'GET', path)).text;
    expect(await read('editor', `${E}/events?limit=1000`)).toContain(secret);
    expect(await read('admin', `${E}/export.jsonl`)).toContain(secret);
    expect(await read('viewer', `${E}/events?limit=1000`)).not.toContain(secret);
    expect(await read('viewer', `${E}/export.jsonl`)).not.toContain(secret);
    expect(await read('viewer', `${E}/export.csv`)).not.toContain(secret);
    await call('admin', 'PUT', `${E}/public`, { public: true });
    try {
      for (const path of [`${E}/events?limit=1000`, `${E}/export.jsonl`, `${E}/export.csv`, `${E}/status`, E])
        expect(await read('anonymous', path), path).not.toContain(secret);
    } finally {
      await call('admin', 'PUT', `${E}/public`, { public: false });
    }
  });
});

describe('explain and the status stream', () => {
  const E = `/api/agreements/${ID}`;

  it('explains an obligation as `truce explain --json` does, and says which obligations exist', async () => {
    const status = await call('viewer', 'GET', `${E}/status?asOf=2023-12-01T12:00:00%2B02:00`);
    const obligation = status.json.obligations[0].id as string;
    const r = await call('viewer', 'GET', `${E}/explain/${obligation}?asOf=2023-12-01T12:00:00%2B02:00`);
    expect(r.status).toBe(200);
    expect(r.json.obligation).toEqual(status.json.obligations[0]);
    expect(r.json.explanation.length).toBeGreaterThan(0);
    const missing = await call('viewer', 'GET', `${E}/explain/no-such-obligation`);
    expect(missing).toMatchObject({ status: 404, type: 'application/problem+json' });
    expect(missing.json.errors[0].message).toContain(obligation);
    expect((await call('anonymous', 'GET', `${E}/explain/${obligation}`)).status).toBe(401);
  });

  it('sends a status event at once and another after an append', async () => {
    expect((await call('anonymous', 'GET', `${E}/stream`)).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(`${ex.server.url}${E}/stream`, {
      headers: { authorization: `Bearer ${ex.tokens.viewer}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    /** The next complete SSE message's fields. */
    const next = async () => {
      while (!buffer.includes('\n\n')) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
      }
      const end = buffer.indexOf('\n\n');
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of message.split('\n')) {
        const colon = line.indexOf(':');
        fields[line.slice(0, colon)] = (fields[line.slice(0, colon)] ?? '') + line.slice(colon + 1).trim();
      }
      return fields;
    };
    try {
      const first = await next();
      expect(first.event).toBe('status');
      expect(JSON.parse(first.data!).agreement.id).toBe(ID);
      const posted = await call('editor', 'POST', `${E}/events`, talks('streamed-1'));
      expect(posted.status).toBe(201);
      const second = await next();
      expect(second.event).toBe('status');
      expect(Number(second.id)).toBe(posted.json.appended[0].seq);
    } finally {
      controller.abort();
    }
  });
});

describe('events between times', () => {
  it('filters by when events were stored, and refuses a time that is not RFC 3339', async () => {
    const E = `/api/agreements/${ID}`;
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('viewer', 'GET', `${E}/events?from=${future}`)).json.events).toEqual([]);
    const before = await call('viewer', 'GET', `${E}/events?to=${future}&limit=1`);
    expect(before.json.events).toHaveLength(1);
    const bad = await call('viewer', 'GET', `${E}/events?from=yesterday`);
    expect(bad).toMatchObject({ status: 400, json: { errors: [{ path: ['from'] }] } });
  });
});

describe('the front page', () => {
  it('serves the built dashboard when there is one, with the API beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
    const web = await startServer(ex.store, { port: 0, webRoot: dir, log: () => {} });
    try {
      const page = await fetch(`${web.url}/`);
      expect(await page.text()).toContain('<title>dashboard</title>');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect((await fetch(`${web.url}/openapi.json`)).status).toBe(200);
      expect((await fetch(`${web.url}/missing.js`)).headers.get('content-type')).toContain('problem+json');
    } finally {
      await web.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends /public/{id} to the dashboard’s public view', async () => {
    const r = await fetch(`${ex.server.url}/public/${ID}`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`/#/public/${ID}`);
  });

  it('serves a plain page linking the API reference when there is no dashboard', async () => {
    const page = await call('anonymous', 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs');
  });
});

describe('web sessions', () => {
  const E = `/api/agreements/${ID}`;
  const signIn = (base: string, email: string, password: string) =>
    fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('signs in with a password into an HttpOnly SameSite=Strict cookie whose writes need the CSRF token', async () => {
    expect((await signIn(ex.server.url, 'admin@example.org', 'not the password')).status).toBe(401);
    const response = await signIn(ex.server.url, 'admin@example.org', 'a long admin password');
    expect(response.status).toBe(201);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const { csrf, role } = (await response.json()) as { csrf: string; role: string };
    expect(role).toBe('admin');
    const cookie = setCookie.split(';')[0]!;
    const me = await call('anonymous', 'GET', '/api/session', undefined, { cookie });
    expect(me.json).toEqual({ name: 'admin@example.org', role: 'admin', csrf });
    expect((await call('anonymous', 'GET', E, undefined, { cookie })).status).toBe(200);
    const noCsrf = await call('anonymous', 'POST', `${E}/events`, talks('session-1'), { cookie });
    expect(noCsrf).toMatchObject({ status: 403, type: 'application/problem+json' });
    const withCsrf = await call('anonymous', 'POST', `${E}/events`, talks('session-1'), {
      cookie,
      'x-csrf-token': csrf,
    });
    expect(withCsrf.status).toBe(201);
    const trail = await call('admin', 'GET', '/api/audit');
    expect(trail.json.entries[0]).toMatchObject({ actor: 'admin@example.org', action: 'append-events' });
    expect(
      (await call('anonymous', 'DELETE', '/api/session', undefined, { cookie, 'x-csrf-token': csrf })).status,
    ).toBe(204);
    expect((await call('anonymous', 'GET', E, undefined, { cookie })).status).toBe(401);
  });

  it('signs in accounts an admin makes, with their role', async () => {
    const made = await call('admin', 'POST', '/api/users', {
      email: 'viewer@example.org',
      role: 'viewer',
      password: 'a viewer password',
    });
    expect(made.status).toBe(201);
    const response = await signIn(ex.server.url, 'viewer@example.org', 'a viewer password');
    const { csrf } = (await response.json()) as { csrf: string };
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const write = await call('anonymous', 'POST', `${E}/events`, talks('session-2'), {
      cookie,
      'x-csrf-token': csrf,
    });
    expect(write.status).toBe(403);
    const short = await call('admin', 'POST', '/api/users', {
      email: 'x@example.org',
      role: 'viewer',
      password: 'short',
    });
    expect(short).toMatchObject({ status: 400, json: { errors: [{ path: ['password'] }] } });
  });

  it('answers 429 after repeated failed sign-ins, with Retry-After', async () => {
    const own = await startServer(ex.store, { port: 0, log: () => {} });
    try {
      for (let i = 0; i < 5; i++)
        expect((await signIn(own.url, 'admin@example.org', `wrong ${i}`)).status).toBe(401);
      const blocked = await signIn(own.url, 'admin@example.org', 'a long admin password');
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });
});

describe('faults of the server', () => {
  it('answers 500 as a problem document that blames nothing the caller sent', async () => {
    const broken = await openStore();
    const own = await startServer(broken, { port: 0, adminToken: 'fault-token', log: () => {} });
    await broken.close();
    const quiet = console.error;
    console.error = () => {};
    try {
      const r = await fetch(`${own.url}/api/agreements`, {
        headers: { authorization: 'Bearer fault-token' },
      });
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(await r.json()).toMatchObject({ status: 500, title: 'Internal server error' });
    } finally {
      console.error = quiet;
      await own.close();
    }
  });
});
