import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceDocument } from '../../../src/core/document.js';
import { openProject } from '../../../src/core/project.js';
import { renderCorpus, renderDocument } from '../../../src/transform/render.js';
import { parseForSaxon, type SaxonDocument } from '../../../src/transform/saxon.js';
import { compileStylesheets } from '../../../src/transform/stylesheets.js';
import { repoRoot, tempProject } from '../../support/cli.js';
import { OUT_HTML } from './browser.js';

export const HOSTILE_ID = 'hostile-content';
export const HOSTILE_TEI = join(repoRoot, 'test', 'fixtures', 'hostile-content', 'tei', `${HOSTILE_ID}.xml`);

export interface HostileBuild {
  /** The output folder: html/ (record, index, registers, assets/) and cite/, text/. */
  out: string;
  /** The HTML pages written, file names in html/. */
  pages: string[];
  remove(): void;
}

/**
 * The hostile fixture rendered by the HTML stylesheets straight from TypeScript, with the
 * edition's registers. Not through `build`: validation rightly refuses its javascript: URIs,
 * and the point is that the stylesheets are safe on their own. The record page and the corpus
 * pages go to a temporary out/html, with the committed out/html/assets beside them.
 */
export async function renderHostile(): Promise<HostileBuild> {
  const root = tempProject({ [`tei/${HOSTILE_ID}.xml`]: readFileSync(HOSTILE_TEI) });
  const sefs = await compileStylesheets(openProject(repoRoot));
  const load = async (file: string) => {
    const path = join(root, file);
    const doc = new SourceDocument(path, file, readFileSync(path, 'utf8'));
    doc.saxonDoc = await parseForSaxon(doc.text, path);
    return doc;
  };
  const doc = await load(`tei/${HOSTILE_ID}.xml`);
  const registers = await Promise.all(['persons', 'places', 'orgs'].map((r) => load(`tei/register/${r}.xml`)));
  const pool: Record<string, SaxonDocument> = {};
  for (const d of [doc, ...registers]) pool[pathToFileURL(d.path).href] = d.saxonDoc;

  const rendered = renderDocument(doc, sefs, pool);
  if (!rendered?.summary)
    throw new Error(
      `the stylesheets failed on the hostile fixture: ${doc.diagnostics.map((d) => d.message).join('; ')}`,
    );
  // The corpus pages as the build makes them: from the document's summary.
  const corpus = await renderCorpus({ summaries: [rendered.summary] }, sefs, pool, doc);
  if (!corpus)
    throw new Error(
      `the corpus stylesheet failed on the hostile fixture: ${doc.diagnostics.map((d) => d.message).join('; ')}`,
    );

  const out = join(root, 'out');
  const pages: string[] = [];
  for (const [path, content] of [...rendered.outputs, ...corpus]) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
    if (path.startsWith('html/') && path.endsWith('.html')) pages.push(path.slice('html/'.length));
  }
  cpSync(join(OUT_HTML, 'assets'), join(out, 'html', 'assets'), { recursive: true });
  return { out, pages: pages.sort(), remove: () => rmSync(root, { recursive: true, force: true }) };
}
