/**
 * The build: a short list of named stages (src/pipeline/stages/), each with one job. Nothing is written
 * here: outputs go to the caller's sink or stay in memory, and `commitBuild` (commit.ts) records the rest.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceDocument } from '../core/document.js';
import { sha256, toolFingerprint } from '../core/fingerprint.js';
import { stylesheetParams, type Format } from '../transform/stylesheets.js';
import type { Project } from '../core/project.js';
import type { Outputs } from '../transform/render.js';
import { emptyCache, loadCache, type BuildCache } from './build-cache.js';
import { copyAssets, corpusPages } from './stages/corpus-pages.js';
import { OutputCollector } from './stages/output-collector.js';
import { planRenders, splitPlan, type RenderPlan } from './stages/plan-renders.js';
import { isRegisterFile, readSources, type Sources } from './stages/read-sources.js';
import { registerEntries, type RegisterEntries } from './stages/register-entries.js';
import { renderDocuments, type RenderOptions } from './stages/render-documents.js';
import { SaxonPool } from './stages/saxon-pool.js';
import { VALIDATION_BATCH, validateChanged } from './stages/validate-changed.js';
import { streamRenders, type StreamedRenders } from './stages/stream-renders.js';
import type { WarmTools } from './warm-tools.js';
import { isOutputOf } from '../tei/output-name.js';
import { stylesheetFailure } from './stylesheet-failure.js';

export interface BuildOptions extends RenderOptions {
  /** Rewrite only these documents' outputs (paths or ids); the rest of the edition is still validated. */
  only?: readonly string[];
  /** Ignore the build cache: validate and render everything (`--force`, and `check`). */
  force?: boolean;
  /** A cache kept in memory (watch); otherwise it is read from the cache folder. */
  cache?: BuildCache;
  /** Called before validation starts, with the number of files that need it (0: none do). */
  onValidate?: (files: number) => void;
  /** Takes outputs as they are rendered (build: writes them); without it they are kept in `outputs`. */
  sink?: (outputs: Outputs) => Promise<void>;
  /**
   * Render these formats of every planned document, the corpus pages and the assets first, then call
   * `then` before rendering the other formats: watch writes the HTML and reloads the open pages while
   * the text and citations are still to come.
   */
  first?: { formats: readonly Format[]; then: (docs: readonly SourceDocument[]) => Promise<void> };
  /**
   * A newer change has made this build pointless (watch: a save came while it ran). Checked between the
   * stages, where nothing has been written: the build then rejects with the signal's reason. Whoever
   * aborts stops doing so once the sink has taken outputs, so that a build that wrote runs to its end.
   */
  signal?: AbortSignal;
}

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
  keepsLastGood: (path: string) => boolean;
  /** The cache to save once the outputs are written (commitBuild stamps and saves it). */
  cache: BuildCache;
  stats: BuildStats;
}

const CORPUS_PAGE = /^html\/(index|persons|places|orgs|events)\.html$/;

/**
 * Validate the edition and render, in memory, what changed since the last build: a document is
 * revalidated when its bytes, the configuration or the register entries it points to change, and a
 * format is re-rendered when the document, that format's stylesheets or those entries change.
 */
export async function buildEdition(
  project: Project,
  tools: WarmTools,
  options: BuildOptions = {},
): Promise<EditionBuild> {
  // The edition's configured facts enter outputs (citation URLs, makers): a change re-renders.
  const tool = sha256(toolFingerprint(), JSON.stringify(project.edition));
  const cache = options.force ? emptyCache(tool) : (options.cache ?? (await loadCache(project.buildCacheFile, tool)));
  const sources = await readSources(project);
  options.signal?.throwIfAborted();
  const registers = registerEntries(project, sources, cache);
  const next: BuildCache = { ...emptyCache(tool), registers: registers.cache };
  const collector = new OutputCollector(options.sink);
  // A large build on worker threads renders while it validates (not in watch, which renders HTML first).
  let streamed: StreamedRenders | undefined;
  let toValidate = 0;
  const onBatch =
    (options.jobs ?? 1) > 1 && !options.first
      ? async (batch: readonly SourceDocument[]) => {
          if (toValidate <= VALIDATION_BATCH) return;
          streamed ??= await streamRenders(
            project,
            tools,
            sources,
            registers,
            next,
            tool,
            collector,
            stylesheetParams(project),
            options,
          );
          await streamed.add(batch);
        }
      : undefined;
  let validatedDocs;
  try {
    validatedDocs = await validateChanged(
      project,
      tools,
      sources,
      registers,
      cache,
      next,
      (files) => {
        toValidate = files;
        options.onValidate?.(files);
      },
      onBatch,
      async () => streamed?.room(),
    );
  } catch (e) {
    streamed?.abandon();
    throw e;
  }
  const { docs, validated } = validatedDocs;
  options.signal?.throwIfAborted();
  let rendering;
  try {
    rendering = await render(project, tools, docs, sources, registers, cache, next, tool, options, collector, streamed);
  } catch (e) {
    // The edition's own stylesheet does not compile: nothing renders, every output keeps its last version.
    const failure = stylesheetFailure(project, e);
    if (!failure) throw e;
    return {
      docs,
      diagnostics: [...sources.diagnostics, failure],
      outputs: new Map(),
      expected: expectedOutputs([], next),
      keepsLastGood: () => true,
      cache: { ...next, corpus: cache.corpus },
      stats: { validated, rendered: 0, skipped: 0 },
    };
  }
  const { plan, rendered, corpusCurrent } = rendering;
  // A failed document's last good outputs: those the last build recorded for its file, and (without a
  // cache: --force, check) those named as the stylesheets name its outputs, which need not be its file name.
  const lastGood = new Set(
    [...plan.failed.keys()].flatMap((file) =>
      Object.values(cache.documents[file]?.outputs ?? {}).flatMap((o) => Object.keys(o.files)),
    ),
  );
  tools.keepOnly(new Set(sources.files.map((s) => `${s.absolute}\0${s.hash}`)));
  return {
    docs,
    diagnostics: sources.diagnostics,
    outputs: collector.kept,
    expected: expectedOutputs(collector.produced, next),
    cache: next,
    stats: { validated, rendered, skipped: plan.upToDate },
    keepsLastGood: (path) =>
      (!corpusCurrent && CORPUS_PAGE.test(path)) ||
      lastGood.has(path) ||
      [...plan.failed.values()].some((name) => isOutputOf(path, name)),
  };
}

/** What out/ should hold: this run's outputs and every output the cache records as current. */
function expectedOutputs(produced: readonly string[], next: BuildCache): Set<string> {
  const expected = new Set(produced);
  for (const entry of Object.values(next.documents))
    for (const o of Object.values(entry.outputs)) for (const p of Object.keys(o.files)) expected.add(p);
  for (const p of Object.keys(next.corpus?.files ?? {})) expected.add(p);
  return expected;
}

/** Stages 4 to 6: plan, render the documents, the corpus pages and the assets. */
async function render(
  project: Project,
  tools: WarmTools,
  docs: SourceDocument[],
  sources: Sources,
  registers: RegisterEntries,
  cache: BuildCache,
  next: BuildCache,
  tool: string,
  options: BuildOptions,
  collector: OutputCollector,
  streamed: StreamedRenders | undefined,
) {
  const params = stylesheetParams(project);
  let plan: RenderPlan;
  let pool: SaxonPool;
  let late: RenderPlan | undefined;
  if (streamed) {
    plan = streamed.plan;
    pool = await streamed.finish();
  } else {
    plan = await planRenders(project, tools, docs, registers, next, tool, options.only);
    pool = new SaxonPool(
      tools,
      docs.filter((d) => isRegisterFile(project, d.file)),
      sources.hashes,
    );
    const [early, rest] = splitPlan(plan, options.first?.formats);
    late = rest;
    await renderDocuments(tools, early, pool, next, collector, params, options);
  }
  const corpusCurrent = await corpusPages(
    project,
    tools,
    plan,
    pool,
    sources.hashes,
    cache,
    next,
    tool,
    params,
    collector,
  );
  if (project.formats.includes('html')) await copyAssets(project, collector);
  if (options.first && late) {
    await options.first.then(docs);
    await renderDocuments(tools, late, pool, next, collector, params, options);
  }
  const rendered = new Set(plan.jobs.filter((j) => !plan.failed.has(j.doc.file)).map((j) => j.doc.file)).size;
  return { plan, rendered, corpusCurrent };
}
