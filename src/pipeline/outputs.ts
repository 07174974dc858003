import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.js';

/** The folders under out/ that the build owns and `check` compares (out/deposit/ is not committed). */
export const OUTPUT_FOLDERS = ['html', 'text', 'cite'] as const;

/** Every file now under the build's folders of outDir, as forward-slash paths relative to outDir. */
export async function existingOutputs(outDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of OUTPUT_FOLDERS) {
    const entries = await readdir(join(outDir, folder), { withFileTypes: true, recursive: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || e.name.endsWith('.tmp')) continue;
      files.push(relative(outDir, join(e.parentPath, e.name)).split(sep).join('/'));
    }
  }
  return files.sort();
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/** Write outputs atomically, skipping files whose bytes are already what they should be. */
export async function writeOutputs(
  outDir: string,
  outputs: ReadonlyMap<string, string | Uint8Array>,
): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [] };
  for (const [path, content] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = join(outDir, path);
    // Bytes are used as they are, not copied (a register page of a large edition is tens of megabytes).
    const bytes =
      typeof content === 'string'
        ? Buffer.from(content, 'utf8')
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const current = await readFile(file).catch(() => null);
    if (current && current.equals(bytes)) {
      result.unchanged.push(path);
      continue;
    }
    await writeFileAtomic(file, bytes);
    result.written.push(path);
  }
  return result;
}

export async function removeOutputs(outDir: string, paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    await rm(join(outDir, p), { force: true });
    // A folder the file leaves empty (a document's pictures, html/images/<id>/…) goes too; not html/ itself.
    for (let dir = posix.dirname(p); dir.includes('/'); dir = posix.dirname(dir))
      if (
        !(await rmdir(join(outDir, dir)).then(
          () => true,
          () => false,
        ))
      )
        break;
  }
}
