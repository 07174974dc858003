import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { allowedReadRoots } from '../core/read-gate.js';
import { packageDir } from '../core/project.js';
import type { SchematronQuery } from './schematron-query.js';
import type { SchematronJob, SchematronReply, SchematronWorkerSetup } from './schematron-worker.js';

/**
 * Grammars' embedded Schematron on a thread of its own, for the runs that check what jing checks
 * (`validate --schema`): there this thread needs no saxon-js at all, so the worker loads it, parses each
 * document for it and runs the queries while this thread parses the documents and walks the RELAX NG.
 * The two layers take about as long as each other, and this machine has two cores.
 */
export class SchematronThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (reply: SchematronReply) => void>();
  private nextId = 0;
  private failure: string | null = null;

  constructor(queries: readonly SchematronQuery[]) {
    const setup: SchematronWorkerSetup = {
      readRoots: [...allowedReadRoots()],
      queries: queries.map((q) => q.toData()),
    };
    // Always the compiled worker (tests run this module from src/, where there is no .js to start).
    this.worker = new Worker(join(packageDir, 'dist', 'validate', 'schematron-worker.js'), { workerData: setup });
    this.worker.on('message', (reply: SchematronReply) => {
      const resolve = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      // Idle, the worker never holds the process open; busy, it must.
      if (this.waiting.size === 0) this.worker.unref();
      resolve?.(reply);
    });
    const fail = (e: unknown) => {
      this.failure ??= e instanceof Error ? e.message : `the Schematron worker stopped (${String(e)})`;
      for (const [id, resolve] of this.waiting) resolve({ id, error: this.failure });
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
    this.worker.unref();
  }

  /** The findings of each grammar's queries on one document (as SchematronQuery.run gives them). */
  run(path: string, text: string): Promise<string[][]> {
    if (this.failure !== null) return Promise.reject(new Error(this.failure));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply.findings)));
      this.worker.ref();
      const job: SchematronJob = { id, path, text };
      this.worker.postMessage(job);
    });
  }

  /** Stop the worker (a watch never does: it keeps the thread warm). */
  close(): Promise<number> {
    return this.worker.terminate();
  }
}
