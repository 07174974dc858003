/**
 * One walk of a document for the Schematron queries (schematron-query.ts): the names it holds, so that
 * rules that cannot match are left out, and the lists of nodes that rule contexts read instead of
 * walking the document themselves (schematron-context.ts). The walk is of saxon-js's own tree, a DOM,
 * so the nodes in the lists are the ones the queries see.
 */
import { detached } from '../core/detached.js';
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
    const name = elementKey(ns, node.localName);
    present.add(name);
    buckets.get(name)?.push(node);
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes[i]!;
      const ans = a.namespaceURI ?? '';
      if (ans === XMLNS) continue;
      const keys = attributeKeys(ns, ans, a.localName);
      present.add(keys.name);
      if (keys.bucket !== null) buckets.get(keys.bucket)?.push(node);
    }
    pushChildren(node);
  }
  return { present, buckets };
}

// The keys of each name, made once: a walk of ../shared/corpus meets 45,000 attributes, and building
// their keys anew was most of it. Bounded, so that a document of endless distinct names cannot grow them,
// and kept as copies (core/detached.ts), so that they hold no document's text.
const MAX_NAMES = 10_000;
type Keys = { name: string; bucket: BucketKey | null };
const elementKeys = new Map<string, Map<string, string>>();
// An attribute in no namespace by its element's namespace, one in a namespace by that namespace.
const plainAttributeKeys = new Map<string, Map<string, Keys>>();
const namespacedAttributeKeys = new Map<string, Map<string, Keys>>();

/** The inner map for a namespace, or a new unkept one when the memo is full. */
function namesIn<V>(memo: Map<string, Map<string, V>>, ns: string): Map<string, V> {
  let m = memo.get(ns);
  if (!m) {
    m = new Map();
    if (memo.size < MAX_NAMES) memo.set(detached(ns), m);
  }
  return m;
}

function elementKey(ns: string, local: string): string {
  const m = namesIn(elementKeys, ns);
  let key = m.get(local);
  if (key === undefined) {
    const own = detached(local);
    key = `{${detached(ns)}}${own}`;
    if (m.size < MAX_NAMES) m.set(own, key);
  }
  return key;
}

/** An attribute's key in `present`, and the list it goes into: "{element ns}*@local" when in no namespace. */
function attributeKeys(elementNs: string, ns: string, local: string): Keys {
  const m = ns === '' ? namesIn(plainAttributeKeys, elementNs) : namesIn(namespacedAttributeKeys, ns);
  let keys = m.get(local);
  if (keys === undefined) {
    const own = detached(local);
    keys = { name: `@{${detached(ns)}}${own}`, bucket: ns === '' ? `{${detached(elementNs)}}*@${own}` : null };
    if (m.size < MAX_NAMES) m.set(own, keys);
  }
  return keys;
}

interface DomNode {
  nodeType: number;
  namespaceURI: string | null;
  localName: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  attributes: { length: number; [i: number]: { namespaceURI: string | null; localName: string } };
}
