import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Generous: the CLI tests spawn real processes, and CI shares two cores with whatever else runs.
    testTimeout: 180_000,
    // Opening a PGlite database runs initdb, which takes seconds when other files do the same at once.
    hookTimeout: 60_000,
  },
});
