import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowReadsUnder } from './read-gate.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import type { EditionFacts } from './edition-facts.js';

/** Where things are, for one edition (CONVENTIONS.md §1). Paths are absolute. */
export interface Project {
  root: string;
  /** The edition folder, relative to root ('tei'). */
  teiDir: string;
  schemaRng: string;
  schemaSch: string;
  outDir: string;
  /** Compiled stylesheets and Schematron, content-addressed: safe to share between projects. */
  cacheDir: string;
  /** The build cache of this project (what was built from what): never shared. */
  buildCacheFile: string;
  /** This package's own folder (its xslt/ stylesheets). */
  packageDir: string;
  /** The edition's own facts from its configuration; empty when it gives none. */
  edition: EditionFacts;
}

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function openProject(root: string = process.cwd(), outDir?: string): Project {
  const r = resolve(root);
  // Documents may make the pipeline read other files (registers, pointed-to documents) in the edition only.
  allowReadsUnder([join(r, 'tei')]);
  return {
    root: r,
    teiDir: 'tei',
    schemaRng: join(r, 'tei', 'schema', 'tei-project.rng'),
    schemaSch: join(r, 'tei', 'schema', 'tei-project.sch'),
    outDir: outDir ? resolve(r, outDir) : join(r, 'out'),
    // TEI_PIPELINE_CACHE lets several projects (the tests' temporary ones) share compiled stylesheets.
    cacheDir: process.env['TEI_PIPELINE_CACHE'] ? resolve(process.env['TEI_PIPELINE_CACHE']) : join(r, '.cache', 'tei-pipeline'),
    buildCacheFile: join(r, '.cache', 'tei-pipeline', 'build-cache.json'),
    packageDir,
    edition: {},
  };
}

/** A path as diagnostics name it: relative to the project root, forward slashes. */
export function projectPath(project: Project, absolute: string): string {
  return relative(project.root, absolute).split(sep).join('/');
}

export interface Discovered {
  /** Absolute paths of the XML files to check, sorted, each once. */
  files: string[];
  diagnostics: Diagnostic[];
  /** True when no path was given and the default folder holds no documents: a new, empty edition. */
  emptyDefault: boolean;
}

/**
 * The XML files named by `paths` (files, or folders searched recursively), default the edition
 * folder. A path that does not exist, or a folder named explicitly that holds no XML, is an error.
 */
export async function discover(project: Project, paths: readonly string[]): Promise<Discovered> {
  const explicit = paths.length > 0;
  const targets = explicit ? paths.map((p) => resolve(project.root, p)) : [join(project.root, project.teiDir)];
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    const st = await stat(target).catch(() => null);
    const name = projectPath(project, target);
    if (!st) {
      if (explicit) diagnostics.push(diagnostic({ file: name, at: { line: 1, column: 1 }, severity: 'error', source: 'xml', ruleId: 'io/not-found', message: `Unexpected path "${name}": no such file or folder` }));
      continue;
    }
    if (st.isFile()) {
      files.add(target);
      continue;
    }
    const found = await xmlFilesUnder(target);
    if (found.length === 0 && explicit) diagnostics.push(diagnostic({ file: name, at: { line: 1, column: 1 }, severity: 'error', source: 'xml', ruleId: 'io/no-documents', message: `Unexpected folder "${name}" without XML files, expected TEI documents (*.xml)` }));
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), diagnostics, emptyDefault: !explicit && files.size === 0 };
}

async function xmlFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (e.isFile() && e.name.toLowerCase().endsWith('.xml')) out.push(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  }
  return out;
}
