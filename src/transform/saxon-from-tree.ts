import { pathToFileURL } from 'node:url';
import type { SaxonDocument, SourceDocument } from '../core/document.js';
import type { XmlElement, XmlOther, XmlTree } from '../core/xml-tree.js';
import { parseForSaxon, saxonJs } from './saxon.js';

/** The W3C DOM calls saxon-js's own parser makes on the documents of its platform (createDocument()). */
interface DomNode {
  appendChild(node: DomNode): void;
}
interface DomAttr extends DomNode {
  value: string;
  nodeValue: string;
}
interface DomElement extends DomNode {
  setAttributeNode(attr: DomAttr): void;
}
interface DomDocument extends DomNode {
  createElementNS(ns: string, name: string): DomElement;
  createAttributeNS(ns: string, name: string): DomAttr;
  createTextNode(data: string): DomNode;
  createComment(data: string): DomNode;
  createProcessingInstruction(target: string, data: string): DomNode;
  _saxonBaseUri?: string;
  _saxonDocUri?: string;
}

/**
 * A document for saxon-js made from the tree the validator already parsed, instead of saxon-js parsing
 * the text a second time (its parser was a sixth of `validate --schema tei_all.rng` on ../shared/corpus).
 * The nodes are made with the DOM calls saxon-js's own parser makes, on a document of its own platform,
 * with what that parser does to them: an id or xml:id attribute's white space collapsed, adjacent text
 * joined, nothing outside the root but comments and processing instructions. test/transform/
 * saxon-from-tree.test.ts holds the two documents equal, node for node.
 *
 * saxon-js's parser also notes each element's line for saxon:line-number(), which no stylesheet or
 * Schematron of the pipeline calls: a document made here answers -1.
 */
export function saxonDocumentFromTree(tree: XmlTree, absolutePath: string): SaxonDocument {
  const doc = (saxonJs().getPlatform()['createDocument'] as () => DomDocument)();
  for (const n of tree.prolog) doc.appendChild(other(doc, n));
  doc.appendChild(element(doc, tree.root));
  for (const n of tree.epilog) doc.appendChild(other(doc, n));
  doc._saxonBaseUri = doc._saxonDocUri = pathToFileURL(absolutePath).href;
  return doc;
}

/**
 * A source document for saxon-js: made from the tree the validator parsed, when it has one (~1.5 ms for the
 * record, against ~7 ms for saxon-js to parse the text again), else parsed from what XML processors are given.
 */
export function saxonDocumentFor(doc: SourceDocument): Promise<SaxonDocument> {
  return doc.tree
    ? Promise.resolve(saxonDocumentFromTree(doc.tree, doc.path))
    : parseForSaxon(doc.xmlText ?? doc.text, doc.path);
}

/** The element and all below it, without recursion (a tree may be as deep as parse-xml allows). */
function element(doc: DomDocument, root: XmlElement): DomElement {
  const make = (el: XmlElement): DomElement => {
    const made = doc.createElementNS(el.ns, el.name);
    for (const a of el.attributes) {
      const attr = doc.createAttributeNS(a.ns, a.name);
      const value = a.name === 'id' || a.name === 'xml:id' ? a.value.replace(/\s+/g, ' ').trim() : a.value;
      attr.value = attr.nodeValue = value;
      made.setAttributeNode(attr);
    }
    return made;
  };
  const top = make(root);
  const stack: { el: XmlElement; made: DomElement; next: number }[] = [{ el: root, made: top, next: 0 }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const children = f.el.children;
    if (f.next >= children.length) {
      stack.pop();
      continue;
    }
    const c = children[f.next++]!;
    if (c.type === 'element') {
      const made = make(c);
      f.made.appendChild(made);
      stack.push({ el: c, made, next: 0 });
    } else if (c.type === 'text') {
      let text = c.value;
      for (let n = children[f.next]; n?.type === 'text'; n = children[++f.next]) text += n.value;
      if (text !== '') f.made.appendChild(doc.createTextNode(text));
    } else f.made.appendChild(other(doc, c));
  }
  return top;
}

function other(doc: DomDocument, n: XmlOther): DomNode {
  return n.type === 'pi' ? doc.createProcessingInstruction(n.name, n.value) : doc.createComment(n.value);
}
