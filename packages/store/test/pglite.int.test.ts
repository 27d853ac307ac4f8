import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../src/index.ts';
import { describeStore } from './describe-store.ts';

// A data folder rather than memory, so reopening sees the same data (one initdb for the whole file).
const dataDir = mkdtempSync(join(tmpdir(), 'truce-store-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeStore('PGlite', { open: () => openStore({ dataDir }) });
