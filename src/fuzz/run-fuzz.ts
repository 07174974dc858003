import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageDir } from '../core/project.js';
import { LIMITS, problemsWith, type MutantResult } from './check-result.js';
import type { FuzzJob, FuzzReply, FuzzSetup } from './fuzz-worker.js';
import { makeMutant } from './mutators.js';

export const RECORD = 'tei/dobrynin-vance-1977-02-26.xml';

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Index of the first mutant (to reproduce one: `start` = its index, `count` = 1). */
  start?: number;
  /** The edition whose record is mutated (default: this package's own). */
  root?: string;
  /** Where failing mutants are saved (default test-results/fuzz under the package). */
  saveDir?: string;
  /** A mutant with no answer after this long is a hang: its thread is ended and a new one started. */
  hangMs?: number;
  onMutant?: (index: number, problems: string[]) => void;
}

export interface FuzzFailure {
  seed: number;
  index: number;
  mutators: string[];
  problems: string[];
  /** The saved mutant, to run again. */
  file: string;
}

export interface FuzzSummary {
  seed: number;
  count: number;
  failures: FuzzFailure[];
  /** Wall-clock time of the whole run. */
  ms: number;
  slowest: { index: number; ms: number };
  /** Mutants that validated without errors (and so were rendered too). */
  clean: number;
}

const WORKER_HEAP_MB = 2048;

/**
 * Mutate the record `count` times from `seed` and validate every mutant in a worker thread of this
 * process. A mutant fails on a crash, an internal error, a stack trace, unparseable JSON, a
 * diagnostic not at a line and column inside the file, unbounded output, or a validation over 2 s
 * (the lesser of wall-clock and CPU time, best of three, as other work on the machine may stall
 * one). Mutants that validate cleanly are rendered too. A failing mutant is
 * saved with its seed and index so that `npm run fuzz -- --seed S --start I --count 1` replays it.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = performance.now();
  const root = options.root ?? packageDir;
  const saveDir = options.saveDir ?? join(packageDir, 'test-results', 'fuzz');
  const hangMs = options.hangMs ?? 60_000;
  const source = readFileSync(join(root, RECORD));
  const setup: FuzzSetup = {
    root,
    file: join(root, RECORD),
    registers: ['persons', 'places', 'orgs'].map((r) => join(root, 'tei', 'register', `${r}.xml`)),
  };
  const url = join(packageDir, 'dist', 'fuzz', 'fuzz-worker.js');
  let worker = null as Worker | null;
  const summary: FuzzSummary = {
    seed: options.seed,
    count: options.count,
    failures: [],
    ms: 0,
    slowest: { index: -1, ms: 0 },
    clean: 0,
  };

  /** Validate bytes in the worker: its reply, or a crash or hang as a result of their own. */
  const validate = (index: number, bytes: Buffer): Promise<MutantResult> => {
    const w = (worker ??= new Worker(url, {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    }));
    return new Promise((resolve) => {
      const sent = performance.now();
      const finish = (r: MutantResult, restart: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (restart) {
          void w.terminate();
          worker = null;
        }
        resolve(r);
      };
      const failed = (crash: string) => ({ json: '', humanChars: 0, ms: performance.now() - sent, crash });
      const onMessage = (reply: FuzzReply) => reply.index === index && finish(reply, false);
      const onError = (e: Error) => finish(failed(`the validating thread died: ${e.stack ?? e.message}`), true);
      const onExit = (code: number) => finish(failed(`the validating thread exited with code ${code}`), true);
      const timer = setTimeout(() => finish(failed(`hang: no answer in ${hangMs / 1000} s`), true), hangMs);
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.postMessage({ index, bytes } satisfies FuzzJob);
    });
  };

  try {
    // The record itself first: it warms the thread up, and if it does not come out clean the
    // harness, not the pipeline, is broken.
    const pristine = await validate(-1, source);
    const pristineErrors = pristine.crash
      ? [pristine.crash]
      : (JSON.parse(pristine.json) as { diagnostics: { severity: string; message: string }[] }).diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.message);
    if (pristineErrors.length > 0)
      throw new Error(`the unmutated record does not validate cleanly: ${pristineErrors.slice(0, 3).join('; ')}`);

    const first = options.start ?? 0;
    for (let index = first; index < first + options.count; index++) {
      const mutant = makeMutant(source, options.seed, index);
      const result = await validate(index, mutant.bytes);
      // A slow mutant is timed twice more and keeps its best time, so a stall of the machine
      // passes and a mutant slow in itself does not.
      for (let retry = 0; retry < 2 && !result.crash && result.ms > LIMITS.ms; retry++) {
        result.ms = Math.min(result.ms, (await validate(index, mutant.bytes)).ms);
      }
      const text = new TextDecoder('utf-8').decode(mutant.bytes);
      const problems = problemsWith(result, RECORD, text);
      if (result.ms > summary.slowest.ms) summary.slowest = { index, ms: Math.round(result.ms) };
      if (!result.crash && !/"severity": "error"/.test(result.json)) summary.clean++;
      if (problems.length > 0) {
        mkdirSync(saveDir, { recursive: true });
        const file = join(saveDir, `seed-${options.seed}-mutant-${index}.xml`);
        writeFileSync(file, mutant.bytes);
        writeFileSync(
          `${file}.txt`,
          `seed ${options.seed}, mutant ${index}: ${mutant.mutators.join(', ')}\n${problems.join('\n')}\n`,
        );
        summary.failures.push({ seed: options.seed, index, mutators: mutant.mutators, problems, file });
      }
      options.onMutant?.(index, problems);
    }
  } finally {
    await worker?.terminate();
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
