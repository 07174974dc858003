import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { compileSchematron } from '../../src/validate/schematron.js';
import { parseForSaxon, PRINCIPAL, runTransform } from '../../src/transform/saxon.js';
import { repoRoot } from './cli.js';

/**
 * The official schemas of the formats the pipeline writes (../shared/schemas, unmodified copies with
 * their provenance; OFFICIAL_SCHEMAS to point elsewhere). Tests prove with them that an output is what
 * its receiver accepts, rather than checking rules written out by hand.
 */
export const schemasDir = resolve(repoRoot, process.env['OFFICIAL_SCHEMAS'] ?? '../shared/schemas');
export const haveSchemas = existsSync(join(schemasDir, 'README.md'));
export const noSchemas = `SKIPPED: no official schemas at ${schemasDir}; set OFFICIAL_SCHEMAS to the folder (../shared/schemas in CI)`;

export const JSON_SCHEMAS = {
  'csl-data': 'csl-data/csl-data.json',
  cff: 'cff-1.2.0/schema.json',
  sarif: 'sarif-2.1.0/schemastore-sarif-2.1.0.json',
  'github-workflow': 'github-workflow/github-workflow.json',
} as const;

const compiled = new Map<string, (data: unknown) => string[]>();

/** A validator for one official JSON Schema (draft-07, with its formats): the errors, each "path: message". */
export function jsonSchema(name: keyof typeof JSON_SCHEMAS): (data: unknown) => string[] {
  let validate = compiled.get(name);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const check = ajv.compile(JSON.parse(readFileSync(join(schemasDir, JSON_SCHEMAS[name]), 'utf8')) as object);
    validate = (data) =>
      check(data)
        ? []
        : (check.errors ?? []).map(
            (e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? ''} ${JSON.stringify(e.params)}`,
          );
    compiled.set(name, validate);
  }
  return validate;
}

export const haveJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
export const haveXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).error === undefined;
export const havePython = spawnSync('python3', ['--version'], { encoding: 'utf8' }).error === undefined;

/** Errors of an XML text against a RELAX NG schema, by jing (the reference validator) or else native xmllint. */
export function relaxNgErrors(schema: string, xml: string): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'tei-pipeline-rng-')), 'doc.xml');
  writeFileSync(file, xml);
  const r = haveJing
    ? spawnSync('jing', [schema, file], { encoding: 'utf8' })
    : spawnSync('xmllint', ['--noout', '--relaxng', schema, file], { encoding: 'utf8' });
  if (r.status === 0) return [];
  return `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes(file) && !/ validates$/.test(l));
}

/** XSD errors of an XML text, by native xmllint. */
export function xsdErrors(schema: string, xml: string): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'tei-pipeline-xsd-')), 'doc.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  return r.status === 0 ? [] : r.stderr.split('\n').filter((l) => l.includes(file) && !/ validates$/.test(l));
}

/**
 * Findings of an official Schematron on an XML text ("role id message"), compiled by the pipeline's own
 * compiler (xslt/schematron/compile.xsl, the one that runs the project's rules) and run with saxon-js.
 */
export async function schematronFindings(sch: string, xml: string): Promise<string[]> {
  const cache = join(repoRoot, '.cache', 'tei-pipeline');
  const sef = await compileSchematron(sch, join(repoRoot, 'xslt', 'schematron', 'compile.xsl'), cache);
  const out = runTransform(sef, { source: await parseForSaxon(xml, join(tmpdir(), 'doc.xml')) }).get(PRINCIPAL) ?? '';
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [role = '', id = '', , , message = ''] = line.split('\t');
      return `${role} ${id} ${message.trim()}`;
    });
}
