import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { allowedReadRoots } from '../core/read-gate.js';
import { packageDir } from '../core/project.js';
import type { SchematronQueryData } from './schematron-query.js';
import type { SchematronSetup } from './schematron-worker.js';

export interface SchematronJob {
  id: number;
  path: string;
  /** The document as XML text (internal entities already expanded). */
  text: string;
  /** The element and attribute names it holds (namesIn), which decide the rules left out of its query. */
  names: string[];
}

/** Per query, in the order the thread was given them, the findings' lines; or why the document could not be run. */
export type SchematronReply = { id: number; findings: string[][] } | { id: number; failure: string };

// A thread left idle this long ends; the next run starts another. A watch process whose grammar carries
// Schematron pays a start after a pause, and a process that makes many validators never piles up threads.
const IDLE_MS = 5000;

/**
 * A grammar's embedded Schematron (tei_all's 90 patterns) run on a thread of its own, beside the
 * RELAX NG walk on the main thread: the two are independent, and on a two-core machine each took
 * about a third of `validate --schema tei_all.rng`. The thread parses each document for saxon-js itself,
 * so a run that needs saxon-js for nothing else never loads it on the main thread.
 */
export class SchematronThread {
  private worker: Worker | null = null;
  private next = 0;
  private idle: NodeJS.Timeout | null = null;
  private readonly waiting = new Map<number, { resolve: (f: string[][]) => void; reject: (e: Error) => void }>();

  constructor(private readonly queries: SchematronQueryData[]) {}

  /** Start the thread now (saxon-js loads there while the caller does other work). */
  start(): this {
    this.thread();
    this.idleSoon();
    return this;
  }

  /** The findings of every query on one document; rejects when the thread could not run them. */
  run(path: string, text: string, names: Iterable<string>): Promise<string[][]> {
    const worker = this.thread();
    const id = this.next++;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    // Referenced while it owes answers, so the process waits for them; unreferenced when idle.
    if (this.waiting.size === 0) worker.ref();
    const job: SchematronJob = { id, path, text, names: [...names] };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(job);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const setup: SchematronSetup = { queries: this.queries, readRoots: [...allowedReadRoots()] };
    // Always the compiled worker (tests run this module from src/, where there is no .js to start).
    const worker = new Worker(join(packageDir, 'dist', 'validate', 'schematron-worker.js'), { workerData: setup });
    worker.unref();
    worker.on('message', (reply: SchematronReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) {
        worker.unref();
        this.idleSoon();
      }
      if ('findings' in reply) waiter?.resolve(reply.findings);
      else waiter?.reject(new Error(reply.failure));
    });
    const fail = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(e);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The Schematron thread ended (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private idleSoon(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.close(), IDLE_MS);
    this.idle.unref();
  }

  /** End the thread (a later run starts a new one). */
  close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    if (!worker || this.waiting.size > 0) return Promise.resolve();
    this.worker = null;
    return worker.terminate().then(() => undefined);
  }
}
