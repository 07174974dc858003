import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { compileStylesheet } from '../../src/transform/compile-stylesheet.js';
import { saveCache } from '../../src/pipeline/build-cache.js';
import { stampOutputs } from '../../src/pipeline/commit.js';
import { writeOutputs } from '../../src/pipeline/outputs.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import type { SourceDocument } from '../../src/core/document.js';
import { documentFromBytes } from '../../src/validate/validator.js';
import { documentPool, renderCorpus } from '../../src/transform/render.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import { stylesheetParams, type CompiledStylesheets } from '../../src/transform/stylesheets.js';
import { generateCorpus } from '../support/corpus.js';
import { repoRoot, tempProject } from '../support/cli.js';

// The corpus pages read each document's summary, kept with its HTML outputs, instead of every
// document parsed at once. What they show must not change: the same bytes as the stylesheet wrote
// from the whole documents before (the fixture), and as it writes from them now.
const PAGES = ['index.html', 'persons.html', 'places.html', 'orgs.html', 'events.html'];
const FIXTURE = join(repoRoot, 'test', 'fixtures', 'corpus-pages-of-eight-generated-documents');

/** Warm tools that count the documents (not registers) parsed for saxon-js. */
class CountingTools extends WarmTools {
  parsedDocuments: string[] = [];
  override parse(doc: SourceDocument, hash: string) {
    if (!doc.path.includes('/register/')) this.parsedDocuments.push(doc.path);
    return super.parse(doc, hash);
  }
}

async function build(project: ReturnType<typeof openProject>, tools: WarmTools, force: boolean, jobs: number) {
  const b = await buildEdition(project, tools, { force, jobs });
  await writeOutputs(project.outDir, b.outputs);
  await stampOutputs(project.outDir, b.cache);
  await saveCache(project.buildCacheFile, b.cache);
  return b;
}

describe('corpus pages from the summaries', () => {
  let project: ReturnType<typeof openProject>;
  const page = (name: string) => readFileSync(join(project.outDir, 'html', name), 'utf8');

  beforeAll(async () => {
    const root = tempProject({}, { registers: false });
    await generateCorpus(8, root);
    project = { ...openProject(root), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
    // Eight documents on two threads: the summaries come back from the render workers.
    const first = await build(project, new WarmTools(project), true, 2);
    expect(first.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    expect(first.stats.rendered).toBe(8);
  }, 600_000);

  it('are byte-identical to those the stylesheet wrote from the whole documents before summaries', () => {
    for (const name of PAGES) expect(page(name), name).toBe(readFileSync(join(FIXTURE, name), 'utf8'));
  });

  it('follow a changed header without parsing the unchanged documents, as the whole documents would show it', async () => {
    const file = join(project.root, 'tei', 'bench-00003.xml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('<title type="main">Record 3 of', '<title type="main">Revised record 3 of'),
    );
    const tools = new CountingTools(project);
    const b = await build(project, tools, false, 1);
    expect(b.stats.rendered).toBe(1);
    expect(tools.parsedDocuments).toEqual([file]);
    expect(page('index.html')).toContain('Revised record 3 of');
    expect(page('persons.html')).toContain('Revised record 3 of');

    // The same pages made the old way, from every document parsed: the summaries kept for the other
    // seven documents in the build cache say what the documents say.
    const docs = await Promise.all(
      b.docs.map(async (d) => {
        const doc = documentFromBytes(project, d.path, readFileSync(d.path));
        doc.saxonDoc = await parseForSaxon(doc.xmlText ?? doc.text, doc.path);
        return doc;
      }),
    );
    const isRegister = (p: string) => p.includes('/register/');
    const documents = docs.filter((d) => !isRegister(d.file)).sort((x, y) => (x.file < y.file ? -1 : 1));
    const whole = await renderCorpus(
      { documents },
      await tools.stylesheets(),
      documentPool(docs),
      documents[0],
      stylesheetParams(project),
    );
    for (const name of PAGES) expect(page(name), name).toBe(whole!.get(`html/${name}`));
  }, 600_000);
});

// The build renders the corpus pages one at a time ($corpus-page), so that only one page's tree is in
// memory. An edition's own stylesheet may not know the parameter and write every page each time.
describe('corpus pages from a stylesheet that ignores $corpus-page', () => {
  it('are each written once, as the stylesheet writes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-page-'));
    const xsl = join(dir, 'all-at-once.xsl');
    writeFileSync(
      xsl,
      `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="corpus">
    <xsl:result-document href="index.html" method="html"><p>index</p></xsl:result-document>
    <xsl:result-document href="people.html" method="html"><p>people</p></xsl:result-document>
  </xsl:template>
</xsl:stylesheet>`,
    );
    const sefs = { html: await compileStylesheet(xsl, join(dir, 'cache')) } as CompiledStylesheets;
    const outputs = await renderCorpus({ summaries: [] }, sefs, {}, undefined);
    expect([...outputs!.keys()]).toEqual(['html/index.html', 'html/people.html']);
    expect(outputs!.get('html/people.html')).toContain('<p>people</p>');
  }, 120_000);
});
