import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceDocument } from './document.js';
import { discover, type Project } from './project.js';
import type { Validator } from '../validate/validator.js';
import { compileStylesheets, type CompiledStylesheets } from '../transform/stylesheets.js';
import { documentPool, renderCorpus, renderDocument, type Outputs } from '../transform/render.js';
import { existingOutputs } from './outputs.js';

export interface EditionBuild {
  /** Every file of the edition that was validated, registers included, with diagnostics. */
  docs: SourceDocument[];
  /** What the build produced, by path relative to the output folder. */
  outputs: Outputs;
  /** Outputs of documents that failed: these keep their last good version on disk. */
  kept: (path: string) => boolean;
  diagnostics: import('./diagnostic.js').Diagnostic[];
}

export function isRegister(project: Project, doc: SourceDocument): boolean {
  return doc.file.startsWith(`${project.teiDir}/register/`);
}

/**
 * Validate the whole edition and render, in memory, every output of the documents that validate:
 * per document html/text/cite, the corpus pages, and the HTML assets. Nothing is written here.
 */
export async function buildEdition(project: Project, validator: Validator, only: readonly string[] = [], sefs?: CompiledStylesheets): Promise<EditionBuild> {
  const found = await discover(project, []);
  const stylesheets = sefs ?? (await compileStylesheets(project));
  const docs = await validator.validate(found.files);
  const onlyIds = new Set(only.map((p) => p.replace(/^.*\//, '').replace(/\.xml$/i, '')));
  const pool = documentPool(docs);
  const outputs: Outputs = new Map();
  const failedIds = new Set<string>();
  const built: SourceDocument[] = [];
  for (const doc of docs) {
    if (isRegister(project, doc)) continue;
    if (doc.hasErrors || !doc.saxonDoc) {
      failedIds.add(doc.id);
      continue;
    }
    if (onlyIds.size > 0 && !onlyIds.has(doc.id)) {
      built.push(doc);
      continue;
    }
    const rendered = renderDocument(doc, stylesheets, pool);
    if (!rendered) failedIds.add(doc.id);
    else {
      for (const [k, v] of rendered) outputs.set(k, v);
      built.push(doc);
    }
  }
  // The corpus pages draw on every document: while one fails they keep their last good version
  // too, rather than drop the failed document from the index and the registers' back-links.
  const corpusOk = failedIds.size === 0 && docs.filter((d) => isRegister(project, d)).every((d) => !d.hasErrors);
  if (corpusOk) {
    const corpus = renderCorpus(built, stylesheets, pool, docs.find((d) => isRegister(project, d)));
    if (corpus) for (const [k, v] of corpus) outputs.set(k, v);
  }
  for (const [k, v] of await assets(project)) outputs.set(k, v);
  const corpusPage = (p: string) => /^html\/(index|persons|places|orgs)\.html$/.test(p);
  return {
    docs,
    outputs,
    diagnostics: found.diagnostics,
    kept: (path) => {
      const name = path.replace(/^.*\//, '');
      if (!corpusOk && corpusPage(path)) return true;
      if (onlyIds.size > 0 && !path.startsWith('html/assets/') && !corpusPage(path)) return ![...onlyIds].some((id) => name.startsWith(id + '.'));
      return [...failedIds].some((id) => name.startsWith(id + '.'));
    },
  };
}

/** The HTML assets (CSS) shipped with the stylesheets, copied as they are. */
async function assets(project: Project): Promise<Outputs> {
  const dir = join(project.packageDir, 'xslt', 'html', 'assets');
  const out: Outputs = new Map();
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = join(e.parentPath, e.name);
    out.set('html/assets/' + relative(dir, abs).split(sep).join('/'), await readFile(abs, 'utf8'));
  }
  return out;
}

/** Files under out/ that a full build would not produce and that belong to no failed document. */
export async function staleOutputs(outDir: string, build: EditionBuild): Promise<string[]> {
  return (await existingOutputs(outDir)).filter((p) => !build.outputs.has(p) && !build.kept(p));
}
