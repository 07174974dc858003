/**
 * One walk of a document for the Schematron queries (schematron-query.ts): the names it holds, so that
 * rules that cannot match are left out, and the lists of nodes that rule contexts read instead of
 * walking the document themselves (schematron-context.ts). The walk is of saxon-js's own tree, a DOM,
 * so the nodes in the lists are the ones the queries see.
 */
import type { BucketKey } from './schematron-context.js';

/** What one walk of a document finds for the queries: the names it holds and the lists of nodes. */
export interface DocumentIndex {
  /** Element names as "{ns}local" and attribute names as "@{ns}local" (namespace declarations left out). */
  present: Set<string>;
  /** The lists named by the keys asked for, each in document order. */
  buckets: Map<BucketKey, unknown[]>;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** One walk of a saxon-js document (its DOM: firstChild, nextSibling, attributes). */
export function indexDocument(saxonDoc: unknown, keys: Iterable<BucketKey>): DocumentIndex {
  const present = new Set<string>();
  const buckets = new Map<BucketKey, unknown[]>([...keys].map((k) => [k, []]));
  const stack: DomNode[] = [];
  const pushChildren = (node: DomNode) => {
    const from = stack.length;
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push(c);
    // Popped first to last: document order.
    for (let a = from, b = stack.length - 1; a < b; a++, b--) [stack[a], stack[b]] = [stack[b]!, stack[a]!];
  };
  pushChildren(saxonDoc as DomNode);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const ns = node.namespaceURI ?? '';
    const name = `{${ns}}${node.localName}`;
    present.add(name);
    buckets.get(name)?.push(node);
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes[i]!;
      const ans = a.namespaceURI ?? '';
      if (ans === XMLNS) continue;
      present.add(`@{${ans}}${a.localName}`);
      if (ans === '') buckets.get(`{${ns}}*@${a.localName}`)?.push(node);
    }
    pushChildren(node);
  }
  return { present, buckets };
}

interface DomNode {
  nodeType: number;
  namespaceURI: string | null;
  localName: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  attributes: { length: number; [i: number]: { namespaceURI: string | null; localName: string } };
}
