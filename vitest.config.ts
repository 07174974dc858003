import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default is one worker fewer than the cores: on the 2-core machines this project runs
    // on (CI and ours) that is one file at a time, with a core idle while a file waits on chromium,
    // a spawned CLI or a reference tool. Two files at a time keep both cores busy.
    maxWorkers: 2,
    // End-to-end tests start the CLI and saxon-js; the first compiles stylesheets (cached afterwards).
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
