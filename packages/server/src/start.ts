import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '@truce/store';
import { type AppOptions, createApp } from './app.ts';
import { createToken, noTokens } from './auth.ts';

export interface ServerOptions extends AppOptions {
  /** The port (0 for any free one). */
  readonly port: number;
  /** The host name to listen on (default: all). */
  readonly hostname?: string;
  /** An admin token to create on the first run instead of a random one (from TRUCE_ADMIN_TOKEN). */
  readonly adminToken?: string;
  /** Where the first run's admin token is told, once. */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the API over `store`. On the first run (no token yet) it makes an admin token: the one given,
 * else a random one printed once through `log`.
 */
export async function startServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (await noTokens(store.database)) {
    const token = await createToken(store.database, 'first admin', 'admin', options.adminToken);
    if (options.adminToken === undefined)
      log(`First run: an admin token was made. It is shown once; keep it:\n  ${token}`);
    else log('First run: the admin token from TRUCE_ADMIN_TOKEN was stored (as a hash).');
  }
  const app = createApp(store, options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) },
      (info: AddressInfo) => {
        const host = options.hostname ?? 'localhost';
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
    server.on('error', reject);
  });
}
