import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Temporary files and folders a killed process leaves behind, and their removal. Every temporary
 * name the pipeline makes carries the pid of its maker: `<file>.<pid>.<thread>.<n>.tmp` (atomic
 * writes, core/write-atomic.ts), `<file>.<pid>.tmp` (compiled stylesheets), `.tmp-<id>-<pid>/` and
 * `.old-<id>-<pid>/` (bags). A name whose process is no longer running is a leftover; one whose
 * process runs is another build at work, and is left alone.
 */
const TEMP_FILE = /\.(\d+)(?:\.\d+){0,2}\.tmp$/;
const TEMP_FOLDER = /^\.(?:tmp|old)-.+-(\d+)$/;

export interface Leftover {
  /** Absolute path. */
  path: string;
  kind: 'file' | 'folder';
  pid: number;
}

/** Whether a process with this id runs (on this machine). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files and folders of dead processes under these folders (recursively; absent folders are skipped). */
export async function findLeftovers(dirs: readonly string[]): Promise<Leftover[]> {
  const found: Leftover[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        const m = TEMP_FOLDER.exec(e.name);
        if (m) {
          const pid = Number(m[1]);
          if (!processAlive(pid)) found.push({ path, kind: 'folder', pid });
          continue; // a bag being written: its files are not leftovers of their own
        }
        await walk(path);
      } else {
        const m = TEMP_FILE.exec(e.name);
        if (m && !processAlive(Number(m[1]))) found.push({ path, kind: 'file', pid: Number(m[1]) });
      }
    }
  };
  for (const dir of dirs) await walk(dir);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Remove the leftovers of dead processes under these folders; returns what was removed. */
export async function removeLeftovers(dirs: readonly string[]): Promise<Leftover[]> {
  const found = await findLeftovers(dirs);
  for (const l of found) await rm(l.path, { recursive: true, force: true });
  return found;
}

/** Where a project's runs leave temporary files: its outputs and its own build cache folder. */
export function projectTempDirs(project: { outDir: string; buildCacheFile: string }): string[] {
  return [project.outDir, dirname(project.buildCacheFile)];
}
