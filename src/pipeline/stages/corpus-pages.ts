import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceDocument } from '../../core/document.js';
import { sha256 } from '../../core/fingerprint.js';
import type { Project } from '../../core/project.js';
import { documentPool, renderCorpus, type Outputs, type StylesheetParams } from '../../transform/render.js';
import type { BuildCache } from '../build-cache.js';
import type { WarmTools } from '../warm-tools.js';
import { unstamped, type OutputCollector } from './output-collector.js';
import { stampsHold, type RenderPlan } from './plan-renders.js';
import type { SaxonPool } from './saxon-pool.js';

/**
 * Stage 6: the corpus pages (index, register pages), rendered from every current document when what they
 * show changed. While a document or a register fails they keep their last good version, rather than drop
 * the failed document from the index and the registers' back-links. Returns whether they are current.
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
  await Promise.all(docs.map((d) => pool.ensureParsed(d)));
  const reportOn: SourceDocument | undefined = registers[0] ?? docs[0];
  const outputs = renderCorpus(
    docs,
    await tools.stylesheets(),
    { ...(await pool.withRegisters()), ...documentPool(docs) },
    reportOn,
    params,
  );
  if (!outputs) return true;
  next.corpus = { key, files: unstamped(outputs.keys()) };
  await collector.add(outputs);
  return true;
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
