import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { noEdition, openProject, type Project } from '../core/project.js';
import { CONFIG_FILE, loadConfig } from './load-config.js';

export interface OpenedEdition {
  project: Project;
  /** Problems of the configuration file; an error means no command may go on. */
  diagnostics: Diagnostic[];
}

/**
 * The edition the working directory is in, found as git and ESLint find theirs: the nearest folder,
 * going up, that holds tei-pipeline.config.json; failing that, the nearest that holds a tei/ folder
 * (an edition laid out by the conventions, without configuration).
 */
export function findEditionRoot(cwd: string): { root: string; config?: string } | null {
  const walk = (test: (dir: string) => boolean): string | null => {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      if (test(dir)) return dir;
      if (dirname(dir) === dir) return null;
    }
  };
  const withConfig = walk((d) => existsSync(join(d, CONFIG_FILE)));
  if (withConfig) return { root: withConfig, config: join(withConfig, CONFIG_FILE) };
  const withTei = walk((d) => isDir(join(d, 'tei')));
  return withTei ? { root: withTei } : null;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Open the edition around `cwd` with its configuration; `outDir` (--out) is relative to `cwd`.
 * Outside any edition, `paths` (validate FILES) are checked on their own: see noEdition.
 */
export function openEdition(cwd: string, outDir?: string, paths: readonly string[] = []): OpenedEdition | null {
  const found = findEditionRoot(cwd);
  const out = outDir === undefined ? undefined : resolve(cwd, outDir);
  if (!found) return paths.length > 0 ? { project: noEdition(cwd, paths), diagnostics: [] } : null;
  if (!found.config) return { project: openProject(found.root, out), diagnostics: [] };
  const shown = relative(found.root, found.config).split(sep).join('/');
  const loaded = loadConfig(found.config, shown, found.root);
  return { project: openProject(found.root, out, loaded.settings, found.config), diagnostics: loaded.diagnostics };
}
