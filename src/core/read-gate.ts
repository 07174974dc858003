/**
 * The one gate for every file read on a document's behalf: registers and other documents a pointer names,
 * and every doc(), document(), unparsed-text() or collection() a stylesheet evaluates. A document is input,
 * and input must never make the pipeline read (and then publish) a file outside the edition. Files the user
 * names on the command line, the package's own stylesheets and the edition's schema are read directly: the
 * user chose them, not a document.
 *
 * Paths are compared after symlinks are resolved, so a link inside the edition that leads out of it is
 * refused like the path it leads to.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Why a read was refused; saxon-js turns it into an ordinary "document not available". */
export class ReadRefused extends Error {
  constructor(readonly target: string) {
    super(`Refused to read "${target.slice(0, 200)}": only files inside the edition are read`);
  }
}

export type ReadListener = (target: string, allowed: boolean) => void;

let allowedRoots: string[] = [];
const listeners = new Set<ReadListener>();

/** The folders documents may make the pipeline read (the edition's documents and registers). */
export function allowReadsUnder(dirs: readonly string[]): void {
  allowedRoots = dirs.map((d) => realOrResolved(resolve(d)));
}

/** The folders reads are allowed under now (for render workers, which have their own gate). */
export function allowedReadRoots(): readonly string[] {
  return allowedRoots;
}

/** Call `listener` on every read asked of the gate, allowed or not (tests watch what a build opens). */
export function watchReads(listener: ReadListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The absolute, symlink-free path of a file a document asks for, or null when it is outside every
 * allowed folder, is not a local file (http:, data:, …) or is not a plain file path.
 */
export function gatedPath(target: string | URL): string | null {
  const shown = String(target instanceof URL ? target.href : target);
  const path = localPath(shown);
  const real = path === null ? null : realOrResolved(path);
  const allowed = real !== null && allowedRoots.some((root) => isInside(real, root));
  for (const listener of listeners) listener(real ?? shown, allowed);
  return allowed ? real : null;
}

/** Read a file through the gate; throws ReadRefused when it is not the edition's to read. */
export function readGatedFileSync(target: string | URL): Buffer {
  const path = gatedPath(target);
  if (path === null) throw new ReadRefused(String(target));
  return readFileSync(path);
}

/** Whether the gate lets `target` be read and it exists. */
export function gatedFileExists(target: string): boolean {
  const path = gatedPath(target);
  return path !== null && existsSync(path);
}

/** Whether the gate lets `target` be read and it is a plain file (a picture a document shows, say). */
export function gatedIsFile(target: string): boolean {
  const path = gatedPath(target);
  return path !== null && (statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
}

/** Size and time of a file the gate lets be read, as one string ('missing' when it is not one): a cheap state of a dependency. */
export function gatedFileState(target: string): string {
  const path = gatedPath(target);
  const st = path === null ? undefined : statSync(path, { throwIfNoEntry: false });
  return st?.isFile() ? `${st.size}:${st.mtimeMs}` : 'missing';
}

function localPath(target: string): string | null {
  if (/^file:/i.test(target)) {
    try {
      return fileURLToPath(target);
    } catch {
      return null;
    }
  }
  // Any other scheme (http:, data:, jar:, …) is never read; a Windows drive letter is not a scheme here.
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(target)) return null;
  return isAbsolute(target) ? resolve(target) : null;
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A file that does not exist yet cannot be a link; its folder may be, so resolve that.
    const parent = resolve(path, '..');
    if (parent === path) return path;
    return resolve(realOrResolved(parent), relative(parent, path));
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
