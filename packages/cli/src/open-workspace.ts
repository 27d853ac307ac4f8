import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore, type Store } from '@truce/store';
import { CliError } from './cli-error.ts';

/** Where the workspace lives: a PostgreSQL server (`DATABASE_URL`), or a PGlite folder (`TRUCE_DATA`, else `./.truce`). */
export type WorkspaceLocation =
  | { readonly kind: 'server'; readonly url: string; readonly label: string }
  | { readonly kind: 'folder'; readonly dataDir: string; readonly label: string };

/** Reads the location from the environment; `cwd` is the folder `./.truce` is taken in. */
export function workspaceLocation(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): WorkspaceLocation {
  const url = env.DATABASE_URL;
  if (url) return { kind: 'server', url, label: 'the PostgreSQL server named by DATABASE_URL' };
  const dataDir = env.TRUCE_DATA ? resolve(cwd, env.TRUCE_DATA) : join(cwd, '.truce');
  return { kind: 'folder', dataDir, label: dataDir };
}

/** True when a PGlite workspace folder exists and is not empty (a server always counts as existing). */
export function workspaceFolderExists(location: WorkspaceLocation): boolean {
  if (location.kind === 'server') return true;
  return existsSync(location.dataDir) && readdirSync(location.dataDir).length > 0;
}

/**
 * Opens the workspace's store. Without `create`, a missing PGlite folder is a usage error pointing at
 * `truce init`, so that reading a misspelt location never creates an empty database.
 */
export async function openWorkspace(
  options: { readonly create?: boolean; readonly location?: WorkspaceLocation } = {},
): Promise<Store> {
  const location = options.location ?? workspaceLocation();
  if (!options.create && !workspaceFolderExists(location))
    throw new CliError(
      'usage',
      `no workspace at ${location.label}; run \`truce init\` there, or set TRUCE_DATA or DATABASE_URL`,
    );
  try {
    // Like `mkdir -p`: `truce init` with TRUCE_DATA=new/folder/data makes the folders on the way.
    if (options.create && location.kind === 'folder') mkdirSync(location.dataDir, { recursive: true });
    return location.kind === 'server'
      ? await openStore({ url: location.url })
      : await openStore({ dataDir: location.dataDir });
  } catch (cause) {
    throw new CliError(
      'usage',
      `cannot open the workspace at ${location.label}: ${(cause as Error).message}`,
      [],
      {
        cause,
      },
    );
  }
}

/** Opens the workspace, runs `work` on its store and closes it, whatever happens. */
export async function withWorkspace<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openWorkspace();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Fails with exit 1 unless the agreement is stored; returns its versions. */
export async function requireAgreement(store: Store, id: string) {
  const versions = await store.agreements(id);
  if (versions.length === 0)
    throw new CliError(
      'invalid',
      `no agreement \`${id}\` in the workspace; \`truce agreement list\` lists them`,
    );
  return versions;
}
