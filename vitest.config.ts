import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start the CLI and saxon-js; the first compiles stylesheets (cached afterwards).
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
