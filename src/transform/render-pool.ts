import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageDir } from '../pipeline/project.js';
import type { SourceDocument } from '../pipeline/document.js';
import type { Outputs } from './render.js';
import type { RenderJob, RenderReply, WorkerSetup } from './render-worker.js';
import type { CompiledStylesheets, Format } from './stylesheets.js';

export interface PoolJob {
  doc: SourceDocument;
  formats: Format[];
}

/**
 * Render documents on `threads` worker threads (--jobs). Each worker gets the compiled stylesheets
 * and the registers once, then documents one at a time; results come back as outputs, or as the
 * document's transform diagnostics (added to it here). Calls `progress` as documents finish.
 */
export async function renderInWorkers(
  jobs: readonly PoolJob[],
  registers: readonly SourceDocument[],
  sefs: CompiledStylesheets,
  threads: number,
  progress: (done: number) => void = () => {},
): Promise<(Outputs | null)[]> {
  const setup: WorkerSetup = { sefs, registers: registers.map((r) => ({ path: r.path, file: r.file, text: r.text })) };
  const results: (Outputs | null)[] = new Array(jobs.length).fill(null);
  let next = 0;
  let done = 0;
  // Always the compiled worker (tests run this module from src/, where there is no .js to start).
  const url = join(packageDir, 'dist', 'transform', 'render-worker.js');
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= jobs.length) return resolve();
        const id = next++;
        const { doc, formats } = jobs[id]!;
        const job: RenderJob = { id, path: doc.path, file: doc.file, text: doc.text, formats };
        worker.postMessage(job);
      };
      worker.on('message', (reply: RenderReply) => {
        if ('outputs' in reply) results[reply.id] = new Map(reply.outputs);
        else jobs[reply.id]!.doc.diagnostics.push(...reply.diagnostics);
        progress(++done);
        send();
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(url, { workerData: setup }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
