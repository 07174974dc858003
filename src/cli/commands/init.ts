import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { packageDir } from '../../core/project.js';
import { CONFIG_FILE } from '../../config/load-config.js';
import type { CliOptions } from '../options.js';
import { UsageError } from '../usage.js';
import { toolVersion } from '../version.js';
import { writeDocument } from './new.js';
import { cliContext } from '../context.js';

const TEMPLATES = join(packageDir, 'templates');
const SAMPLE_ID = 'sample-letter';

/** Today as the TEI writes it (UTC: the same on every machine on one day). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Replace {{name}} placeholders; an unknown placeholder is a bug in the template, not left in. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined) throw new Error(`template placeholder {{${k}}} has no value`);
    return v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  });
}

/**
 * `tei-pipeline init [DIR] [--schema FILE.rng]`: a new edition that builds at once. With the
 * project's schema (default) it follows the conventions of this pipeline strictly; with --schema
 * (e.g. tei_all.rng, for TEI from elsewhere) that schema is copied in, no Schematron runs, files need
 * not be named by xml:id, and the pointer and date-wording rules only warn.
 */
export async function initCommand(options: CliOptions): Promise<number> {
  if (options.paths.length > 1)
    throw new UsageError(`Unexpected arguments "${options.paths.slice(1).join(' ')}", expected at most one folder`);
  if (options.schemas.length > 1) throw new UsageError('Unexpected second --schema, expected one schema for init');
  const dir = resolve(cliContext().cwd, options.paths[0] ?? '.');
  if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, 'tei'))) {
    throw new UsageError(
      `Unexpected existing edition in ${dir} (it has ${existsSync(join(dir, CONFIG_FILE)) ? CONFIG_FILE : 'a tei/ folder'}), expected a new or empty folder`,
    );
  }
  const foreign = options.schemas[0] ? resolve(cliContext().cwd, options.schemas[0]) : undefined;
  if (foreign && !existsSync(foreign))
    throw new UsageError(`Unexpected --schema "${options.schemas[0]}": no such file`);
  const schemaFile = foreign ? basename(foreign) : 'tei-project.rng';
  const written: string[] = [];
  const kept: string[] = [];
  const write = (path: string, content: string | Buffer, keepExisting = false) => {
    const abs = join(dir, path);
    // A folder that already has a package.json (npm install ran first) or a workflow keeps its own.
    if (keepExisting && existsSync(abs)) return void kept.push(path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    written.push(path);
  };
  const values = {
    today: today(),
    publisher: 'Publisher (name)',
    schemaFile,
    name: packageName(dir),
    pipelineVersion: `^${toolVersion()}`,
  };

  mkdirSync(join(dir, 'tei', 'schema'), { recursive: true });
  if (foreign) {
    copyFileSync(foreign, join(dir, 'tei', 'schema', schemaFile));
    written.push(`tei/schema/${schemaFile}`);
  } else {
    for (const f of ['tei-project.rng', 'tei-project.sch'])
      write(`tei/schema/${f}`, readFileSync(join(packageDir, 'tei', 'schema', f)));
  }
  const config = {
    $schema: './node_modules/tei-pipeline/schemas/tei-pipeline.config.schema.json',
    documents: 'tei',
    registers: `tei/register`,
    schemas: [`tei/schema/${schemaFile}`],
    schematron: foreign ? [] : ['tei/schema/tei-project.sch'],
    rules: foreign ? { 'tei/ref-resolves': 'warning', 'tei/date-text-agrees': 'warning' } : {},
    idEqualsFileName: !foreign,
    output: { dir: 'out', formats: ['html', 'text', 'cite'] },
    edition: {},
  };
  write(CONFIG_FILE, JSON.stringify(config, null, 2) + '\n');
  for (const f of readdirSync(join(TEMPLATES, 'edition', 'tei', 'register'))) {
    write(
      `tei/register/${f}`,
      fillTemplate(readFileSync(join(TEMPLATES, 'edition', 'tei', 'register', f), 'utf8'), values),
    );
  }
  write('.gitignore', readFileSync(join(TEMPLATES, 'edition', 'gitignore'), 'utf8'), true);
  write('package.json', fillTemplate(readFileSync(join(TEMPLATES, 'edition', 'package.json'), 'utf8'), values), true);
  write(
    '.github/workflows/tei.yml',
    readFileSync(join(TEMPLATES, 'edition', '.github', 'workflows', 'tei.yml'), 'utf8'),
    true,
  );
  written.push(
    writeDocument(dir, 'tei', `tei/schema/${schemaFile}`, `tei/register`, 'letter', SAMPLE_ID, values.publisher),
  );

  if (!options.quiet) {
    const shown = relative(cliContext().cwd, dir).split(sep).join('/') || '.';
    for (const p of written.sort()) cliContext().stdout.write(`wrote ${shown}/${p}\n`);
    for (const p of kept) cliContext().stdout.write(`kept ${shown}/${p} (it exists already)\n`);
    cliContext().stdout.write(
      `a new edition in ${shown}: next, ${shown === '.' ? '' : `cd ${shown} && `}npm install && npx tei-pipeline build\n`,
    );
  }
  return 0;
}

function packageName(dir: string): string {
  return (
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+/, '') || 'tei-edition'
  );
}
