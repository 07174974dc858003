import { SourceDocument } from '../core/document.js';
import { attr, elements, type XmlElement } from '../core/xml-tree.js';
import { parseXml } from './parse-xml.js';
import { SchemaCache } from './schema-cache.js';
import { SchematronQuery } from './schematron-query.js';

const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';

/**
 * The ISO Schematron a RELAX NG grammar carries inside it (TEI's constraints: tei_all.rng has 93
 * patterns, 90 once translations are left out), as one standalone schema: every sch:ns and
 * sch:pattern, copied as written, inside an sch:schema that declares the grammar's namespace
 * prefixes. Null when the grammar carries none.
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
  // TEI also translates a whole constraint into a pattern of its own (addSpan-requires-spanTo-fr),
  // with the same rules and tests but no xml:lang: report each constraint once, in English.
  const translated = translations(tree.root);
  for (const el of elements(tree.root)) {
    if (translated.has(el)) continue;
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

/** A grammar's embedded Schematron, ready to run on any number of documents, or null. */
export function embeddedSchematron(rngText: string, cache = new SchemaCache(null)): SchematronQuery | null {
  // Kept as the queries' data, not as Schematron text: reading tei_all's 90-odd patterns again cost ~0.1 s a run.
  const data = cache.get('embedded-schematron-queries', rngText, () => {
    const sch = extractSchematron(rngText);
    return sch ? SchematronQuery.fromText(sch).toData() : null;
  });
  return data ? SchematronQuery.fromData(data) : null;
}

/** A pattern's rules and tests with its messages left out: what its findings depend on. */
function checksOf(pattern: XmlElement): string {
  return [...elements(pattern)]
    .filter((x) => x.ns === SCH_NS && ['rule', 'let', 'assert', 'report'].includes(x.local))
    .map((x) =>
      `${x.local}:${attr(x, 'name') ?? ''}:${attr(x, 'context') ?? attr(x, 'value') ?? attr(x, 'test') ?? ''}`.replace(
        /\s+/g,
        ' ',
      ),
    )
    .join('\n');
}

/** A pattern id that names a language: "tei_all-addSpan-addSpan-requires-spanTo-fr-constraint-rule-44". */
const LANGUAGE_ID = /-(?!en-)[a-z]{2,3}(?:-[A-Za-z]{2,8})?-constraint\b/;

/**
 * Patterns that check exactly what another pattern checks (same rule contexts, lets and tests), in
 * another language: of each such group the English one is kept (the one whose id names no language,
 * else the first), the others returned.
 */
function translations(root: XmlElement): Set<XmlElement> {
  const groups = new Map<string, XmlElement[]>();
  for (const el of elements(root)) {
    if (el.ns !== SCH_NS || el.local !== 'pattern') continue;
    const key = checksOf(el);
    groups.set(key, [...(groups.get(key) ?? []), el]);
  }
  const drop = new Set<XmlElement>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const named = group.filter((p) => LANGUAGE_ID.test(attr(p, 'id') ?? ''));
    // Only translations are merged: two patterns alike but for a language in the id.
    if (named.length === 0) continue;
    const keep = group.find((p) => !named.includes(p)) ?? group[0]!;
    for (const p of named) if (p !== keep) drop.add(p);
  }
  return drop;
}
