import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '@truce/store';
import { createUser, noUsers } from './accounts.ts';
import { type AppOptions, createApp } from './app.ts';
import { createToken, noTokens } from './auth.ts';

export interface ServerOptions extends AppOptions {
  /** The port (0 for any free one). */
  readonly port: number;
  /** The host name to listen on (default: all). */
  readonly hostname?: string;
  /** An admin token to create on the first run instead of a random one (from TRUCE_ADMIN_TOKEN). */
  readonly adminToken?: string;
  /** The first admin account's email and password (from TRUCE_ADMIN_EMAIL and TRUCE_ADMIN_PASSWORD). */
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  /** Where the first run's admin password is told, once. */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the API over `store`. On the first run (no account yet) it makes an admin account: with the
 * password given, else a random one printed once through `log`. An admin token given is stored when no
 * token exists yet.
 */
export async function startServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.adminToken !== undefined && (await noTokens(store.database))) {
    await createToken(store.database, 'first admin', 'admin', options.adminToken);
    log('The admin token from TRUCE_ADMIN_TOKEN was stored (as a hash).');
  }
  if (await noUsers(store.database)) {
    const email = (options.adminEmail ?? 'admin').trim().toLowerCase();
    const password = options.adminPassword ?? randomBytes(18).toString('base64url');
    await createUser(store.database, email, 'admin', password);
    if (options.adminPassword === undefined)
      log(
        `First run: made the admin account "${email}". Its password is shown once; keep it:\n  ${password}`,
      );
    else log(`First run: made the admin account "${email}" with TRUCE_ADMIN_PASSWORD.`);
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
