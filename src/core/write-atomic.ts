import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { WriteError } from './io-failure.js';

let counter = 0;

// Worker threads of one process share its pid: the thread id keeps their temp files apart.
const tempFor = (file: string) => `${file}.${process.pid}.${threadId}.${counter++}.tmp`;

/**
 * Write a file so readers see the old content or the new, never half of it: write a temp file in
 * the same folder, then rename over the target (atomic on POSIX file systems). A failure is a
 * WriteError naming the target, not the temp file, and leaves no temp file behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempFor(file);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(file, e);
  }
}

/** writeFileAtomic where no promise can be awaited: caches written at process exit, or mid-computation. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = tempFor(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new WriteError(file, e);
  }
}
