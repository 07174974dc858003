import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The run's temporary folder (test/support/temporary-root.ts): what the tests and the processes they start
// make in the system's temporary folder lands in it, and goes when the run ends.
describe("the test run's temporary folder", () => {
  const root = process.env['TEI_PIPELINE_TEST_ROOT'];

  it('holds what a test makes with os.tmpdir()', () => {
    expect(root, 'vitest.config.ts names test/support/temporary-root.ts as its global setup').toMatch(
      /tei-pipeline-tests-/,
    );
    expect(mkdtempSync(join(tmpdir(), 'made-here-')).startsWith(root! + sep)).toBe(true);
  });

  it('is the temporary folder of a process a test starts', () => {
    const child = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' });
    expect(child.trim()).toBe(root);
  });
});
