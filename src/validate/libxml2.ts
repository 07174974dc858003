import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { packageDir } from '../core/project.js';
import { sha256 } from '../core/fingerprint.js';
import type { Libxml2Detail, Libxml2Reply, Libxml2Request } from './libxml2-worker.js';

/**
 * The process's one libxml2 worker (started on first use, kept while the process lives so a watch
 * keeps its compiled grammars; it never holds the process open).
 */
let worker: Worker | null = null;
const waiting = new Map<string, (reply: Libxml2Reply) => void>();
const compiled = new Map<string, Promise<void>>();
let nextId = 0;

function theWorker(): Worker {
  if (worker) return worker;
  // Always the compiled worker (tests run this module from src/, where there is no .js to start).
  const w = new Worker(join(packageDir, 'dist', 'validate', 'libxml2-worker.js'));
  w.on('message', (reply: Libxml2Reply) => {
    const key = reply.kind === 'compiled' ? `c:${reply.key}` : `v:${reply.id}`;
    const resolve = waiting.get(key);
    waiting.delete(key);
    // Idle, the worker never holds the process open; busy, it must.
    if (waiting.size === 0) w.unref();
    resolve?.(reply);
  });
  const fail = (e: unknown) => {
    const error = e instanceof Error ? e.message : `libxml2 worker stopped (${String(e)})`;
    for (const [key, resolve] of waiting) {
      resolve(
        key.startsWith('c:')
          ? { kind: 'compiled', key: key.slice(2), error }
          : { kind: 'validated', id: Number(key.slice(2)), details: [], error },
      );
    }
    waiting.clear();
    compiled.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', fail);
  worker = w;
  return w;
}

function ask(key: string, request: Libxml2Request): Promise<Libxml2Reply> {
  return new Promise((resolve) => {
    const w = theWorker();
    waiting.set(key, resolve);
    w.ref();
    w.postMessage(request);
  });
}

export class GrammarError extends Error {}

/**
 * Compile a grammar (once per process for the same text); returns its key. Start it early: it runs
 * in the worker while the main thread parses and checks.
 */
export function compileGrammar(text: string): { key: string; ready: Promise<void> } {
  const key = sha256(text).slice(0, 32);
  let ready = compiled.get(key);
  if (!ready) {
    ready = ask(`c:${key}`, { kind: 'compile', key, text }).then((r) => {
      if (r.kind === 'compiled' && r.error) {
        compiled.delete(key);
        throw new GrammarError(r.error);
      }
    });
    // A failed compile is reported by whoever awaits it; never as an unhandled rejection.
    ready.catch(() => {});
    compiled.set(key, ready);
  }
  return { key, ready };
}

/** Validate one document's text against a compiled grammar: libxml2's findings, each with a line and a node path. */
export async function validateWithGrammar(
  key: string,
  text: string,
): Promise<{ details: Libxml2Detail[]; error?: string }> {
  const id = nextId++;
  const reply = await ask(`v:${id}`, { kind: 'validate', id, key, text });
  return reply.kind === 'validated' ? reply : { details: [], error: 'unexpected reply' };
}
