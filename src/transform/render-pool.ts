import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { allowedReadRoots } from '../core/read-gate.js';
import { packageDir } from '../core/project.js';
import type { SourceDocument } from '../core/document.js';
import type { Rendered, StylesheetParams } from './render.js';
import type { RenderJob, RenderReply, WorkerSetup } from './render-worker.js';
import type { CompiledStylesheets, Format } from './stylesheets.js';

const WORKER_HEAP_MB = 256;

export interface PoolJob {
  doc: SourceDocument;
  formats: Format[];
  /** This document's own parameters (the pictures its page shows), instead of the shared ones. */
  params?: StylesheetParams;
  /** Whether its HTML render makes its summary (false: the one kept is still current). */
  makeSummary?: boolean;
}

/**
 * This thread as one of the renderers, in the time it has nothing else to do: `idle()` resolves when it
 * may take a job, and `render` renders one here.
 */
export interface LocalRenderer {
  idle(): Promise<void>;
  render(index: number): Promise<Rendered | null>;
}

/**
 * Render documents on `threads` threads (--jobs): worker threads, and this one too when `local` is
 * given (then one worker fewer: each worker is a saxon-js with its own stylesheets and registers, ~80 MB).
 * Each worker gets the compiled stylesheets and the registers once, then documents one at a time;
 * results come back as outputs, or as the document's transform diagnostics (added to it here), and are
 * handed to `onResult` one at a time. With `more`, `jobs` may still grow while the workers run (documents
 * validated meanwhile): a renderer with nothing to do waits on `more()`, which resolves when jobs were
 * added, false once none will be.
 */
export async function renderInWorkers(
  jobs: readonly PoolJob[],
  registers: readonly SourceDocument[],
  sefs: CompiledStylesheets,
  threads: number,
  params: StylesheetParams,
  onResult: (index: number, rendered: Rendered | null) => Promise<void>,
  more?: () => Promise<boolean>,
  local?: LocalRenderer,
): Promise<void> {
  const setup: WorkerSetup = {
    sefs,
    params,
    readRoots: [...allowedReadRoots()],
    registers: registers.map((r) => ({ path: r.path, file: r.file, text: r.xmlText ?? r.text })),
  };
  let next = 0;
  // Results are handed on one at a time, in the order they arrive.
  let handed = Promise.resolve();
  // Always the compiled worker (tests run this module from src/, where there is no .js to start).
  const url = join(packageDir, 'dist', 'transform', 'render-worker.js');
  /** The next job's index, once there is one; null when none will come. */
  const take = async (): Promise<number | null> => {
    while (next >= jobs.length) if (!more || !(await more())) if (next >= jobs.length) return null;
    return next++;
  };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      // Jobs sent and not yet answered; `ended` once no job is left to send.
      let inFlight = 0;
      let ended = false;
      const send = async (): Promise<void> => {
        const id = await take();
        if (id === null) {
          ended = true;
          if (inFlight === 0) resolve();
          return;
        }
        inFlight++;
        const { doc, formats, params: own, makeSummary } = jobs[id]!;
        const job: RenderJob = { id, path: doc.path, file: doc.file, text: doc.xmlText ?? doc.text, formats };
        if (own) job.params = own;
        if (makeSummary === false) job.makeSummary = false;
        worker.postMessage(job);
      };
      worker.on('message', (reply: RenderReply) => {
        inFlight--;
        let rendered: Rendered | null = null;
        if ('outputs' in reply) rendered = { outputs: new Map(reply.outputs), summary: reply.summary };
        else jobs[reply.id]!.doc.diagnostics.push(...reply.diagnostics);
        handed = handed.then(() => onResult(reply.id, rendered));
        handed.catch(reject);
        if (!ended) send().catch(reject);
        else if (inFlight === 0) resolve();
      });
      worker.on('error', reject);
      // Two jobs in flight: a worker has its next document at hand when it finishes one, rather than
      // wait for this thread, which may be rendering or validating, to answer. It still renders one
      // document at a time (render-worker.ts).
      send().catch(reject);
      if (local) send().catch(reject);
    });
  const runHere = async (renderer: LocalRenderer): Promise<void> => {
    for (;;) {
      await renderer.idle();
      if (next >= jobs.length) {
        if (more && (await more())) continue;
        if (next >= jobs.length) return;
        continue;
      }
      const id = next++;
      const rendered = await renderer.render(id);
      handed = handed.then(() => onResult(id, rendered));
      await handed;
      // Let the workers' messages and the validation waiting for room in before the next.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Memory is bounded per worker: one document at a time, and a heap limit that fails loudly rather
  // than let a runaway transform take the machine.
  const workerCount = Math.max(1, local ? threads - 1 : threads);
  const workers = Array.from(
    { length: more ? workerCount : Math.min(workerCount, jobs.length) },
    () => new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
  );
  try {
    await Promise.all([...workers.map(run), ...(local ? [runHere(local)] : [])]);
    await handed;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
