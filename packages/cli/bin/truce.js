#!/usr/bin/env -S node --max-semi-space-size=64
// A larger young generation (64 MB): an import of a million events otherwise spends most of its time in scavenges.
// Runs the TypeScript sources through tsx, so `npx truce` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
// A dynamic import, so that it happens after the loader is registered.
await import('../src/main.ts');
