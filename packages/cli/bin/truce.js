#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx truce` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
// A dynamic import, so that it happens after the loader is registered.
await import('../src/main.ts');
