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
 * Render documents on `threads` worker threads (--jobs). Each worker gets the compiled stylesheets
 * and the registers once, then documents one at a time; results come back as outputs, or as the
 * document's transform diagnostics (added to it here), and are handed to `onResult` one at a time.
 * With `more`, `jobs` may still grow while the workers run (documents validated meanwhile): a worker
 * with nothing to do waits on `more()`, which resolves when jobs were added, false once none will be.
 */
export async function renderInWorkers(
  jobs: readonly PoolJob[],
  registers: readonly SourceDocument[],
  sefs: CompiledStylesheets,
  threads: number,
  params: StylesheetParams,
  onResult: (index: number, rendered: Rendered | null) => Promise<void>,
  more?: () => Promise<boolean>,
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
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = async (): Promise<void> => {
        while (next >= jobs.length) if (!more || !(await more())) if (next >= jobs.length) return resolve();
        const id = next++;
        const { doc, formats, params: own, makeSummary } = jobs[id]!;
        const job: RenderJob = { id, path: doc.path, file: doc.file, text: doc.xmlText ?? doc.text, formats };
        if (own) job.params = own;
        if (makeSummary === false) job.makeSummary = false;
        worker.postMessage(job);
      };
      worker.on('message', (reply: RenderReply) => {
        let rendered: Rendered | null = null;
        if ('outputs' in reply) rendered = { outputs: new Map(reply.outputs), summary: reply.summary };
        else jobs[reply.id]!.doc.diagnostics.push(...reply.diagnostics);
        handed = handed.then(() => onResult(reply.id, rendered));
        handed.catch(reject);
        send().catch(reject);
      });
      worker.on('error', reject);
      send().catch(reject);
    });
  // Memory is bounded per worker: one document at a time, and a heap limit that fails loudly rather
  // than let a runaway transform take the machine.
  const workers = Array.from(
    { length: more ? threads : Math.min(threads, jobs.length) },
    () => new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
  );
  try {
    await Promise.all(workers.map(run));
    await handed;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
