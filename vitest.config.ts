import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The longest file (two commands killed 10 times each, ~1 min) starts first: started last, it would run on
// alone while the other worker has nothing left (vitest orders by past durations, which a fresh clone lacks).
const LONGEST_FIRST = ['test/security/kill.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

// Test files that replace a module for their own tests (vi.mock): they need a module registry of their
// own, so they run isolated. Every other file shares its worker's modules with the files before it.
const OWN_MODULES = [
  'test/core/io-failure.test.ts',
  'test/pipeline/warm-up.test.ts',
  'test/pipeline/local-render.test.ts',
];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on the 2-core machines this project runs
    // on (CI and ours) that is one file at a time, with a core idle while a file waits on chromium,
    // a spawned CLI or a reference tool. Two files at a time keep both cores busy.
    maxWorkers: 2,
    // One temporary folder per run, removed at its end (test/support/temporary-root.ts).
    globalSetup: ['test/support/temporary-root.ts'],
    sequence: { sequencer: LongestFirst },
    // End-to-end tests start the CLI and saxon-js; the first compiles stylesheets (cached afterwards).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: OWN_MODULES,
          // Loading saxon-js, playwright-core and ajv again for each of ~70 files cost ~85 s of the suite.
          // Nothing a test depends on is kept in a module between files: the CLI's run state lives in
          // its context (src/cli/context.ts), the read gate and the warning base are set by each run.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: OWN_MODULES, isolate: true } },
    ],
  },
});
