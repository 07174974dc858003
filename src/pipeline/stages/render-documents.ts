import type { SourceDocument } from '../../core/document.js';
import { renderDocument, type Rendered, type StylesheetParams } from '../../transform/render.js';
import { renderInWorkers, type LocalRenderer, type PoolJob } from '../../transform/render-pool.js';
import type { BuildCache } from '../build-cache.js';
import type { WarmTools } from '../warm-tools.js';
import { unstamped, type OutputCollector } from './output-collector.js';
import type { RenderPlan } from './plan-renders.js';
import { addPictures, withPictures } from './pictures.js';
import { outputName } from '../../tei/output-name.js';
import type { SaxonPool } from './saxon-pool.js';

// Below this many documents to render, starting workers costs more than it saves.
const WORKERS_FROM = 8;

/**
 * Jobs added to a plan while it renders (a large build plans each batch of documents once validated):
 * `added` after pushing jobs, `close` when no more will come.
 */
export class RenderFeed {
  private waiters: (() => void)[] = [];
  private closed = false;
  /** Jobs whose results are recorded; and who waits for the backlog to shrink (room). */
  private settled = 0;
  private roomWaiters: (() => void)[] = [];
  private unbounded = false;
  private idleWaiters: (() => void)[] = [];

  added(): void {
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
    this.wakeIdle();
  }

  /**
   * Resolves when the thread that validates has nothing to do but wait: it waits for room, or
   * validation has ended. It may then render a document itself (render-pool.ts, LocalRenderer).
   */
  async idle(): Promise<void> {
    while (!this.closed && this.roomWaiters.length === 0)
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIdle(): void {
    const waiting = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiting) w();
  }

  /** One more job's result is recorded. */
  done(): void {
    this.settled++;
    this.wakeRoom();
  }

  /**
   * Resolves once at most `limit` of the `planned` jobs wait for their results, or at once when rendering
   * has ended (ended): what validates ahead of the renders waits, rather than hold every document it
   * validated until a worker takes it.
   */
  async room(planned: number, limit: number): Promise<void> {
    while (!this.unbounded && planned - this.settled > limit)
      await new Promise<void>((resolve) => {
        this.roomWaiters.push(resolve);
        this.wakeIdle();
      });
  }

  /** Rendering ended (done or failed): nothing waits for room any more. */
  ended(): void {
    this.unbounded = true;
    this.wakeRoom();
  }

  private wakeRoom(): void {
    const waiting = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiting) w();
  }

  /** Resolves when jobs are added (true) or the feed is closed (false). */
  more(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => this.waiters.push(() => resolve(!this.closed)));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

export interface RenderOptions {
  /** Threads that render (--jobs): this one and jobs − 1 workers; 1 renders in this thread alone. */
  jobs?: number;
  /**
   * The caller reads no document's text after the build but to quote its diagnostics (build, which
   * writes as it goes): a document rendered without any lets its text go (SourceDocument.letGo).
   */
  letGo?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Stage 5: render the planned documents (with the stylesheet parameters `params`), many on worker threads, a few in this one. Each rendered
 * document joins `plan.current` and its output records in `next`; one whose render fails joins
 * `plan.failed` and loses its cache record, so the next build tries again.
 */
export async function renderDocuments(
  tools: WarmTools,
  plan: RenderPlan,
  pool: SaxonPool,
  next: BuildCache,
  collector: OutputCollector,
  params: StylesheetParams,
  options: RenderOptions = {},
  feed?: RenderFeed,
): Promise<number> {
  let count = 0;
  const record = async (index: number, rendered: Rendered | null) => {
    const job = plan.jobs[index]!;
    const { doc, formats, keys, summaryKey } = job;
    if (!rendered) {
      plan.failed.set(doc.file, outputName(doc));
      delete next.documents[doc.file];
      return;
    }
    count++;
    plan.current.push(doc);
    const { outputs } = rendered;
    // None made when the one kept was still current (RenderJob.summary).
    const summary = rendered.summary ?? job.summary;
    if (formats.includes('html')) await addPictures(outputs, job.pictures);
    const entry = next.documents[doc.file]!;
    for (const format of formats) {
      const files = unstamped([...outputs.keys()].filter((path) => path.startsWith(`${format}/`)));
      // The summary is kept with the HTML outputs: made by the same render, current while they are.
      const kept = format === 'html' && summary !== undefined ? { summary, summaryKey } : {};
      entry.outputs = { ...entry.outputs, [format]: { key: keys[format]!, files, ...kept } };
    }
    await collector.add(outputs);
    if (options.letGo && doneWith(doc, plan, next)) doc.letGo();
  };
  const { jobs } = plan;
  if (jobs.length === 0 && !feed) return 0;
  const sefs = await tools.stylesheets();
  const threads = Math.max(1, options.jobs ?? 1);
  // A job with its own parameters (the pictures its page shows), making a summary unless one is kept.
  const poolJob = (j: (typeof jobs)[number]): PoolJob => ({
    ...j,
    params: withPictures(params, j.pictures),
    makeSummary: j.summary === undefined,
  });
  // Render in this thread. Rendered in every format it needs, its parse is let go (a warm watch process
  // keeps parses in WarmTools), or a one-thread build of 300 documents holds 300 parses (1.8 GB).
  const renderHere = async ({ doc, formats, params: own, makeSummary }: PoolJob) => {
    await pool.ensureParsed(doc);
    const rendered = renderDocument(doc, sefs, await pool.withRegisters(), formats, own, makeSummary);
    if (!tools.keepParsed) doc.saxonDoc = null;
    return rendered;
  };
  if (feed || (threads > 1 && jobs.length >= WORKERS_FROM)) {
    let done = 0;
    const withParams: PoolJob[] = [];
    const sync = () => {
      for (const j of jobs.slice(withParams.length)) withParams.push(poolJob(j));
    };
    sync();
    const more =
      feed &&
      (async () => {
        const had = withParams.length;
        sync();
        if (withParams.length > had) return true;
        const open = await feed.more();
        sync();
        return open;
      });
    // This thread renders too while it has nothing else to do (one worker fewer: less memory).
    const local: LocalRenderer = {
      idle: () => (feed ? feed.idle() : Promise.resolve()),
      render: (i) => renderHere(withParams[i]!),
    };
    await renderInWorkers(
      withParams,
      pool.registerDocs,
      sefs,
      threads,
      params,
      async (i, rendered) => {
        await record(i, rendered);
        feed?.done();
        options.onProgress?.(++done, jobs.length);
      },
      more,
      local,
    );
  } else {
    for (const [i, job] of jobs.entries()) {
      await record(i, await renderHere(poolJob(job)));
      options.onProgress?.(i + 1, jobs.length);
    }
  }
  return count;
}

/**
 * Whether nothing reads a rendered document's text again: it has no diagnostic to quote, and the corpus
 * pages have its summary (or the edition has no HTML, so no corpus pages).
 */
function doneWith(doc: SourceDocument, plan: RenderPlan, next: BuildCache): boolean {
  if (doc.diagnostics.length > 0) return false;
  const key = plan.htmlKeys.get(doc.file);
  if (key === undefined) return true;
  const html = next.documents[doc.file]?.outputs['html'];
  return html !== undefined && html.key === key && html.summary !== undefined;
}
