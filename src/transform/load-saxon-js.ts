/**
 * saxon-js, loaded with a V8 code cache. Its one 2.4 MB file costs a cold process ~0.6 s to parse and
 * compile before any XPath runs: that alone was a third of `validate --schema tei_all.rng` on one record.
 * Node 20 has no module.enableCompileCache, so the file is compiled here through vm.Script with the
 * bytes V8 produced the first time (the v8-compile-cache approach, for this one file).
 *
 * The cache lives beside the installed packages (node_modules/.cache/tei-pipeline/, find-cache-dir's
 * convention; under TEI_PIPELINE_CACHE when that is set), never in an edition. Its name carries a hash of saxon-js's source, the
 * V8 version and architecture, and the V8 flags the process set for itself (V8 rejects code cached
 * under other flags: the CLI sets one, core/heap-growth.ts); a file that fails its own checksum, or that V8 rejects, is ignored and
 * written again. It is written atomically (temp file, then rename); a read-only install runs uncached.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import type SaxonJSApi from 'saxon-js';
import { runtimeV8Flags } from '../core/heap-growth.js';
import { writeFileAtomicSync } from '../core/write-atomic.js';

const resolveHere = createRequire(import.meta.url);

export function loadSaxonJs(): typeof SaxonJSApi {
  const file = resolveHere.resolve('saxon-js');
  const requireThere = createRequire(file);
  const known = requireThere.cache[file];
  if (known?.loaded) return known.exports as typeof SaxonJSApi;
  // Hashed as bytes: hashing the 2.4 MB as a string first encodes it again (~10 ms of every run).
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const base = join(
    codeCacheDir(file),
    `saxon-js-${digest(bytes).toString('hex').slice(0, 16)}-v8-${process.versions.v8}-${process.arch}${flagsTag()}`,
  );
  // Two caches: one written by a process that ran XSLT (-xslt.bin), one by a run that ran only XPath.
  // The first found is loaded, the XSLT one before the other.
  const withXslt = `${base}-xslt.bin`;
  let from = withXslt;
  let cached = readChecked(withXslt);
  if (!cached) {
    from = `${base}.bin`;
    cached = readChecked(from);
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const mod = new Module(file);
  mod.filename = file;
  // Registered as require('saxon-js') would: every require of it in this process gets this instance.
  requireThere.cache[file] = mod;
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  init.call(mod.exports, mod.exports, withoutHttpClient(requireThere), mod, file, dirname(file));
  mod.loaded = true;
  // Written once this thread has run a few transforms, or when it ends: V8 then includes every function
  // compiled so far, so the next run skips compiling the XPath and XSLT code this one used (most of
  // saxon-js is lazy). Not at the end of a long build: V8 has flushed most functions' bytecode by then,
  // and builds on the 0.6 MB cache such a build left peaked higher than on the 2.8 MB one written early
  // (400 documents: 417-433 against 330-392 MB). A process that runs XSLT on a cache written without it
  // writes the XSLT one.
  const fresh = !cached || script.cachedDataRejected;
  const lacksXslt = fresh || from !== withXslt;
  let written = false;
  const write = (to: string) => {
    written = true;
    writeChecked(to, script.createCachedData());
  };
  if (lacksXslt) afterTransforms = () => write(withXslt);
  process.once('exit', () => {
    if (written) return;
    if (transforms > 0 ? lacksXslt : fresh) write(transforms > 0 ? withXslt : `${base}.bin`);
  });
  return mod.exports as typeof SaxonJSApi;
}

// How many transforms a thread runs before it writes the code cache: the first document's formats.
const TRANSFORMS_BEFORE_WRITING = 4;
let transforms = 0;
let afterTransforms: (() => void) | null = null;

/** A transform starts in this thread (runTransform says so); after the first few, the code cache is written. */
export function noteTransform(): void {
  if (++transforms !== TRANSFORMS_BEFORE_WRITING + 1) return;
  const write = afterTransforms;
  afterTransforms = null;
  write?.();
}

/** The V8 flags the process set for itself (core/heap-growth.ts), which V8 checks cached code against. */
function flagsTag(): string {
  const flags = runtimeV8Flags();
  return flags === '' ? '' : `-flags-${digest(flags).toString('hex').slice(0, 8)}`;
}

/** node_modules/.cache/tei-pipeline beside saxon-js, or TEI_PIPELINE_CACHE/code when that is set (tests, benchmarks). */
function codeCacheDir(saxonFile: string): string {
  const shared = process.env['TEI_PIPELINE_CACHE'];
  return shared ? join(resolve(shared), 'code') : join(dirname(dirname(saxonFile)), '.cache', 'tei-pipeline');
}

/**
 * saxon-js requires axios for HTTP at load time, but the pipeline never lets it fetch a URL
 * (saxon.ts replaces platform.makeHttpRequest): loading axios and its dependencies would cost a tenth
 * of a second for nothing. Anything that reached it anyway fails loudly.
 */
function withoutHttpClient(requireThere: NodeJS.Require): (id: string) => unknown {
  const refused = new Proxy(
    {},
    {
      get: () => {
        throw new Error('saxon-js may not fetch URLs in tei-pipeline');
      },
    },
  );
  return (id: string) => (id === 'axios' ? refused : requireThere(id));
}

const digest = (data: string | Uint8Array) => createHash('sha256').update(data).digest();

/** The cache's bytes when they are whole (their SHA-256 leads the file), else undefined. */
export function readChecked(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const payload = bytes.subarray(32);
  return bytes.length > 32 && digest(payload).equals(bytes.subarray(0, 32)) ? payload : undefined;
}

export function writeChecked(file: string, payload: Buffer): void {
  try {
    writeFileAtomicSync(file, Buffer.concat([digest(payload), payload]));
  } catch {
    // A read-only node_modules: run without the cache rather than fail.
  }
}
