import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import type { Outputs } from '../../src/transform/render.js';
import { repoRoot } from '../support/cli.js';
import { generateCorpus } from '../support/corpus.js';

// watch stops a build that a newer save has made stale (build.ts, `signal`): it must stop before any
// output reaches the sink, and say that it was stopped, not that it failed.
const dir = mkdtempSync(join(tmpdir(), 'stop-build-'));
let project: ReturnType<typeof openProject>;
beforeAll(async () => {
  await generateCorpus(2, dir);
  project = { ...openProject(dir), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a stopped build', () => {
  it('stops while it validates, before it renders: nothing reaches the sink', async () => {
    const controller = new AbortController();
    const taken: Outputs[] = [];
    const build = buildEdition(project, new WarmTools(project), {
      force: true,
      signal: controller.signal,
      onValidate: () => controller.abort(),
      sink: async (outputs) => {
        taken.push(outputs);
      },
    });
    await expect(build).rejects.toMatchObject({ name: 'AbortError' });
    expect(taken).toEqual([]);
  });

  it('runs to its end when nothing stops it', async () => {
    const taken: Outputs[] = [];
    const build = await buildEdition(project, new WarmTools(project), {
      force: true,
      signal: new AbortController().signal,
      sink: async (outputs) => {
        taken.push(outputs);
      },
    });
    expect(build.stats.rendered).toBe(2);
    expect(taken.flatMap((o) => [...o.keys()])).toContain('html/bench-00001.html');
  });
});
