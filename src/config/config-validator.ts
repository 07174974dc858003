import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { sha256 } from '../core/fingerprint.js';
import { packageDir } from '../core/project.js';
import { writeFileAtomicSync } from '../core/write-atomic.js';

export const CONFIG_SCHEMA = join(packageDir, 'schemas', 'tei-pipeline.config.schema.json');

const require = createRequire(import.meta.url);
const OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/**
 * The configuration's JSON Schema as a validator. Compiling it with ajv cost every run ~0.1 s (more on a
 * busy machine), importing ajv as much again, for a file that changes only with the package: the install
 * (`prepare`, scripts/precompile.mjs) writes ajv's standalone code for it into dist/, named by a hash of
 * the schema and ajv's version, and a run loads that. Without it (a changed schema, another ajv) the
 * schema is compiled here, as before; both give the same errors.
 */
export function configValidator(): ValidateFunction {
  return standaloneValidator() ?? compiledValidator();
}

/** The validator written at install for the current schema and ajv, or null when there is none. */
export function standaloneValidator(): ValidateFunction | null {
  const file = standaloneFile(readFileSync(CONFIG_SCHEMA, 'utf8'));
  return existsSync(file) ? (require(file) as ValidateFunction) : null;
}

export function compiledValidator(): ValidateFunction {
  return compile(readFileSync(CONFIG_SCHEMA, 'utf8')).validate;
}

/** Write the standalone validator of the current schema into dist/ (at install). */
export function writeStandaloneValidator(): string {
  const text = readFileSync(CONFIG_SCHEMA, 'utf8');
  const file = standaloneFile(text);
  const { ajv, validate } = compile(text, true);
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: Ajv, v: ValidateFunction) => string }).default;
  writeFileAtomicSync(file, standalone(ajv, validate));
  return file;
}

function standaloneFile(schemaText: string): string {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  return join(packageDir, 'dist', 'config', `config-schema-${sha256(schemaText, ajvVersion).slice(0, 16)}.cjs`);
}

function compile(text: string, source = false): { ajv: Ajv; validate: ValidateFunction } {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ ...OPTIONS, ...(source ? { code: { source: true } } : {}) });
  return { ajv, validate: ajv.compile(JSON.parse(text) as object) };
}
