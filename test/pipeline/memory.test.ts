import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { RenderFeed } from '../../src/pipeline/stages/render-documents.js';
import { readSources, takeBytes } from '../../src/pipeline/stages/read-sources.js';
import { sha256 } from '../../src/core/fingerprint.js';
import { makeReport } from '../../src/cli/report.js';
import { human } from '../../src/cli/format/human.js';
import { repoRoot } from '../support/cli.js';
import { generateCorpus } from '../support/corpus.js';

// Found by the 1,000-document bench: the render workers ran out of memory. Each transform left its key()
// indexes on the registers every render shares, and a one-thread build kept every document's parse.
// What a build holds once it is done must not grow with the number of documents it rendered.
const dir = mkdtempSync(join(tmpdir(), 'memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a build holds nothing per rendered document', () => {
  it('keeps no parse of a rendered document and no index on the shared registers', async () => {
    await generateCorpus(6, dir);
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

  it('lets go of the text of a document built without a diagnostic, and keeps the text the report quotes', async () => {
    const edition = join(dir, 'texts');
    await generateCorpus(6, edition);
    const bad = join(edition, 'tei', 'bench-00003.xml');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('<date when="1977-02-26"/>', '<date when="1977-02-30"/>'));
    const project = { ...openProject(edition), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
    const build = await buildEdition(project, new WarmTools(project), {
      force: true,
      jobs: 1,
      letGo: true,
      sink: async () => {},
    });
    const documents = build.docs.filter((d) => !d.file.includes('/register/'));
    expect(build.stats.rendered).toBe(5);
    expect(documents.filter((d) => !d.released).map((d) => d.file)).toEqual(['tei/bench-00003.xml']);
    expect(() => documents[0]!.text).toThrow(/let go/);
    // The registers are read by every render: never let go.
    expect(build.docs.filter((d) => d.file.includes('/register/') && d.released)).toEqual([]);
    // The report still has every file, and quotes the line of the error.
    const report = makeReport(build.docs, build.diagnostics);
    expect(report.summary.files).toBe(build.docs.length);
    const printed = human(report, { color: false, toolVersion: 'test' }).stderr;
    expect(printed).toMatch(
      /tei\/bench-00003\.xml:\d+:\d+: error: .*\[tei\/date-iso\]\n.*\| +<date when="1977-02-30"\/>/,
    );
  });

  it('keeps every text when the caller did not say it reads none (deposit, check)', async () => {
    const edition = join(dir, 'kept');
    await generateCorpus(3, edition);
    const project = { ...openProject(edition), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
    const build = await buildEdition(project, new WarmTools(project), { force: true, jobs: 1 });
    expect(build.stats.rendered).toBe(3);
    expect(build.docs.filter((d) => d.released)).toEqual([]);
  });
});

describe('validation ahead of the renders', () => {
  it('waits while more than the backlog waits for a render, and not once rendering has ended', async () => {
    const feed = new RenderFeed();
    let through = false;
    const waiting = feed.room(5, 2).then(() => (through = true));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(through).toBe(false);
    feed.done();
    feed.done();
    await settle();
    expect(through).toBe(false);
    feed.done();
    await waiting;
    expect(through).toBe(true);
    // A failed render (a stylesheet that does not compile) must not leave validation waiting.
    let after = false;
    const stuck = feed.room(100, 0).then(() => (after = true));
    await settle();
    expect(after).toBe(false);
    feed.ended();
    await stuck;
    expect(after).toBe(true);
  });
});

describe('the sources between hashing and validation', () => {
  it('holds no document, only the registers, and takes a document as it is when validation reads it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sources-'));
    await generateCorpus(3, root);
    const project = openProject(root);
    const sources = await readSources(project);
    const held = sources.files.filter((s) => s.bytes !== null).map((s) => s.file);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((f) => f.startsWith('tei/register/'))).toBe(true);
    expect(sources.files.length).toBeGreaterThan(held.length + 2);

    // Edited after it was hashed: validation gets the new bytes and the build records their hash.
    const doc = sources.files.find((s) => s.file === 'tei/bench-00002.xml')!;
    const edited = readFileSync(doc.absolute, 'utf8').replace('Record 2 of', 'Edited record 2 of');
    writeFileSync(doc.absolute, edited);
    const bytes = await takeBytes(doc, sources);
    expect(bytes.toString('utf8')).toBe(edited);
    expect(sources.hashes.get(doc.file)).toBe(sha256(Buffer.from(edited)));
    expect(doc.hash).toBe(sha256(Buffer.from(edited)));
    rmSync(root, { recursive: true, force: true });
  });
});
