import { relative, sep } from 'node:path';

/** The cause of a failed file operation in plain words, from its error code. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full (no space left on device)',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where the file should be',
  ENOENT: 'a folder on its path does not exist',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is in use',
  ETXTBSY: 'the file is in use',
};

export function plainCause(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code && CAUSES[e.code]) return CAUSES[e.code]!;
  // Node's own message without its "ECODE: " prefix and the path it names (ours is better).
  const message = String(e?.message ?? error)
    .replace(/^[A-Z]+: /, '')
    .replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
  return message || 'unknown cause';
}

/**
 * Writing a file failed: names the file that was to be written (never the temporary file the write
 * went through) and keeps the cause. The CLI prints it as one line and exits 2.
 */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`cannot write ${file}: ${plainCause(cause)}`);
    this.name = 'WriteError';
  }
}

/** The one line an I/O failure prints: the path relative to `cwd` and the cause, in plain words. */
export function describeIoFailure(error: unknown, cwd: string): string | null {
  const shown = (p: string) => {
    const rel = relative(cwd, p);
    return (rel && !rel.startsWith('..') ? rel : p).split(sep).join('/');
  };
  if (error instanceof WriteError) return `cannot write ${shown(error.file)}: ${plainCause(error.cause)}`;
  const e = error as NodeJS.ErrnoException;
  if (!e?.code || !e.path || !/^E[A-Z]+$/.test(e.code)) return null;
  const verb = ['read', 'scandir', 'stat', 'lstat'].includes(e.syscall ?? '') ? 'read' : 'write';
  return `cannot ${verb} ${shown(e.path)}: ${plainCause(e)}`;
}
