import type { SourceDocument } from '../../core/document.js';
import type { Project } from '../../core/project.js';
import type { StylesheetParams } from '../../transform/render.js';
import type { BuildCache } from '../build-cache.js';
import type { WarmTools } from '../warm-tools.js';
import type { OutputCollector } from './output-collector.js';
import { renderPlanner, type RenderPlan } from './plan-renders.js';
import { isRegisterFile, type Sources } from './read-sources.js';
import type { RegisterEntries } from './register-entries.js';
import { RenderFeed, renderDocuments, type RenderOptions } from './render-documents.js';
import { SaxonPool } from './saxon-pool.js';
import { VALIDATION_BATCH } from './validate-changed.js';

// Documents validated and waiting for a worker, at most, before validation waits (a batch's worth).
const RENDER_BACKLOG = VALIDATION_BATCH;

/** Stages 4 and 5 while stage 3 runs: what streamRenders returns. */
export interface StreamedRenders {
  plan: RenderPlan;
  /** Plan and queue a batch of documents whose cache records are written (validated, or from the cache). */
  add(batch: readonly SourceDocument[]): Promise<void>;
  /**
   * Resolves when the next batch may be validated. Validation runs far ahead of the renders (a
   * 1,000-document build validated in 33 s what its workers rendered in 400 s): it waits while a
   * batch's worth of documents waits for a worker, so the validated documents held at once stay few
   * whatever the edition's size, and this thread's garbage is made, and collected, over the whole build
   * rather than left in a heap grown at once (575 MB, 390 of it garbage, through the renders).
   */
  room(): Promise<void>;
  /** No more documents: wait for the last renders; the registers' pool, for the corpus pages. */
  finish(): Promise<SaxonPool>;
  /** Validation failed: let the workers go. */
  abandon(): void;
}

/**
 * A large build renders while it validates: each batch of documents is planned as soon as it is validated
 * and its renders are queued to the worker threads, which start once every register is at hand (registers
 * are validated first). Validation is on this thread and rendering on the workers, so neither waits for
 * the other to finish (on 2 cores, a 1,000-document build kept one core idle through validation).
 */
export async function streamRenders(
  project: Project,
  tools: WarmTools,
  sources: Sources,
  registers: RegisterEntries,
  next: BuildCache,
  tool: string,
  collector: OutputCollector,
  params: StylesheetParams,
  options: RenderOptions & { only?: readonly string[] },
): Promise<StreamedRenders> {
  const planner = await renderPlanner(project, tools, registers, next, tool, options.only);
  const feed = new RenderFeed();
  const registerFiles = sources.files.filter((s) => isRegisterFile(project, s.file)).map((s) => s.file);
  const registerDocs = new Map<string, SourceDocument>();
  let pool: SaxonPool | undefined;
  let rendering: Promise<number> | undefined;
  const start = () => {
    pool = new SaxonPool(
      tools,
      registerFiles.map((f) => registerDocs.get(f)!),
      sources.hashes,
    );
    rendering = renderDocuments(tools, planner.plan, pool, next, collector, params, options, feed);
    // Awaited by finish(); a failure (the edition's stylesheet does not compile) is reported there, and
    // validation goes on without waiting for renders that will not come.
    rendering.catch(() => undefined).finally(() => feed.ended());
  };
  return {
    plan: planner.plan,
    async add(batch) {
      for (const doc of batch) {
        if (isRegisterFile(project, doc.file)) registerDocs.set(doc.file, doc);
        await planner.add(doc);
      }
      if (!rendering && registerFiles.every((f) => registerDocs.has(f))) start();
      feed.added();
    },
    async room() {
      if (rendering) await feed.room(planner.plan.jobs.length, RENDER_BACKLOG);
    },
    async finish() {
      if (!rendering) start();
      feed.close();
      await rendering;
      return pool!;
    },
    abandon() {
      feed.close();
    },
  };
}
