import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { SourceDocument } from '../core/document.js';
import { discover, projectPath, type Project } from '../core/project.js';
import { emptyCache, loadCache, type BuildCache, type OutputStamp } from './build-cache.js';
import { corpusFingerprint, dependenciesOf, entryHashes } from './dependencies.js';
import { sha256, toolFingerprint } from '../core/fingerprint.js';
import { existingOutputs } from './outputs.js';
import type { Workbench } from './workbench.js';
import { documentFromBytes } from '../validate/validator.js';
import { documentPool, renderCorpus, renderDocument, type Outputs } from '../transform/render.js';
import { renderInWorkers } from '../transform/render-pool.js';
import { FORMATS, type Format } from '../transform/stylesheets.js';

export interface BuildOptions {
  /** Rewrite only these documents' outputs (paths or ids); the rest of the edition is still validated. */
  only?: readonly string[];
  /** Ignore the build cache: validate and render everything (`--force`, and `check`). */
  force?: boolean;
  /** A cache kept in memory (watch); otherwise it is read from the cache folder. */
  cache?: BuildCache;
  /** Worker threads for rendering many documents (--jobs); 1 renders in this thread. */
  jobs?: number;
  /** Called as documents are rendered (progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Takes outputs as they are rendered (build: writes them); without it they are kept in `outputs`. */
  sink?: (outputs: Outputs) => Promise<void>;
}

// Below this many documents to render, starting workers costs more than it saves.
const WORKERS_FROM = 8;
// Documents validated together (one xmllint call per schema): large editions go in batches of this
// size and each batch's parsed trees are let go, which bounds memory.
const VALIDATION_BATCH = 250;

export interface BuildStats {
  validated: number;
  rendered: number;
  skipped: number;
}

export interface EditionBuild {
  /** Every file of the edition, registers included, with its diagnostics (fresh or from the cache). */
  docs: SourceDocument[];
  diagnostics: Diagnostic[];
  /** What this run rendered, by path relative to the output folder (empty when a sink took them). */
  outputs: Outputs;
  /** Every output the edition has now: rendered this run, or unchanged since the cached build. */
  expected: Set<string>;
  /** Outputs of documents that failed (and corpus pages while one fails): they keep their last good version. */
  kept: (path: string) => boolean;
  /** The cache to save once the outputs are written (stamps are filled in by stampOutputs). */
  cache: BuildCache;
  stats: BuildStats;
}

export function isRegisterFile(project: Project, file: string): boolean {
  return file.startsWith(`${project.teiDir}/register/`);
}

const CORPUS_PAGE = /^html\/(index|persons|places|orgs)\.html$/;

interface SourceFile {
  absolute: string;
  file: string;
  bytes: Buffer;
  hash: string;
}

/**
 * Validate the edition and render, in memory, what changed since the last build: a document is
 * revalidated when its bytes, the configuration or the register entries it points to change, and a
 * format is re-rendered when the document, that format's stylesheets or those entries change.
 * Nothing is written here; `writeOutputs` and `saveCache` follow.
 */
export async function buildEdition(project: Project, bench: Workbench, options: BuildOptions = {}): Promise<EditionBuild> {
  const tool = toolFingerprint();
  const cache = options.force ? emptyCache(tool) : (options.cache ?? (await loadCache(project.buildCacheFile, tool)));
  const found = await discover(project, []);
  const sources = await Promise.all(
    found.files.map(async (absolute): Promise<SourceFile> => {
      const bytes = await readFile(absolute);
      return { absolute, file: projectPath(project, absolute), bytes, hash: sha256(bytes) };
    }),
  );
  const hashes = new Map(sources.map((s) => [s.file, s.hash]));

  // Register entries, hashed one by one: a changed entry touches only the documents that point to it.
  const entries = new Map<string, Record<string, string>>();
  const registerCache: BuildCache['registers'] = {};
  // A changed register is parsed here for its entries; validation below reuses that parse.
  const parsedRegisters = new Map<string, SourceDocument>();
  for (const s of sources.filter((x) => isRegisterFile(project, x.file))) {
    const cached = cache.registers[s.file];
    let e = cached?.hash === s.hash ? cached.entries : undefined;
    if (!e) {
      const doc = documentFromBytes(project, s.absolute, s.bytes);
      parsedRegisters.set(s.file, doc);
      e = entryHashes(doc);
    }
    entries.set(s.file, e);
    registerCache[s.file] = { hash: s.hash, entries: e };
  }
  const depsState = (deps: readonly string[]) =>
    sha256(
      deps
        .map((d) => {
          const [file = '', id] = d.split('#');
          return `${d}=${id === undefined ? (hashes.get(file) ?? 'missing') : (entries.get(file)?.[id] ?? hashes.get(file) ?? 'missing')}`;
        })
        .join('\n'),
    );

  // Validation: reuse what the cache says of unchanged files.
  const config = await bench.validationConfig();
  const next: BuildCache = { ...emptyCache(tool), registers: registerCache };
  const byFile = new Map<string, SourceDocument>();
  const fresh: SourceFile[] = [];
  for (const s of sources) {
    const entry = cache.documents[s.file];
    if (entry && entry.hash === s.hash && entry.validationKey === sha256(s.hash, config, depsState(entry.deps))) {
      const doc = new SourceDocument(s.absolute, s.file, s.bytes.toString('utf8'));
      doc.diagnostics.push(...entry.diagnostics);
      doc.coverage = entry.coverage;
      next.documents[s.file] = entry;
      byFile.set(s.file, doc);
    } else fresh.push(s);
  }
  // Validate in batches, so memory stays bounded however large the edition: each batch is parsed,
  // validated (one xmllint call per schema), summed up in the cache, and its parsed trees let go.
  for (let i = 0; i < fresh.length; i += VALIDATION_BATCH) {
    const batch = fresh.slice(i, i + VALIDATION_BATCH).map((s) => parsedRegisters.get(s.file) ?? documentFromBytes(project, s.absolute, s.bytes));
    for (const doc of batch) byFile.set(doc.file, doc);
    // Parse for saxon-js through the workbench, so a warm process reuses what it parsed before.
    await Promise.all(batch.filter((d) => d.tree).map(async (d) => (d.saxonDoc = await bench.parse(d.xmlText ?? d.text, d.path, hashes.get(d.file)!))));
    await (await bench.validator()).validateDocuments(batch);
    for (const doc of batch) {
      const deps = dependenciesOf(doc, project.teiDir);
      const old = cache.documents[doc.file];
      next.documents[doc.file] = {
        hash: hashes.get(doc.file)!,
        corpusHash: corpusFingerprint(doc),
        validationKey: sha256(hashes.get(doc.file)!, config, depsState(deps)),
        diagnostics: doc.diagnostics,
        coverage: doc.coverage,
        deps,
        // Output records survive revalidation: their own keys decide whether to render again.
        outputs: old?.outputs ?? {},
      };
      if (fresh.length > VALIDATION_BATCH && !bench.keepParsed) {
        doc.tree = null;
        doc.saxonDoc = null;
      }
    }
  }

  const docs = sources.map((s) => byFile.get(s.file)!);
  const stats: BuildStats = { validated: fresh.length, rendered: 0, skipped: 0 };

  // Rendering: per document and format, only where the output key changed or an output went missing.
  const stylesheetHashes = await bench.stylesheetHashes();
  const outputs: Outputs = new Map();
  const failed = new Set<string>();
  const onlyIds = new Set((options.only ?? []).map((p) => p.replace(/^.*\//, '').replace(/\.xml$/i, '')));
  const built: SourceDocument[] = [];
  const registerDocs = docs.filter((d) => isRegisterFile(project, d.file));
  const ensureSaxon = async (doc: SourceDocument) => {
    doc.saxonDoc ??= await bench.parse(doc.xmlText ?? doc.text, doc.path, hashes.get(doc.file)!);
  };
  let pool: Promise<Record<string, unknown>> | undefined;
  const saxonPool = () => (pool ??= Promise.all(registerDocs.map((d) => ensureSaxon(d))).then(() => documentPool(registerDocs)));

  const jobs: { doc: SourceDocument; formats: Format[]; keys: Record<string, string> }[] = [];
  for (const doc of docs) {
    if (isRegisterFile(project, doc.file)) continue;
    const entry = next.documents[doc.file]!;
    if (doc.hasErrors) {
      failed.add(doc.id);
      continue;
    }
    if (onlyIds.size > 0 && !onlyIds.has(doc.id)) {
      built.push(doc);
      continue;
    }
    const keys: Record<string, string> = {};
    const stale: Format[] = [];
    for (const f of FORMATS) {
      keys[f] = sha256(entry.hash, stylesheetHashes[f], depsState(entry.deps), tool);
      const o = entry.outputs[f];
      if (!o || o.key !== keys[f] || !(await stampsHold(project.outDir, o.files))) stale.push(f);
    }
    if (stale.length === 0) {
      stats.skipped++;
      built.push(doc);
    } else jobs.push({ doc, formats: stale, keys });
  }

  // Each document's outputs are taken as they come: handed to the sink (build writes them at once,
  // so a large edition never holds all its outputs in memory) or kept for the caller (check, deposit).
  const produced: string[] = [];
  const take = async (rendered: Outputs) => {
    for (const path of rendered.keys()) produced.push(path);
    if (options.sink) await options.sink(rendered);
    else for (const [path, content] of rendered) outputs.set(path, content);
  };
  const settle = async (i: number, rendered: Outputs | null) => {
    const { doc, formats, keys } = jobs[i]!;
    if (!rendered) {
      // Not cached: the next build tries again (the stylesheet may be fixed by then).
      failed.add(doc.id);
      delete next.documents[doc.file];
      return;
    }
    stats.rendered++;
    built.push(doc);
    const entry = next.documents[doc.file]!;
    for (const f of formats) {
      const files: Record<string, OutputStamp> = {};
      for (const path of rendered.keys()) if (path.startsWith(`${f}/`)) files[path] = { size: -1, mtimeMs: -1 };
      entry.outputs = { ...entry.outputs, [f]: { key: keys[f]!, files } };
    }
    await take(rendered);
  };

  // Many documents go to worker threads (--jobs); a few are quicker rendered here.
  const threads = Math.max(1, options.jobs ?? 1);
  if (jobs.length > 0) {
    const sefs = await bench.stylesheets();
    if (threads > 1 && jobs.length >= WORKERS_FROM) {
      let done = 0;
      await renderInWorkers(jobs, registerDocs, sefs, threads, async (i, rendered) => {
        await settle(i, rendered);
        options.onProgress?.(++done, jobs.length);
      });
    } else {
      const pool = await saxonPool();
      for (const [i, job] of jobs.entries()) {
        await ensureSaxon(job.doc);
        await settle(i, renderDocument(job.doc, sefs, pool, job.formats));
        options.onProgress?.(i + 1, jobs.length);
      }
    }
  }
  built.sort((a, b) => (a.file < b.file ? -1 : 1));

  // The corpus pages draw on every document: while one fails they keep their last good version too,
  // rather than drop the failed document from the index and the registers' back-links.
  const corpusOk = failed.size === 0 && registerDocs.every((d) => !d.hasErrors);
  next.corpus = cache.corpus;
  if (corpusOk) {
    const corpusKey = sha256(tool, stylesheetHashes.html, ...built.map((d) => `${d.file}=${next.documents[d.file]?.corpusHash}`), ...registerDocs.map((d) => `${d.file}=${hashes.get(d.file)}`));
    if (!cache.corpus || cache.corpus.key !== corpusKey || !(await stampsHold(project.outDir, cache.corpus.files))) {
      await Promise.all(built.map((d) => ensureSaxon(d)));
      const reportOn = registerDocs[0] ?? built[0];
      const corpus = renderCorpus(built, await bench.stylesheets(), { ...(await saxonPool()), ...documentPool(built) }, reportOn);
      if (corpus) {
        const files: Record<string, OutputStamp> = {};
        for (const path of corpus.keys()) files[path] = { size: -1, mtimeMs: -1 };
        next.corpus = { key: corpusKey, files };
        await take(corpus);
      }
    }
  }
  await take(await assets(project));

  const expected = new Set<string>(produced);
  for (const d of docs) for (const o of Object.values(next.documents[d.file]?.outputs ?? {})) for (const p of Object.keys(o.files)) expected.add(p);
  for (const p of Object.keys(next.corpus?.files ?? {})) expected.add(p);
  bench.keepOnly(new Set(sources.map((x) => `${x.absolute}\0${x.hash}`)));
  const owner = (path: string) => path.replace(/^.*\//, '');
  return {
    docs,
    diagnostics: found.diagnostics,
    outputs,
    expected,
    cache: next,
    stats,
    kept: (path) => {
      if (!corpusOk && CORPUS_PAGE.test(path)) return true;
      return [...failed].some((id) => owner(path).startsWith(id + '.'));
    },
  };
}


/** Whether outputs are on disk as the cache recorded them (size and time of the write). */
async function stampsHold(outDir: string, files: Record<string, OutputStamp>): Promise<boolean> {
  for (const [path, s] of Object.entries(files)) {
    const st = await stat(join(outDir, path)).catch(() => null);
    if (!st || st.size !== s.size || st.mtimeMs !== s.mtimeMs) return false;
  }
  return true;
}

/** Record each output's size and time as it now stands on disk, once the outputs are written. */
export async function stampOutputs(outDir: string, cache: BuildCache): Promise<void> {
  const records = [...Object.values(cache.documents).flatMap((e) => Object.values(e.outputs)), ...(cache.corpus ? [cache.corpus] : [])];
  for (const r of records) {
    for (const path of Object.keys(r.files)) {
      const st = await stat(join(outDir, path)).catch(() => null);
      r.files[path] = st ? { size: st.size, mtimeMs: st.mtimeMs } : { size: -1, mtimeMs: -1 };
    }
  }
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

/** Files under out/ that the edition no longer has and that belong to no failed document. */
export async function staleOutputs(outDir: string, build: EditionBuild): Promise<string[]> {
  return (await existingOutputs(outDir)).filter((p) => !build.expected.has(p) && !build.kept(p));
}

