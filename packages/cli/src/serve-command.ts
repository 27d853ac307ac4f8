import { fileURLToPath } from 'node:url';
import { setPublic, startServer } from '@truce/server';
import type { Store } from '@truce/store';
import { type Command, InvalidArgumentError } from 'commander';
import { loadBundledExample } from './init-command.ts';
import { openWorkspace, workspaceLocation } from './open-workspace.ts';

/** The dashboard's build (npm run build -w @truce/web); a plain page is served at / without it. */
const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

interface ServeFlags {
  readonly port: number;
  readonly host?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

/** Adds `truce serve`. */
export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (and its reference at /api/docs) over the workspace')
    .option(
      '--port <n>',
      'the port (default: PORT, else 8080; 0 for any free one)',
      port,
      port(process.env.PORT ?? '8080'),
    )
    .option('--host <name>', 'the address to listen on (default: all)')
    .addHelpText(
      'after',
      `
A workspace that does not exist yet is created with the 2023 example, as \`truce init\` does, and the example
is opened to the public read-only (it holds aggregate public record only). On the first
run an admin account is made: TRUCE_ADMIN_EMAIL and TRUCE_ADMIN_PASSWORD if set, else "admin" with a
password printed once. Sign in with POST /api/session; TRUCE_ADMIN_TOKEN, if set, is stored as an admin
API token (Authorization: Bearer). Make accounts with POST /api/users and tokens with POST /api/tokens;
list tokens with GET /api/tokens and revoke one with DELETE /api/tokens/{id}. Anonymous callers read only
agreements opened to the public (PUT /api/agreements/{id}/public); give out http://HOST/public/{id}.
The OpenAPI document is at /openapi.json. Ctrl-C stops the server.

Examples:
  $ truce serve
  $ PORT=9000 TRUCE_DATA=/srv/truce truce serve
  $ curl -s localhost:8080/openapi.json
  $ curl -s -H "Authorization: Bearer $TOKEN" localhost:8080/api/agreements/gaza-2023-pause/status
`,
    )
    .action(async (flags: ServeFlags) => {
      const location = workspaceLocation();
      const store = await openWorkspace({ create: true, location });
      if (await isEmpty(store)) {
        const { added } = await loadBundledExample(store);
        // The example is aggregate public record with no person-level field: a first visitor sees it
        // without signing in. An admin can close it (PUT /api/agreements/{id}/public).
        await setPublic(store.database, added.id, true);
        process.stderr.write(
          `Created a workspace at ${location.label} with the example ${added.id}, open to the public read-only.\n`,
        );
      }
      // The store folds each ledger on its first read; do that now, so the first visitor does not wait on it.
      const ids = await store.database.query<{ id: string }>(
        'SELECT DISTINCT id FROM agreements ORDER BY id',
      );
      for (const { id } of ids) await store.status(id, { asOf: Date.now() });
      const server = await startServer(store, {
        port: flags.port,
        webRoot: WEB_ROOT,
        ...(flags.host ? { hostname: flags.host } : {}),
        ...(process.env.TRUCE_ADMIN_TOKEN ? { adminToken: process.env.TRUCE_ADMIN_TOKEN } : {}),
        ...(process.env.TRUCE_ADMIN_EMAIL ? { adminEmail: process.env.TRUCE_ADMIN_EMAIL } : {}),
        ...(process.env.TRUCE_ADMIN_PASSWORD ? { adminPassword: process.env.TRUCE_ADMIN_PASSWORD } : {}),
      });
      process.stderr.write(
        `Truce is serving ${location.label} at ${server.url} (API reference: ${server.url}/api/docs)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}

async function isEmpty(store: Store): Promise<boolean> {
  const [row] = await store.database.query<{ n: number | string }>('SELECT count(*) AS n FROM agreements');
  return Number(row?.n ?? 0) === 0;
}
