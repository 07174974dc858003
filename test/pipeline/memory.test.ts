import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { repoRoot } from '../support/cli.js';

// Found by the 1,000-document bench: the render workers ran out of memory. Each transform left its key()
// indexes on the registers every render shares, and a one-thread build kept every document's parse.
// What a build holds once it is done must not grow with the number of documents it rendered.
const dir = mkdtempSync(join(tmpdir(), 'memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a build holds nothing per rendered document', () => {
  it('keeps no parse of a rendered document and no index on the shared registers', async () => {
    // @ts-expect-error: the corpus generator is plain JavaScript in bench/
    const { generateCorpus } = (await import('../../bench/generate-corpus.mjs')) as {
      generateCorpus(n: number, dir: string): void;
    };
    generateCorpus(6, dir);
    const project = { ...openProject(dir), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
    const build = await buildEdition(project, new WarmTools(project), { force: true, jobs: 1, sink: async () => {} });
    const documents = build.docs.filter((d) => !d.file.includes('/register/'));
    expect(documents).toHaveLength(6);
    expect(build.stats.rendered).toBe(6);
    expect(documents.filter((d) => d.saxonDoc !== null)).toEqual([]);
    const registers = build.docs.filter((d) => d.file.includes('/register/') && d.saxonDoc);
    expect(registers.length).toBeGreaterThan(0);
    for (const r of registers) expect(Object.keys(r.saxonDoc as object), r.file).not.toContain('_saxonIndexes');
  });
});
