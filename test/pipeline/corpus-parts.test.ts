import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject, type Project } from '../../src/core/project.js';
import type { SourceDocument } from '../../src/core/document.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { corpusInParts } from '../../src/transform/corpus-parts.js';
import { mentionsOnly, readSummary, registersOnly, skeleton } from '../../src/transform/corpus-summary.js';
import { documentPool, renderCorpus, renderDocument } from '../../src/transform/render.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import { stylesheetParams, type CompiledStylesheets } from '../../src/transform/stylesheets.js';
import { documentFromBytes } from '../../src/validate/validator.js';
import { generateCorpus } from '../support/corpus.js';
import { repoRoot, tempProject } from '../support/cli.js';

// A large edition's corpus pages are made in parts (a frame, then a few items per transform, each given
// only the summaries its items read), so that memory holds a few items' trees and not a page's. The
// pages must be the bytes the stylesheet writes when it makes them whole, wherever the parts are cut.
const PAGES = ['index.html', 'persons.html', 'places.html', 'orgs.html', 'events.html'];

describe('corpus pages made in parts', () => {
  let project: Project;
  let sefs: CompiledStylesheets;
  let registers: Record<string, unknown>;
  let documents: SourceDocument[];
  let summaries: string[];
  let whole: Map<string, string | Uint8Array>;

  beforeAll(async () => {
    const root = tempProject({}, { registers: false });
    await generateCorpus(6, root);
    project = { ...openProject(root), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
    sefs = await new WarmTools(project).stylesheets();
    const parsed = async (path: string) => {
      const doc = documentFromBytes(project, path, readFileSync(path));
      doc.saxonDoc = await parseForSaxon(doc.xmlText ?? doc.text, doc.path);
      return doc;
    };
    const registerDir = join(root, 'tei', 'register');
    registers = documentPool(await Promise.all(readdirSync(registerDir).map((f) => parsed(join(registerDir, f)))));
    const files = readdirSync(join(root, 'tei')).filter((f) => f.endsWith('.xml'));
    documents = await Promise.all(files.sort().map((f) => parsed(join(root, 'tei', f))));
    const params = stylesheetParams(project);
    summaries = documents.map((d) => renderDocument(d, sefs, registers as never, ['html'], params)!.summary!);
    // The same pages made whole, from every document parsed (the way of an edition's own stylesheet).
    whole = (await renderCorpus(
      { documents },
      sefs,
      { ...registers, ...documentPool(documents) } as never,
      documents[0],
      params,
    ))!;
    expect([...whole.keys()].sort()).toEqual(PAGES.map((p) => `html/${p}`).sort());
  }, 600_000);

  for (const bound of [1, 7, 2000])
    it(`are the bytes of the pages made whole, with parts of ${bound} item(s) and back-links`, async () => {
      const pages = new Map<string, string>();
      const handed = async (href: string, content: string | Uint8Array) =>
        void pages.set(href, typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
      const inParts = await corpusInParts(
        summaries,
        sefs,
        registers as never,
        stylesheetParams(project).html!,
        handed,
        bound,
      );
      expect(inParts).toBe(true);
      expect([...pages.keys()]).toEqual(PAGES);
      for (const name of PAGES) expect(pages.get(name), name).toBe(whole.get(`html/${name}`));
    }, 120_000);

  it('are handed on one at a time when the build asks, so that their text is not held together', async () => {
    const handed: string[][] = [];
    const left = await renderCorpus(
      { summaries },
      sefs,
      registers as never,
      documents[0],
      stylesheetParams(project),
      async (page) => {
        handed.push([...page.keys()]);
        // Handed on as the bytes of the page made whole.
        for (const [path, content] of page)
          expect(Buffer.from(content).equals(Buffer.from(whole.get(path)!)), path).toBe(true);
      },
    );
    expect(handed).toEqual(PAGES.map((p) => [`html/${p}`]));
    expect(left?.size).toBe(0);
  }, 120_000);

  it('give each part only the mentions of its own entries', () => {
    const parts = summaries.map((s) => readSummary(s));
    const all = new Set(parts.flatMap((p) => p.mentionEntries));
    expect(all.has('dobrynin') && all.has('moscow')).toBe(true);
    const cut = readSummary(mentionsOnly(parts[0]!, new Set(['dobrynin'])));
    expect(cut.mentionEntries).toEqual(['dobrynin']);
    expect(cut.attributes).toEqual(parts[0]!.attributes);
    // Only the blocks the mention is in, each with its number.
    const blocks = cut.mentionBlocks[0]!.split(' ');
    expect(cut.blockIds).toEqual(parts[0]!.blockIds.filter((b) => blocks.includes(b)));
    expect(cut.registers).toEqual([]);
    expect(readSummary(registersOnly(parts)).registers).toEqual(parts[0]!.registers);
  });
});

describe('summaries read and written again', () => {
  it('keep every attribute value, markup characters and white space included', () => {
    const title = 'A & B <"quoted"> \'single\'\tand\nlines\r';
    const text = `<summary id="x" title="${title
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(
        /\r/g,
        '&#13;',
      )}"><register uri="file:///r.xml"/><li>entry</li><mention entry="e" blocks="p1 p2"/><mention entry="f"/><block id="p1" n="1"/><block id="p2" n="2"/></summary>`;
    const read = readSummary(text);
    expect(read.attributes['title']).toBe(title);
    expect(readSummary(skeleton(read)).attributes).toEqual({ id: 'x', title });
    expect(readSummary(skeleton(read)).registers).toEqual(['file:///r.xml']);
    const cut = readSummary(mentionsOnly(read, new Set(['e'])));
    expect(cut.attributes['title']).toBe(title);
    expect(cut.mentionEntries).toEqual(['e']);
    expect(cut.blockIds).toEqual(['p1', 'p2']);
    expect(readSummary(mentionsOnly(read, new Set(['f']))).blockIds).toEqual([]);
  });

  it('refuse a summary that is not well-formed, as a hand-edited cache', () => {
    expect(() => readSummary('<summary id="x"><mention></summary>')).toThrow(/Unexpected summary in the build cache/);
  });
});
