import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { packageDir, projectPath } from '../../core/project.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { UsageError } from '../usage.js';
import { fillTemplate, today } from './init.js';
import { cliContext } from '../context.js';

export const KINDS = ['letter', 'record'] as const;

/**
 * Write a new document from a template (templates/documents/<kind>.xml, after
 * docs/encoding-conventions.md) as <documents>/<id>.xml; returns its path relative to `root`.
 */
export function writeDocument(
  root: string,
  teiDir: string,
  schema: string,
  registers: string,
  kind: string,
  id: string,
  publisher: string,
): string {
  const file = join(root, teiDir, `${id}.xml`);
  const href = (to: string) => relative(dirname(file), join(root, to)).split(sep).join('/');
  const values = { id, today: today(), publisher, schemaHref: href(schema), registerHref: href(registers) + '/' };
  const text = fillTemplate(readFileSync(join(packageDir, 'templates', 'documents', `${kind}.xml`), 'utf8'), values);
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': never overwrite a document that appeared meanwhile.
  writeFileSync(file, text, { flag: 'wx' });
  return relative(root, file).split(sep).join('/');
}

/** `tei-pipeline new letter|record ID`: a new document in the edition, from a template. */
export async function newCommand(options: CliOptions): Promise<number> {
  const [kind, id, ...rest] = options.paths;
  if (!kind || !(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`Unexpected document kind "${kind ?? ''}", expected one of ${KINDS.join(', ')}`);
  if (!id || rest.length > 0) throw new UsageError('Unexpected arguments, expected: tei-pipeline new letter|record ID');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id) || id.includes('..'))
    throw new UsageError(
      `Unexpected id "${id}", expected lower-case letters, digits, ".", "_" and "-" (it names the file and its outputs)`,
    );
  options.paths = [];
  const project = editionFor(options);
  if (!project) return 1;
  const target = join(project.root, project.teiDir, `${id}.xml`);
  if (existsSync(target)) throw new UsageError(`Unexpected id "${id}": ${projectPath(project, target)} exists already`);
  const schema = project.schemas[0] ? projectPath(project, project.schemas[0]) : 'tei/schema/tei-project.rng';
  const written = writeDocument(
    project.root,
    project.teiDir,
    schema,
    project.registersDir || `${project.teiDir}/register`,
    kind,
    id,
    project.edition.publisher?.name ?? 'Publisher (name)',
  );
  if (!options.quiet)
    cliContext().stdout.write(
      `wrote ${relative(cliContext().cwd, join(project.root, written)).split(sep).join('/')}: fill in the parts in parentheses, then tei-pipeline validate\n`,
    );
  return 0;
}
