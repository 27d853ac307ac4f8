// A real server (an ephemeral port) over a real store (PGlite in memory) holding the 2023 example, with
// a token per role, for the API's test files.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { openStore, type Store } from '@truce/store';
import { afterAll, beforeAll } from 'vitest';
import { parse } from 'yaml';
import { createToken, type RunningServer, startServer } from '../src/index.ts';

export const ID = 'gaza-2023-pause';
const example = new URL('../../../examples/gaza-2023-pause/', import.meta.url);

export type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';

/** An answer as the tests look at it: the body as text, and as JSON when it is JSON. */
export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read answers of every shape
  readonly json: any;
}

export interface ExampleServer {
  readonly store: Store;
  readonly server: RunningServer;
  readonly tokens: Readonly<Record<Exclude<Who, 'anonymous'>, string>>;
  call(
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /**
   * A POST through node:http, which keeps the answer when the server answers before the whole body is read
   * (as it does to a body over the limit) and then closes the connection.
   */
  rawPost(
    path: string,
    body: string,
    who?: Exclude<Who, 'anonymous'>,
  ): Promise<{ status: number; type: string; text: string }>;
}

/** Starts the example server before the file's tests and stops it after them. */
export function serveExample(): ExampleServer {
  const tokens: Record<string, string> = {};
  const running: { store?: Store; server?: RunningServer } = {};
  beforeAll(async () => {
    const store = await openStore();
    running.store = store;
    const added = await store.addAgreement(
      readFileSync(new URL('agreement.yaml', example), 'utf8'),
      'agreement.yaml',
    );
    if (!added.ok) throw new Error('the example does not parse');
    const ledger = parse(readFileSync(new URL('ledger.yaml', example), 'utf8'));
    const appended = await store.append(ID, ledger.events, { sources: ledger.sources });
    if (!appended.ok) throw new Error(appended.issues[0]?.message);
    running.server = await startServer(store, {
      port: 0,
      adminToken: 'admin-secret-for-tests',
      adminEmail: 'Admin@Example.org',
      adminPassword: 'a long admin password',
      log: () => {},
    });
    tokens.admin = 'admin-secret-for-tests';
    tokens.editor = await createToken(store.database, 'an editor', 'editor');
    tokens.viewer = await createToken(store.database, 'a viewer', 'viewer');
  });
  afterAll(async () => {
    await running.server?.close();
    await running.store?.close();
  });
  const ex: ExampleServer = {
    get store() {
      return running.store!;
    },
    get server() {
      return running.server!;
    },
    tokens: tokens as ExampleServer['tokens'],
    async call(who, method, path, body, headers = {}) {
      const response = await fetch(`${ex.server.url}${path}`, {
        method,
        headers: {
          ...(who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        type,
        headers: response.headers,
        text,
        json: text !== '' && /^application\/(problem\+)?json(;|$)/.test(type) ? JSON.parse(text) : undefined,
      };
    },
    rawPost(path, body, who = 'editor') {
      return new Promise((resolve, reject) => {
        const request = http.request(`${ex.server.url}${path}`, {
          method: 'POST',
          // A fresh connection: one the server closed after refusing a body must not be reused.
          agent: false,
          headers: {
            authorization: `Bearer ${tokens[who]}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        });
        request.on('response', (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: String(response.headers['content-type']),
              text,
            }),
          );
        });
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
        });
        request.end(body);
      });
    },
  };
  return ex;
}
