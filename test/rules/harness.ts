/**
 * Helpers for rule tests: a minimal TEI document around a body, and one rule run on it against an in-memory
 * project (nothing is read from disk).
 */
import { SourceDocument } from '../../src/core/document.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import type { XmlTree } from '../../src/core/xml-tree.js';
import { createProjectIndex } from '../../src/tei/project-index.js';
import { runRules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { LIST_PREFIX_DEF } from '../../src/rules/example-tei.js';

/** The file every example is checked as; pointers resolve against its folder. */
export const EXAMPLE_FILE = 'tei/example.xml';

export interface TeiOptions {
  /** Header elements after encodingDesc, e.g. a profileDesc. */
  header?: string;
  /** Whether encodingDesc declares the edition's per:, pla:, org: prefixes (default true). */
  prefixDefs?: boolean;
  /** Content of sourceDesc (default a <p>). */
  sourceDesc?: string;
}

/** A minimal valid-looking TEI document around `body`; the body's first line is always line BODY_LINE. */
export function tei(body: string, opts: TeiOptions = {}): string {
  const prefixes = opts.prefixDefs === false ? '' : LIST_PREFIX_DEF.replace(/\n/g, '');
  const header = [
    '<teiHeader>',
    '<fileDesc><titleStmt><title>Example</title></titleStmt>',
    '<publicationStmt><publisher>Example</publisher><availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>',
    `<sourceDesc>${opts.sourceDesc ?? '<p>Example</p>'}</sourceDesc></fileDesc>`,
    `<encodingDesc><editorialDecl><p>Example</p></editorialDecl>${prefixes}</encodingDesc>`,
    `${opts.header ?? ''}<revisionDesc><change when="2024-01-01">Created</change></revisionDesc>`,
    '</teiHeader>',
  ]
    .join('')
    .replace(/\n/g, ' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="example" xml:lang="en">
${header}
<text><body>
${body}
</body></text>
</TEI>
`;
}

/** The line `tei()` puts the first line of the body on. */
export const BODY_LINE = 5;

const register = (id: string, list: string, entry: string, name: string, entries: [string, string][]) =>
  tei(
    `<${list}>\n${entries.map(([xmlId, label]) => `<${entry} xml:id="${xmlId}"><${name}>${label}</${name}></${entry}>`).join('\n')}\n</${list}>`,
  ).replace('xml:id="example"', `xml:id="${id}"`);

/** Small registers: persons brezhnev and carter, place moscow, org nato. */
export const defaultRegisters: Readonly<Record<string, string>> = {
  'tei/register/persons.xml': register('persons', 'listPerson', 'person', 'persName', [
    ['brezhnev', 'Leonid Brezhnev'],
    ['carter', 'Jimmy Carter'],
  ]),
  'tei/register/places.xml': register('places', 'listPlace', 'place', 'placeName', [['moscow', 'Moscow']]),
  'tei/register/orgs.xml': register('orgs', 'listOrg', 'org', 'orgName', [
    ['nato', 'North Atlantic Treaty Organization'],
  ]),
};

/** Parse a document held in memory; a test input that is not well-formed is a broken test, so it throws. */
export function parseDocument(file: string, xml: string): { doc: SourceDocument; tree: XmlTree } {
  const doc = new SourceDocument('/virtual/' + file, file, xml);
  const tree = parseXml(doc);
  if (!tree)
    throw new Error(
      `${file} is not well-formed: ${doc.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`,
    );
  return { doc, tree };
}

/** Run one rule on `xml` as tei/example.xml; returns that rule's diagnostics (and any internal failure of it). */
export function checkRule(
  rule: Rule,
  xml: string,
  files: Readonly<Record<string, string>> = defaultRegisters,
): Diagnostic[] {
  const { doc, tree } = parseDocument(EXAMPLE_FILE, xml);
  const project = createProjectIndex('tei', (file) => {
    const text = file === EXAMPLE_FILE ? xml : files[file];
    if (text === undefined) return null;
    return parseXml(new SourceDocument('/virtual/' + file, file, text));
  });
  runRules(doc, tree, project, [rule]);
  return doc.diagnostics.filter((d) => d.ruleId === rule.id || d.ruleId === 'internal/rule-failed');
}
