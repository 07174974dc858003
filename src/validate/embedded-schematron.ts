import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceDocument } from '../core/document.js';
import { sha256 } from '../core/fingerprint.js';
import { elements } from '../core/xml-tree.js';
import type { Sef } from '../transform/compile-stylesheet.js';
import { parseXml } from './parse-xml.js';
import { compileSchematron } from './schematron.js';

const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';

/**
 * The ISO Schematron a RELAX NG grammar carries inside it (TEI's constraints: tei_all.rng has 92
 * patterns), as one standalone schema: every sch:ns and sch:pattern, copied as written, inside an
 * sch:schema that declares the grammar's namespace prefixes. Null when the grammar carries none.
 */
export function extractSchematron(rngText: string): string | null {
  if (!rngText.includes(SCH_NS)) return null;
  const doc = new SourceDocument('/schema.rng', 'schema.rng', rngText);
  const tree = parseXml(doc);
  if (!tree) return null;
  const slice = (el: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
    rngText.slice(doc.lines.offset(el.start), doc.lines.offset(el.end));
  const parts: string[] = [];
  let patterns = 0;
  for (const el of elements(tree.root)) {
    if (el.ns !== SCH_NS) continue;
    // Patterns and namespace declarations wherever they stand; nothing inside a pattern twice.
    if (el.local === 'ns' && el.parent?.ns !== SCH_NS) parts.push(slice(el));
    if (el.local === 'pattern') {
      // TEI words each message in several languages (xml:lang): keep English and those without one.
      let text = slice(el);
      const base = doc.lines.offset(el.start);
      const other = [...elements(el)]
        .filter(
          (x) =>
            x.ns === SCH_NS &&
            (x.local === 'assert' || x.local === 'report') &&
            !/^(en|)$/.test(x.attributes.find((a) => a.name === 'xml:lang')?.value ?? ''),
        )
        .map((x) => [doc.lines.offset(x.start) - base, doc.lines.offset(x.end) - base] as const)
        .sort((a, b) => b[0] - a[0]);
      for (const [from, to] of other) text = text.slice(0, from) + text.slice(to);
      parts.push(text);
      patterns++;
    }
  }
  if (patterns === 0) return null;
  const prefixes = tree.root.attributes
    .filter((a) => a.name.startsWith('xmlns:'))
    .map((a) => ` ${a.name}="${a.value.replace(/"/g, '&quot;')}"`);
  if (!prefixes.some((p) => p.startsWith(' xmlns:sch='))) prefixes.push(` xmlns:sch="${SCH_NS}"`);
  return `<sch:schema${prefixes.join('')} queryBinding="xslt2">\n${parts.join('\n')}\n</sch:schema>\n`;
}

/** Compile a grammar's embedded Schematron (cached by its content like the project's own), or null. */
export async function compileEmbeddedSchematron(
  rngText: string,
  compilerXsl: string,
  cacheDir: string,
): Promise<Sef | null> {
  const sch = extractSchematron(rngText);
  if (!sch) return null;
  const file = join(cacheDir, 'schematron', `embedded-${sha256(sch).slice(0, 24)}.sch`);
  await mkdir(join(cacheDir, 'schematron'), { recursive: true });
  await writeFile(file, sch);
  return compileSchematron(file, compilerXsl, cacheDir);
}
