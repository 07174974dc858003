import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceDocument } from '../../core/document.js';
import { sha256 } from '../../core/fingerprint.js';
import type { Project } from '../../core/project.js';
import {
  documentPool,
  renderCorpus,
  renderDocument,
  type Outputs,
  type StylesheetParams,
} from '../../transform/render.js';
import type { CompiledStylesheets } from '../../transform/stylesheets.js';
import type { BuildCache } from '../build-cache.js';
import type { WarmTools } from '../warm-tools.js';
import { unstamped, type OutputCollector } from './output-collector.js';
import { stampsHold, type RenderPlan } from './plan-renders.js';
import type { SaxonPool } from './saxon-pool.js';

/**
 * Stage 6: the corpus pages (index, register pages), rendered from every current document's summary
 * (kept with its HTML outputs) when what they show changed: no document is parsed for them, so memory
 * does not grow with the edition. While a document or a register fails they keep their last good
 * version, rather than drop the failed document from the index and the registers' back-links. Returns
 * whether they are current.
 */
export async function corpusPages(
  project: Project,
  tools: WarmTools,
  plan: RenderPlan,
  pool: SaxonPool,
  hashes: ReadonlyMap<string, string>,
  cache: BuildCache,
  next: BuildCache,
  tool: string,
  params: StylesheetParams,
  collector: OutputCollector,
): Promise<boolean> {
  next.corpus = cache.corpus;
  const registers = pool.registerDocs;
  if (!project.formats.includes('html')) return true;
  if (plan.failed.size > 0 || registers.some((d) => d.hasErrors)) return false;
  const docs = [...plan.current].sort((a, b) => (a.file < b.file ? -1 : 1));
  const stylesheetHashes = await tools.stylesheetHashes();
  const key = sha256(
    tool,
    stylesheetHashes.html,
    JSON.stringify(params.html ?? {}),
    ...docs.map((d) => `${d.file}=${next.documents[d.file]?.corpusHash}`),
    ...registers.map((d) => `${d.file}=${hashes.get(d.file)}`),
  );
  if (cache.corpus?.key === key && (await stampsHold(project.outDir, cache.corpus.files))) return true;
  const sefs = await tools.stylesheets();
  const summaries = await summariesOf(docs, plan, next, pool, sefs, params);
  const reportOn: SourceDocument | undefined = registers[0] ?? docs[0];
  // With a sink, each page goes to it (and so to disk) as soon as it is made, as bytes: they are not held
  // together. Kept in memory (check, deposit: small editions), the pages come back together, as text.
  const written: string[] = [];
  const onPage = collector.inMemory
    ? undefined
    : async (page: Outputs) => {
        written.push(...page.keys());
        await collector.add(page);
      };
  let outputs;
  if (summaries)
    outputs = await renderCorpus({ summaries }, sefs, await pool.withRegisters(), reportOn, params, onPage);
  else {
    // An edition's own HTML stylesheet that writes no summaries: its corpus template reads the documents.
    await Promise.all(docs.map((d) => pool.ensureParsed(d)));
    const documents = { ...(await pool.withRegisters()), ...documentPool(docs) };
    outputs = await renderCorpus({ documents: docs }, sefs, documents, reportOn, params, onPage);
  }
  if (!outputs) return true;
  written.push(...outputs.keys());
  await collector.add(outputs);
  next.corpus = { key, files: unstamped(written) };
  return true;
}

/**
 * Each document's summary: the one kept with its HTML outputs when they are current, else made now
 * (a build limited with `only` to other documents), one document parsed at a time. Null when some
 * document has none (the HTML stylesheet writes none).
 */
async function summariesOf(
  docs: readonly SourceDocument[],
  plan: RenderPlan,
  next: BuildCache,
  pool: SaxonPool,
  sefs: CompiledStylesheets,
  params: StylesheetParams,
): Promise<string[] | null> {
  const summaries: string[] = [];
  for (const doc of docs) {
    const html = next.documents[doc.file]?.outputs['html'];
    let summary = html && html.key === plan.htmlKeys.get(doc.file) ? html.summary : undefined;
    if (summary === undefined) {
      const parsed = doc.saxonDoc;
      await pool.ensureParsed(doc);
      summary = renderDocument(doc, sefs, await pool.withRegisters(), ['html'], params)?.summary;
      doc.saxonDoc = parsed;
    }
    if (summary === undefined) return null;
    summaries.push(summary);
  }
  return summaries;
}

/** The HTML assets (CSS) shipped with the stylesheets, copied as they are. */
export async function copyAssets(project: Project, collector: OutputCollector): Promise<void> {
  const dir = join(project.packageDir, 'xslt', 'html', 'assets');
  const out: Outputs = new Map();
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = join(e.parentPath, e.name);
    out.set('html/assets/' + relative(dir, abs).split(sep).join('/'), await readFile(abs, 'utf8'));
  }
  await collector.add(out);
}
