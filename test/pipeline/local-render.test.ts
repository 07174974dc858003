import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import * as render from '../../src/transform/render.js';
import { repoRoot } from '../support/cli.js';
import { generateCorpus } from '../support/corpus.js';

// Counts the renders made in this thread (the workers load their own copy of render.js).
vi.mock('../../src/transform/render.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/transform/render.js')>();
  return { ...original, renderDocument: vi.fn(original.renderDocument) };
});

// With --jobs 2 a build renders on one worker thread and on its own thread, not on two workers beside
// an idle one: each worker is a saxon-js with its own stylesheets and registers (300 documents: peak RSS
// 442-446 -> 374-378 MB, no slower).
const dir = mkdtempSync(join(tmpdir(), 'local-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rendering on the building thread too', () => {
  it('shares the documents between this thread and one worker, and renders every one once', async () => {
    await generateCorpus(16, dir);
    const project = { ...openProject(dir), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
    const written: string[] = [];
    const build = await buildEdition(project, new WarmTools(project), {
      force: true,
      jobs: 2,
      sink: async (outputs) => {
        written.push(...outputs.keys());
      },
    });
    expect(build.stats.rendered).toBe(16);
    const html = written.filter((p) => /^html\/bench-\d+\.html$/.test(p));
    expect(html).toHaveLength(16);
    expect(new Set(html).size).toBe(16);
    // Documents rendered here (the corpus pages are rendered by renderCorpus, not counted).
    const here = vi.mocked(render.renderDocument).mock.calls.length;
    expect(here).toBeGreaterThan(0);
    expect(here).toBeLessThan(16);
  });
});
