import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.js';
import type { BagFiles } from './bag.js';

/**
 * Put a bag and its zip in place as <dir>/<name>/ and <dir>/<name>.zip so that a reader sees the
 * old bag or the new one, never half of one: the bag is written to a temporary folder beside it
 * and renamed into place (the old one is moved aside first and removed after), then the zip is
 * written atomically. If anything fails, the temporary folder goes and the old bag is put back.
 */
export async function writeBag(dir: string, name: string, files: BagFiles, zip: Uint8Array): Promise<void> {
  const target = join(dir, name);
  const tmp = join(dir, `.tmp-${name}-${process.pid}`);
  const old = join(dir, `.old-${name}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  await rm(tmp, { recursive: true, force: true });
  let movedOld = false;
  try {
    for (const [path, bytes] of files) {
      const file = join(tmp, ...path.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
    movedOld = await rename(target, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await rename(tmp, target);
    await writeFileAtomic(join(dir, `${name}.zip`), zip);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (movedOld) {
      await rm(target, { recursive: true, force: true });
      await rename(old, target);
    }
    throw e;
  }
  if (movedOld) await rm(old, { recursive: true, force: true });
}
