import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { packageDir } from '../core/project.js';
import { describeIoFailure, WriteError } from '../core/io-failure.js';
import { warn, warningBase } from '../core/warn.js';
import { writeFileAtomic } from '../core/write-atomic.js';
import { LineIndex } from '../core/line-index.js';
import { placeCompileError, StylesheetCompileError, type StylesheetPlace } from './stylesheet-error.js';

export { StylesheetCompileError } from './stylesheet-error.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * Compiled stylesheets shipped with the package (`npm run precompile`, run on install and before packing),
 * by the same content hash as the cache: a hash that matches is proof the SEF is current, so a first build
 * never waits for the compiler, and a changed stylesheet is simply not found here and compiled afresh.
 */
export const SHIPPED_SEF_DIR = join(packageDir, 'dist', 'precompiled');

/** A compiled stylesheet (SEF) as saxon-js takes it in `stylesheetInternal`. */
export type Sef = Record<string, unknown>;

/**
 * The stylesheet and every file it imports or includes, transitively, in a stable order: what its
 * compiled form depends on, and so what its cache key hashes.
 */
export async function stylesheetFiles(entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  const importedBy = new Map<string, { what: string; place: StylesheetPlace }>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8').catch((e: unknown) => {
      const from = importedBy.get(file);
      if (!from) throw e;
      // An edition's override that imports a file that is not there: said at its xsl:import.
      throw new StylesheetCompileError(entry, `Unexpected ${from.what}, expected a stylesheet there`, from.place);
    });
    for (const m of text.matchAll(/<xsl:(?:import|include)\s[^>]*href\s*=\s*["']([^"']+)["']/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (!importedBy.has(target) && !seen.has(target))
        importedBy.set(target, {
          what: `${m[0].startsWith('<xsl:import') ? 'import' : 'include'} of "${m[1]}": no such file ${target}`,
          place: { file, ...new LineIndex(text).position(m.index) },
        });
      queue.push(target);
    }
  }
  return [...seen];
}

function xslt3Version(): string {
  return (require('xslt3/package.json') as { version: string }).version;
}

/** Content hash of a stylesheet with everything it pulls in, and of the compiler's version. */
export async function stylesheetHash(entry: string): Promise<string> {
  const h = createHash('sha256').update('xslt3@' + xslt3Version());
  for (const file of await stylesheetFiles(entry))
    h.update('\0' + file.slice(dirname(resolve(entry)).length)).update(await readFile(file));
  return h.digest('hex').slice(0, 24);
}

/**
 * Compile an XSLT stylesheet to SEF with the xslt3 compiler (saxon-js runs only SEFs), caching the
 * result under `cacheDir` by content hash so a stylesheet is compiled once, not once per run or document.
 * A cache entry that does not parse is discarded and rebuilt.
 */
export interface CompileEvent {
  stylesheet: string;
  phase: 'start' | 'end';
  /** With 'end': how long the compile took. */
  ms?: number;
}

let compileListener: ((e: CompileEvent) => void) | null = null;

/**
 * Hear of every real compile (not cache hits) until the returned function is called: a first build
 * spends most of its time here, and a terminal should say so (the build command's progress).
 */
export function onCompile(listener: (e: CompileEvent) => void): () => void {
  compileListener = listener;
  return () => {
    compileListener = null;
  };
}

export async function compileStylesheet(entry: string, cacheDir: string): Promise<Sef> {
  const hash = await stylesheetHash(entry);
  const cached = join(cacheDir, 'sef', `${hash}.sef.json`);
  for (const candidate of [join(SHIPPED_SEF_DIR, 'sef', `${hash}.sef.json`), cached]) {
    try {
      const sef = JSON.parse(await readFile(candidate, 'utf8')) as Sef;
      if (sef && sef['N'] === 'package') return sef;
    } catch {
      // absent or corrupt: try the next, else compile afresh
    }
  }
  const failed = failureFile(cacheDir, hash, entry);
  const known = await knownFailure(failed);
  if (known !== null) throw await compileError(entry, known);
  // Compiled beside its cache entry and renamed into place (the atomic write). Where the cache
  // folder cannot be written, compiled in a temporary folder of the system's instead, with a
  // warning: that costs the next run a compile, never this run its build.
  const folder = dirname(cached);
  const unwritable = await mkdir(folder, { recursive: true })
    .then(() => access(folder, constants.W_OK))
    .then(
      () => null,
      (e: unknown) => e,
    );
  const work = unwritable ? await mkdtemp(join(tmpdir(), 'tei-pipeline-sef-')) : null;
  const tmp = work ? join(work, 'out.sef.json') : `${cached}.${process.pid}.${compiles++}.tmp`;
  const started = performance.now();
  compileListener?.({ stylesheet: entry, phase: 'start' });
  try {
    try {
      await run(
        process.execPath,
        [require.resolve('xslt3/xslt3.js'), `-xsl:${resolve(entry)}`, `-export:${tmp}`, '-nogo', '-relocate:on'],
        { maxBuffer: 16 << 20 },
      );
    } catch (e) {
      const err = e as { stderr?: string; message: string; code?: unknown; signal?: unknown };
      const report = (err.stderr || err.message).trim().split('\n').slice(0, 5).join(' ');
      if (isStaticError(err)) await keepInCache(failed, JSON.stringify({ report }));
      throw await compileError(entry, report);
    }
    const text = await readFile(tmp, 'utf8');
    compileListener?.({ stylesheet: entry, phase: 'end', ms: performance.now() - started });
    if (unwritable) notKept(new WriteError(cached, unwritable));
    else await rename(tmp, cached).catch((e: unknown) => notKept(new WriteError(cached, e)));
    return JSON.parse(text) as Sef;
  } finally {
    await rm(work ?? tmp, { recursive: true, force: true });
  }
}

let compiles = 0;

/**
 * The compiler's verdict on a stylesheet that does not compile, kept by the same content hash as a
 * compiled one: `check` after a failed `build`, and every save in watch while an override is broken,
 * report the fault again at once instead of waiting seconds for the compiler to find it again. Kept per
 * entry file too, since the report names files by their absolute path. Only a static error is kept
 * (exit status 2 and an error code): a compiler that was killed or ran out of memory may do better next time.
 */
function failureFile(cacheDir: string, hash: string, entry: string): string {
  const where = createHash('sha256').update(resolve(entry)).digest('hex').slice(0, 12);
  return join(cacheDir, 'sef', `${hash}-${where}.failed.json`);
}

function isStaticError(err: { stderr?: string; code?: unknown; signal?: unknown }): boolean {
  return err.code === 2 && !err.signal && /^Error [A-Z]{4}\d{4}\b/m.test(err.stderr ?? '');
}

async function knownFailure(file: string): Promise<string | null> {
  try {
    const { report } = JSON.parse(await readFile(file, 'utf8')) as { report?: unknown };
    return typeof report === 'string' ? report : null;
  } catch {
    return null; // absent or corrupt: compile
  }
}

async function compileError(entry: string, report: string): Promise<StylesheetCompileError> {
  const files = await stylesheetFiles(entry).catch(() => [resolve(entry)]);
  return new StylesheetCompileError(entry, report.replace(/\s+/g, ' '), await placeCompileError(report, files));
}

function notKept(e: unknown): void {
  warn(
    `${describeIoFailure(e, warningBase()) ?? String(e)}; compiled stylesheets are not kept, so the next run compiles them again`,
  );
}

/** Write a file of the compiled cache; when that fails, warn and go on (returns false). */
export async function keepInCache(file: string, data: string): Promise<boolean> {
  try {
    await writeFileAtomic(file, data);
    return true;
  } catch (e) {
    notKept(e);
    return false;
  }
}
