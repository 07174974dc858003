import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/line-index.js';
import type { ProjectSettings } from '../core/project.js';
import { ruleCatalogue } from '../rules/catalogue.js';
import { configValidator } from './config-validator.js';

export const CONFIG_FILE = 'tei-pipeline.config.json';
export { CONFIG_SCHEMA } from './config-validator.js';

export interface LoadedConfig {
  settings: ProjectSettings;
  /** Problems, each at the config file's line:column; any error means the settings are not to be used. */
  diagnostics: Diagnostic[];
}

let validator: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  validator ??= configValidator();
  return validator;
}

/**
 * Read and check a configuration file's text: JSON syntax (comments refused: it is JSON), the
 * shipped JSON Schema (unknown keys, wrong types and values), rule ids the pipeline knows, and files
 * that must exist. Every problem stands at its place in the file, as "Unexpected X, expected Y".
 */
export function parseConfig(text: string, shownAs: string, root: string): LoadedConfig {
  const lines = new LineIndex(text);
  const at = (offset: number) => lines.position(offset);
  const diagnostics: Diagnostic[] = [];
  const report = (offset: number, message: string, end?: number) =>
    diagnostics.push(
      diagnostic({
        file: shownAs,
        at: at(offset),
        severity: 'error',
        source: 'config',
        ruleId: 'config/invalid',
        message,
        end: end === undefined ? undefined : at(end),
      }),
    );

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // One problem per place: a missing value and its stray token are the same mistake.
  const seen = new Set<number>();
  for (const e of errors.filter((x) => !seen.has(x.offset) && seen.add(x.offset)))
    report(e.offset, `Unexpected ${describeSyntax(text, e)}, expected valid JSON (${printParseErrorCode(e.error)})`);
  if (errors.length > 0 || !tree) {
    if (diagnostics.length === 0) report(0, 'Unexpected empty file, expected a JSON object');
    return { settings: {}, diagnostics };
  }
  const value = getNodeValue(tree) as unknown;
  const validate = schemaValidator();
  if (!validate(value)) {
    for (const e of validate.errors ?? []) {
      const node = nodeOf(tree, e);
      report(node?.offset ?? 0, schemaMessage(e, node), node ? node.offset + node.length : undefined);
    }
    return { settings: {}, diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const settings = value as ProjectSettings & { $schema?: string };
  const known = new Set(ruleCatalogue().map((r) => r.id));
  for (const id of Object.keys(settings.rules ?? {})) {
    if (known.has(id)) continue;
    const node = findNodeAtLocation(tree, ['rules', id])?.parent?.children?.[0];
    report(
      node?.offset ?? 0,
      `Unexpected rule "${id}", expected a rule id of the pipeline (README, "Validation layers and rules")`,
    );
  }
  const mustExist = (key: string, paths: readonly string[] | undefined, index?: boolean) =>
    (paths ?? []).forEach((p, i) => {
      if (existsSync(resolve(root, p))) return;
      const node = findNodeAtLocation(tree, index ? [key, i] : key.split('.'));
      report(node?.offset ?? 0, `Unexpected ${key.replace(/s$/, '')} "${p}": no such file or folder`);
    });
  mustExist('schemas', settings.schemas, true);
  mustExist('schematron', settings.schematron, true);
  for (const [format, p] of Object.entries(settings.stylesheets ?? {})) mustExist(`stylesheets.${format}`, [p]);
  delete settings.$schema;
  return { settings, diagnostics };
}

/** Read the configuration file at `file` (absolute); `shownAs` is how diagnostics name it. */
export function loadConfig(file: string, shownAs: string, root: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      settings: {},
      diagnostics: [
        diagnostic({
          file: shownAs,
          at: { line: 1, column: 1 },
          severity: 'error',
          source: 'config',
          ruleId: 'config/invalid',
          message: `Unexpected read failure (${code}), expected a readable file`,
        }),
      ],
    };
  }
  return parseConfig(text, shownAs, root);
}

function describeSyntax(text: string, e: ParseError): string {
  if (e.offset >= text.length) return 'end of file';
  const ch = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 20)));
  return `"${ch}"`;
}

/** The JSON node an Ajv error is about: the unknown key itself for additionalProperties. */
function nodeOf(tree: Node, e: ErrorObject): Node | undefined {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = findNodeAtLocation(tree, path) ?? tree;
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const prop = node.children?.find((c) => c.type === 'property' && c.children?.[0]?.value === key);
    return prop?.children?.[0] ?? node;
  }
  return node;
}

function schemaMessage(e: ErrorObject, node: Node | undefined): string {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where =
    path.length > 0
      ? `"${path
          .map((s) => (/^\d+$/.test(s) ? `[${s}]` : s))
          .join('.')
          .replace(/\.\[/g, '[')}"`
      : 'the configuration';
  const found =
    node && node.type !== 'object' && node.type !== 'array' ? JSON.stringify(node.value) : (node?.type ?? 'value');
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter(
        (k) => k !== '$schema',
      );
      return `Unexpected key "${String(p['additionalProperty'])}" in ${where}, expected one of ${allowed.join(', ')}`;
    }
    case 'enum':
      return `Unexpected ${found} for ${where}, expected one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `Unexpected ${found} for ${where}, expected ${String(p['type'])}`;
    case 'pattern':
      return `Unexpected ${found} for ${where}, expected ${(e.parentSchema as { 'x-expected'?: string } | undefined)?.['x-expected'] ?? `a value matching ${String(p['pattern'])}`}`;
    case 'required':
      return `Unexpected ${where} without "${String(p['missingProperty'])}", expected it to have one`;
    default:
      return `Unexpected ${found} for ${where}: ${e.message ?? 'not allowed'}`;
  }
}
