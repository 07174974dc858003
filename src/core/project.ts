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
  /** The registers' folder, relative to root, tei/register by default: validated, never rendered as documents. */
  registersDir: string;
  /** RELAX NG schemas (absolute) every document must satisfy; schemaRng is the first, or ''. */
  schemas: string[];
  /** Schematron files (absolute); schemaSch is the first, or ''. */
  schematrons: string[];
  /** Severity overrides by rule id (the configuration's "rules"). */
  rules: Record<string, RuleSetting>;
  /** Whether the root's xml:id must equal the file name (tei/file-named-by-id). */
  idEqualsFileName: boolean;
  /** The output formats written. */
  formats: string[];
  /** Per format, the entry stylesheet to use instead of the shipped one (absolute). */
  stylesheets: Record<string, string>;
  /** The configuration file read, if any (absolute). */
  configFile?: string;
  /** False when no edition was found (validate FILES outside any edition): no schema, Schematron or registers. */
  isEdition: boolean;
}

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

/** What a configuration file sets; every field optional, paths relative to the root. */
export interface ProjectSettings {
  documents?: string;
  registers?: string;
  schemas?: string[];
  schematron?: string[];
  rules?: Record<string, RuleSetting>;
  idEqualsFileName?: boolean;
  output?: { dir?: string; formats?: string[] };
  stylesheets?: Record<string, string>;
  edition?: EditionFacts;
}

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The project at `root`: the settings given (a configuration file's), defaults for the rest. The
 * defaults reproduce CONVENTIONS.md §1: documents in tei/, registers in tei/register/, the project
 * schema and Schematron in tei/schema/, outputs in out/.
 */
export function openProject(
  root: string = process.cwd(),
  outDir?: string,
  settings: ProjectSettings = {},
  configFile?: string,
): Project {
  const r = resolve(root);
  const teiDir = posixPath(settings.documents ?? 'tei');
  const registersDir = posixPath(settings.registers ?? `${teiDir}/register`);
  // Documents may make the pipeline read other files (registers, pointed-to documents) in the edition only.
  allowReadsUnder([join(r, teiDir), join(r, registersDir)]);
  const schemas = (settings.schemas ?? ['tei/schema/tei-project.rng']).map((p) => resolve(r, p));
  const schematrons = (settings.schematron ?? ['tei/schema/tei-project.sch']).map((p) => resolve(r, p));
  return {
    root: r,
    teiDir,
    schemaRng: schemas[0] ?? '',
    schemaSch: schematrons[0] ?? '',
    schemas,
    schematrons,
    registersDir,
    rules: { ...(settings.rules ?? {}) },
    idEqualsFileName: settings.idEqualsFileName ?? true,
    formats: settings.output?.formats ?? ['html', 'text', 'cite'],
    stylesheets: Object.fromEntries(Object.entries(settings.stylesheets ?? {}).map(([f, p]) => [f, resolve(r, p)])),
    ...(configFile ? { configFile } : {}),
    isEdition: true,
    outDir: outDir ? resolve(r, outDir) : resolve(r, settings.output?.dir ?? 'out'),
    // TEI_PIPELINE_CACHE lets several projects (the tests' temporary ones) share compiled stylesheets.
    cacheDir: process.env['TEI_PIPELINE_CACHE']
      ? resolve(process.env['TEI_PIPELINE_CACHE'])
      : join(r, '.cache', 'tei-pipeline'),
    buildCacheFile: join(r, '.cache', 'tei-pipeline', 'build-cache.json'),
    packageDir,
    edition: settings.edition ?? {},
  };
}

/**
 * No edition: `validate FILES` run outside any edition. Well-formedness, the --schemas given and
 * the generic rules only; pointers may resolve only inside the folder the files are in.
 */
export function noEdition(cwd: string, files: readonly string[]): Project {
  const p = openProject(cwd, undefined, { schemas: [], schematron: [], idEqualsFileName: false, documents: '.' });
  allowReadsUnder([cwd, ...files.map((f) => dirname(resolve(cwd, f)))]);
  return { ...p, isEdition: false, registersDir: '' };
}

function posixPath(p: string): string {
  return p.split(sep).join('/').replace(/\/+$/, '') || '.';
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
      if (explicit)
        diagnostics.push(
          diagnostic({
            file: name,
            at: { line: 1, column: 1 },
            severity: 'error',
            source: 'xml',
            ruleId: 'io/not-found',
            message: `Unexpected path "${name}": no such file or folder`,
          }),
        );
      continue;
    }
    if (st.isFile()) {
      files.add(target);
      continue;
    }
    const found = await xmlFilesUnder(target);
    if (found.length === 0 && explicit)
      diagnostics.push(
        diagnostic({
          file: name,
          at: { line: 1, column: 1 },
          severity: 'error',
          source: 'xml',
          ruleId: 'io/no-documents',
          message: `Unexpected folder "${name}" without XML files, expected TEI documents (*.xml)`,
        }),
      );
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), diagnostics, emptyDefault: !explicit && files.size === 0 };
}

async function xmlFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (e.isFile() && e.name.toLowerCase().endsWith('.xml'))
      out.push(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  }
  return out;
}
