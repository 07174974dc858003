import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WriteError } from './io-failure.js';

let counter = 0;

/**
 * Write a file so readers see the old content or the new, never half of it: write a temp file in
 * the same folder, then rename over the target (atomic on POSIX file systems). A failure is a
 * WriteError naming the target, not the temp file, and leaves no temp file behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${counter++}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(file, e);
  }
}
