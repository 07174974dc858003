import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { packageDir } from '../core/project.js';

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
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/<xsl:(?:import|include)\s[^>]*href\s*=\s*["']([^"']+)["']/g)) queue.push(resolve(dirname(file), m[1]!));
  }
  return [...seen];
}

function xslt3Version(): string {
  return (require('xslt3/package.json') as { version: string }).version;
}

/** Content hash of a stylesheet with everything it pulls in, and of the compiler's version. */
export async function stylesheetHash(entry: string): Promise<string> {
  const h = createHash('sha256').update('xslt3@' + xslt3Version());
  for (const file of await stylesheetFiles(entry)) h.update('\0' + file.slice(dirname(resolve(entry)).length)).update(await readFile(file));
  return h.digest('hex').slice(0, 24);
}

/**
 * Compile an XSLT stylesheet to SEF with the xslt3 compiler (saxon-js runs only SEFs), caching the
 * result under `cacheDir` by content hash so a stylesheet is compiled once, not once per run or document.
 * A cache entry that does not parse is discarded and rebuilt.
 */
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
  await mkdir(dirname(cached), { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  try {
    await run(process.execPath, [require.resolve('xslt3/xslt3.js'), `-xsl:${resolve(entry)}`, `-export:${tmp}`, '-nogo', '-relocate:on'], { maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new StylesheetCompileError(entry, (err.stderr || err.message).trim().split('\n').slice(0, 5).join(' '));
  }
  // The compiler wrote a temp file beside the cache entry: renaming it is the atomic write.
  await rename(tmp, cached);
  return JSON.parse(await readFile(cached, 'utf8')) as Sef;
}

export class StylesheetCompileError extends Error {
  constructor(
    readonly stylesheet: string,
    detail: string,
  ) {
    super(`Cannot compile ${stylesheet}: ${detail}`);
  }
}
