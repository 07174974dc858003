import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { SourceDocument } from '../core/document.js';
import { sha256 } from '../core/fingerprint.js';
import { packageDir } from '../core/project.js';
import type { Finding } from './relaxng-js/report.js';
import type { RelaxNgJsReply, RelaxNgJsRequest } from './relaxng-js-worker.js';

/**
 * The process's one RELAX NG worker (relaxng-js-worker.ts), started when a validation reads its
 * schemas: it loads each grammar while the main thread loads saxon-js, then validates while the main
 * thread runs Schematron. Kept while the process lives, so a watch keeps its grammars; it never holds
 * the process open. When it cannot do a job (it failed to start, it stopped), the caller does the job
 * on the main thread: the diagnostics are the same either way, only the time differs.
 */
let worker: Worker | null = null;
const waiting = new Map<string, (reply: RelaxNgJsReply | null) => void>();
let nextId = 0;

function theWorker(): Worker {
  if (worker) return worker;
  // Always the compiled worker (tests run this module from src/, where there is no .js to start).
  const w = new Worker(join(packageDir, 'dist', 'validate', 'relaxng-js-worker.js'));
  w.on('message', (reply: RelaxNgJsReply) => {
    const key = reply.kind === 'loaded' ? `l:${reply.key}` : `v:${reply.id}`;
    const resolve = waiting.get(key);
    waiting.delete(key);
    // Idle, the worker never holds the process open; busy, it must.
    if (waiting.size === 0) w.unref();
    resolve?.(reply);
  });
  const fail = () => {
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
    if (worker === w) worker = null;
  };
  w.on('error', fail);
  w.on('exit', fail);
  worker = w;
  return w;
}

function ask(key: string, request: RelaxNgJsRequest): Promise<RelaxNgJsReply | null> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = theWorker();
    } catch {
      resolve(null);
      return;
    }
    waiting.set(key, resolve);
    w.ref();
    w.postMessage(request);
  });
}

/** A grammar being loaded in the worker; `loaded` is false when the worker cannot use it. */
export interface ThreadGrammar {
  key: string;
  loaded: Promise<boolean>;
}

export function loadGrammarInThread(path: string, text: string, cacheDir: string | null): ThreadGrammar {
  const key = sha256(path, text).slice(0, 32);
  const loaded = ask(`l:${key}`, { kind: 'load', key, path, text, cacheDir }).then(
    (r) => r?.kind === 'loaded' && r.error === undefined,
  );
  return { key, loaded };
}

/**
 * Each document's faults, in the order given, or null when the worker could not check them (its reply
 * then carries the grammar's load error). Sent at once, not after the grammar's "loaded": this thread
 * is busy with Schematron until it next reads a message, and the worker takes its requests in order.
 */
export async function validateInThread(
  grammar: ThreadGrammar,
  docs: readonly SourceDocument[],
): Promise<Finding[][] | null> {
  const id = nextId++;
  const reply = await ask(`v:${id}`, {
    kind: 'validate',
    id,
    key: grammar.key,
    docs: docs.map((d) => ({ path: d.path, file: d.file, text: d.text })),
  });
  return reply?.kind === 'validated' && reply.error === undefined ? reply.findings : null;
}
