import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceDocument } from '../../../src/core/document.js';
import { loadSchema } from '../../../src/validate/relaxng-js/load-schema.js';
import { describeFault } from '../../../src/validate/relaxng-js/report.js';
import { engine, validateTree, type Engine } from '../../../src/validate/relaxng-js/validate-tree.js';
import { parseXml } from '../../../src/validate/parse-xml.js';

/** Schema files in a fresh folder (name → text); returns the engine for the first. */
export function schema(files: Record<string, string>): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'rng-js-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return engine(loadSchema(join(dir, Object.keys(files)[0]!)));
}

/** "line:column message" for each fault in a document. */
export function check(e: Engine, xml: string): string[] {
  const doc = new SourceDocument('/doc.xml', 'doc.xml', xml);
  const tree = parseXml(doc);
  if (!tree) throw new Error(`not well-formed: ${doc.diagnostics.map((d) => d.message).join('; ')}`);
  return validateTree(e, tree.root).map((f) => {
    const { at, message } = describeFault(f);
    return `${at.line}:${at.column} ${message}`;
  });
}

export const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"';
export const XSD = 'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';
