import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/**
 * How far V8 lets the heap grow past what was live at the last full collection, in percent (its default
 * adapts up to 300 %: a heap four times its live data). Measured on a 1,000-document cold build (README
 * "Benchmarks"): this thread held about 50 MB of live data while its heap swung up to 370 MB, and the
 * corpus pages, about 300 MB live at their height, took a 720 MB heap: most of the process's peak was
 * garbage not yet collected, not data. At 50 % the collector keeps up (300 documents: peak RSS 654 ->
 * 542 MB, no slower on this machine). It is a pace, not a cap: nothing fails for want of memory.
 */
export const HEAP_GROWING_PERCENT = 50;

let applied = '';

/**
 * Set the pace for this process: every isolate, the render workers' included, reads V8's flags, so this
 * runs first thing in the command-line process (bin/tei-pipeline.js) and in the install's warm-up
 * (scripts/precompile.mjs), never in a host that imports the pipeline as a library (the tests), whose own
 * heap is its own business.
 */
export function paceHeapGrowth(): void {
  const flags = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
  setFlagsFromString(flags);
  applied = flags;
  // Worker threads share the process's flags but not this module: they read them here.
  process.env[INHERITED] = flags;
}

const INHERITED = 'TEI_PIPELINE_V8_FLAGS';

/**
 * The V8 flags this process set for itself, '' when none. V8 refuses code it cached under other flags,
 * so a code cache is named by them too (load-saxon-js.ts): the command line and a library host that
 * share a cache folder each keep their own instead of rewriting one another's on every run.
 */
export function runtimeV8Flags(): string {
  return isMainThread ? applied : (process.env[INHERITED] ?? '');
}
