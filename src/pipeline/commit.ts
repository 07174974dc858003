import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../core/project.js';
import type { EditionBuild } from './build.js';
import { saveCache, type BuildCache } from './build-cache.js';
import { existingOutputs, removeOutputs } from './outputs.js';

export interface Commit {
  /** Outputs removed because the edition no longer has them. */
  removed: string[];
}

/**
 * The step after the outputs are written, the same for build, watch and deposit: remove the outputs of
 * documents that no longer exist (not when only some documents were built), record each output's size and
 * time in the cache, and save the cache for the next build.
 */
export async function commitBuild(
  project: Project,
  build: EditionBuild,
  options: { removeStale?: boolean } = {},
): Promise<Commit> {
  const removed = options.removeStale === false ? [] : await staleOutputs(project.outDir, build);
  await removeOutputs(project.outDir, removed);
  await stampOutputs(project.outDir, build.cache);
  await saveCache(project.buildCacheFile, build.cache);
  return { removed };
}

/** Files under out/ that the edition no longer has and that belong to no failed document. */
export async function staleOutputs(outDir: string, build: EditionBuild): Promise<string[]> {
  return (await existingOutputs(outDir)).filter((p) => !build.expected.has(p) && !build.keepsLastGood(p));
}

/** Record each output's size and time as it now stands on disk, once the outputs are written. */
export async function stampOutputs(outDir: string, cache: BuildCache): Promise<void> {
  const records = [
    ...Object.values(cache.documents).flatMap((e) => Object.values(e.outputs)),
    ...(cache.corpus ? [cache.corpus] : []),
  ];
  for (const r of records) {
    for (const path of Object.keys(r.files)) {
      const st = await stat(join(outDir, path)).catch(() => null);
      r.files[path] = st ? { size: st.size, mtimeMs: st.mtimeMs } : { size: -1, mtimeMs: -1 };
    }
  }
}
