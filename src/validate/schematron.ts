import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceDocument } from '../core/document.js';
import type { Severity } from '../core/diagnostic.js';
import { sha256 } from '../core/fingerprint.js';
import {
  compileStylesheet,
  keepInCache,
  SHIPPED_SEF_DIR,
  stylesheetHash,
  type Sef,
} from '../transform/compile-stylesheet.js';
import { PRINCIPAL, parseForSaxon, runTransform, type SaxonDocument } from '../transform/saxon.js';
import { childElements, type XmlElement } from '../core/xml-tree.js';

/**
 * Layer 4a: the project's ISO Schematron rules (tei/schema/*.sch), compiled to XSLT by
 * xslt/schematron/compile.xsl and then to SEF, once per change of the rules, and run with saxon-js.
 */
export async function compileSchematron(schFile: string, compilerXsl: string, cacheDir: string): Promise<Sef> {
  const schText = await readFile(schFile, 'utf8');
  const key = sha256(schText, await stylesheetHash(compilerXsl)).slice(0, 24);
  const shipped = join(SHIPPED_SEF_DIR, 'schematron', `${key}.xsl`);
  let generated = join(cacheDir, 'schematron', `${key}.xsl`);
  try {
    await readFile(shipped);
    generated = shipped;
  } catch {
    // not shipped (another edition's rules, or changed ones): generate into the cache
  }
  try {
    await readFile(generated);
  } catch {
    const compiler = await compileStylesheet(compilerXsl, cacheDir);
    const out = runTransform(compiler, { source: await parseForSaxon(schText, schFile) });
    const xsl = out.get('schematron.xsl');
    if (!xsl) throw new Error(`Cannot compile ${schFile}: the Schematron compiler produced nothing`);
    // xslt3 compiles from a file: when the cache cannot keep it, from a temporary one.
    if (!(await keepInCache(generated, xsl))) {
      const work = await mkdtemp(join(tmpdir(), 'tei-pipeline-sch-'));
      try {
        await writeFile(join(work, 'schematron.xsl'), xsl);
        return await compileStylesheet(join(work, 'schematron.xsl'), cacheDir);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }
  }
  return compileStylesheet(generated, cacheDir);
}

const SEVERITIES: Record<string, Severity> = {
  error: 'error',
  fatal: 'error',
  warning: 'warning',
  warn: 'warning',
  nonfatal: 'warning',
  info: 'info',
  information: 'info',
};

/** Run compiled Schematron on one document (already parsed for saxon-js) and report each finding at its element. */
export function runSchematron(
  doc: SourceDocument,
  saxonDoc: SaxonDocument,
  sef: Sef,
  ruleIdOf: (id: string) => string = (id) => `tei/${id}`,
): void {
  const out = runTransform(sef, { source: saxonDoc }).get(PRINCIPAL) ?? '';
  reportFindings(doc, out.split('\n'), ruleIdOf);
}

/** Report Schematron findings ("role TAB id TAB path TAB attribute TAB message") each at its element or attribute. */
export function reportFindings(
  doc: SourceDocument,
  findings: readonly string[],
  ruleIdOf: (id: string) => string = (id) => `tei/${id}`,
): void {
  for (const line of findings) {
    if (!line) continue;
    const [role = 'error', id = '', path = '', attribute = '', message = ''] = line.split('\t');
    const el = doc.tree ? elementByPath(doc.tree.root, path) : undefined;
    const at = (attribute && el?.attributes.find((a) => a.name === attribute)?.start) ||
      el?.start || { line: 1, column: 1 };
    doc.report(at, SEVERITIES[role.toLowerCase()] ?? 'error', 'schematron', ruleIdOf(id), message);
  }
}

/** The element at "1/3/2": the root, its third element child, that one's second element child. */
function elementByPath(root: XmlElement, path: string): XmlElement | undefined {
  const steps = path.split('/').map(Number);
  let el: XmlElement | undefined = steps[0] === 1 ? root : undefined;
  for (const n of steps.slice(1)) el = el && childElements(el)[n - 1];
  return el;
}
