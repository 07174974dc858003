import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: every temporary folder the tests make (theirs, the CLI's they start, the
 * reference tools') goes under one folder of this run, removed when the run ends, so that a run
 * leaves nothing in the system's temporary folder, even where a test that failed could not clean up.
 * Child processes and worker threads inherit TMPDIR, and os.tmpdir() reads it on every call.
 */
export default async function temporaryRoot(): Promise<() => Promise<void>> {
  // Each vitest project runs the global setup: the first one's folder serves them all.
  if (process.env['TEI_PIPELINE_TEST_ROOT']) return async () => undefined;
  const root = await mkdtemp(join(tmpdir(), 'tei-pipeline-tests-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  process.env['TEI_PIPELINE_TEST_ROOT'] = root;
  return async () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    delete process.env['TEI_PIPELINE_TEST_ROOT'];
    await rm(root, { recursive: true, force: true });
  };
}
