import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { saxonJs, parseForSaxon } from '../../src/transform/saxon.js';
import { saxonDocumentFromTree } from '../../src/transform/saxon-from-tree.js';
import { decode } from '../../src/validate/decode.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import { repoRoot } from '../support/cli.js';

const corpus = resolve(repoRoot, process.env['TEI_CORPUS'] ?? '../shared/corpus');

/** Every node of a saxon-js DOM, in document order, as one line each: what XPath can see of it. */
function nodes(node: DomLike, out: string[] = []): string[] {
  switch (node.nodeType) {
    case 9:
      break;
    case 1: {
      out.push(`<${node.namespaceURI ?? ''} ${node.nodeName} ${node.prefix ?? ''} ${node.localName}`);
      for (const a of Array.from(node.attributes!))
        out.push(`@${a.namespaceURI ?? ''} ${a.name} ${a.prefix ?? ''} ${a.localName}=${JSON.stringify(a.value)}`);
      break;
    }
    case 3:
      out.push(`text ${JSON.stringify(node.data)}`);
      break;
    case 7:
      out.push(`pi ${node.target} ${JSON.stringify(node.data)}`);
      break;
    case 8:
      out.push(`comment ${JSON.stringify(node.data)}`);
      break;
    default:
      out.push(`node type ${node.nodeType}`);
  }
  for (let c = node.firstChild; c; c = c.nextSibling) nodes(c, out);
  if (node.nodeType === 1) out.push('>');
  return out;
}

interface DomLike {
  nodeType: number;
  nodeName: string;
  namespaceURI?: string | null;
  prefix?: string | null;
  localName?: string;
  name?: string;
  value?: string;
  data?: string;
  target?: string;
  attributes?: ArrayLike<DomLike>;
  firstChild: DomLike | null;
  nextSibling: DomLike | null;
}

/** Both documents of a text: saxon-js's own parse (of the text processors are given) and ours. */
async function both(path: string, text: string) {
  const doc = new SourceDocument(path, 'case.xml', text);
  const tree = parseXml(doc)!;
  expect(tree, doc.diagnostics[0]?.message).not.toBeNull();
  const theirs = (await parseForSaxon(doc.xmlText ?? doc.text, path)) as DomLike;
  const ours = saxonDocumentFromTree(tree, path) as DomLike;
  return { theirs, ours };
}

const EDGES = [
  '<?xml version="1.0"?>',
  '<!-- before --><?before pi?>',
  '<!DOCTYPE TEI [<!ENTITY e "an &amp; entity"><!ENTITY f "<hi>kept as text</hi>">]>',
  '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x">',
  '<p x:n="tab&#9;and\nnewline" xml:id="  spaced  id " id=" a  b ">one<![CDATA[ <cdata> & ]]>two&e;&f;',
  '<!--inside--><?inside pi?>\r\n<x:y xmlns="">no namespace</x:y><z xmlns:x="urn:y" x:q=""/>&#x10000;</p>',
  '<p><![CDATA[]]></p><p><![CDATA[a]]><![CDATA[b]]></p>',
  '</TEI>',
  '<!-- after -->',
  '<?after pi?>',
].join('\n');

describe('a saxon-js document made from the validator’s tree', () => {
  it('is the document saxon-js parses, node for node, in the corners of XML', async () => {
    const { theirs, ours } = await both('/x/case.xml', EDGES);
    expect(nodes(ours)).toEqual(nodes(theirs));
    // The CDATA section and the entity are text where they stand, and after the root come its comment and PI.
    expect(nodes(ours).find((l) => l.startsWith('text "one'))).toMatch(/^text "one <cdata> & twoan /);
    expect(nodes(ours).slice(-2)).toEqual(['comment " after "', 'pi after "pi"']);
  });

  it('is the document saxon-js parses, node for node, for the record and every file of the corpus', async () => {
    const files = [join(repoRoot, 'tei', 'dobrynin-vance-1977-02-26.xml')];
    if (existsSync(corpus))
      files.push(
        ...readdirSync(corpus, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith('.xml'))
          .map((e) => join(e.parentPath, e.name)),
      );
    for (const f of files) {
      const { theirs, ours } = await both(f, decode(readFileSync(f)).text);
      expect(nodes(ours), f).toEqual(nodes(theirs));
    }
  });

  it('answers XPath as the parsed document does, with the file as its base URI', async () => {
    const { theirs, ours } = await both('/x/case.xml', EDGES);
    const ask = (doc: unknown) =>
      saxonJs().XPath.evaluate(
        'base-uri(/), count(//node()), string(id("spaced")/@n), (//*:p)[1]/string(), //comment() ! string()',
        doc,
        { resultForm: 'array' },
      );
    expect(ask(ours)).toEqual(ask(theirs));
    expect((ask(ours) as unknown[])[0]).toBe('file:///x/case.xml');
  });
});
