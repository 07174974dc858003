import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition, type EditionBuild } from '../../src/pipeline/build.js';
import { WARM_RENDERS, warmRenderPath } from '../../src/pipeline/warm-up.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import * as render from '../../src/transform/render.js';
import { repoRoot } from '../support/cli.js';
import { generateCorpus } from '../support/corpus.js';

// Counts the renders while still making them.
vi.mock('../../src/transform/render.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/transform/render.js')>();
  return { ...original, renderDocument: vi.fn(original.renderDocument) };
});

// After its first build, watch renders a document's HTML again in idle time (warm-up.ts), so that V8 has
// compiled the render path before the first save; it must stop for a change and leave the build alone.
const dir = mkdtempSync(join(tmpdir(), 'warm-up-'));
let project: ReturnType<typeof openProject>;
let tools: WarmTools;
let build: EditionBuild;
beforeAll(async () => {
  await generateCorpus(1, dir);
  project = { ...openProject(dir), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
  tools = new WarmTools(project);
  build = await buildEdition(project, tools, { force: true, sink: async () => {} });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const renders = vi.mocked(render.renderDocument);
// Braces: a function returned by beforeEach is run as its clean-up, and mockClear returns the mock.
beforeEach(() => {
  renders.mockClear();
});

describe('warming the HTML path after the first build', () => {
  it('renders a document’s HTML until the path has run WARM_RENDERS times, the first build’s renders included', async () => {
    const before = build.docs.map((d) => ({ parse: d.saxonDoc, diagnostics: d.diagnostics.length }));
    await warmRenderPath(project, tools, build.docs, 1, () => false);
    expect(renders).toHaveBeenCalledTimes(WARM_RENDERS - 1);
    for (const call of renders.mock.calls) {
      expect(call[0].file).toBe('tei/bench-00001.xml');
      expect(call[3]).toEqual(['html']);
      // Not the build's own document: a copy, parsed afresh.
      expect(build.docs).not.toContain(call[0]);
    }
    expect(
      renders.mock.results.every((r) => r.type === 'return' && r.value?.outputs.has('html/bench-00001.html')),
    ).toBe(true);
    build.docs.forEach((d, i) => {
      expect(d.saxonDoc === before[i]!.parse, d.file).toBe(true);
      expect(d.diagnostics).toHaveLength(before[i]!.diagnostics);
    });
  });

  it('stops as soon as a change comes, and does nothing once the path has run often enough', async () => {
    let asked = 0;
    await warmRenderPath(project, tools, build.docs, 0, () => ++asked > 2);
    expect(renders).toHaveBeenCalledTimes(2);
    renders.mockClear();
    await warmRenderPath(project, tools, build.docs, WARM_RENDERS, () => false);
    expect(renders).not.toHaveBeenCalled();
  });
});
