/** A RELAX NG schema file as a small tree: only elements of the RELAX NG namespace and their text. */
import { readFileSync } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface RngNode {
  local: string;
  attrs: Record<string, string>;
  children: RngNode[];
  text: string;
  /** The file it comes from, for include and externalRef hrefs. */
  file: string;
  line: number;
  parent: RngNode | null;
  /** Namespace declarations made on this element (prefix to URI). */
  declared: Record<string, string>;
}

export class SchemaLoadError extends Error {}

/** The namespace a prefix stands for where a node stands ('' for the default namespace). */
export function resolvePrefix(node: RngNode, prefix: string): string | undefined {
  if (prefix === 'xml') return XML_NS;
  for (let n: RngNode | null = node; n; n = n.parent) if (prefix in n.declared) return n.declared[prefix];
  return prefix === '' ? '' : undefined;
}

export function parseRng(text: string, file: string): RngNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: (RngNode | null)[] = [];
  let root: RngNode | null = null;
  parser.on('error', (e) => {
    throw new SchemaLoadError(`${file}: ${e.message}`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack.length > 0 ? stack[stack.length - 1]! : null;
    // Foreign elements (annotations, embedded Schematron) and everything inside them are left out.
    if (tag.uri !== RNG_NS || (stack.length > 0 && parent === null)) {
      stack.push(null);
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.uri === '' && a.prefix === '') attrs[a.local] = a.value.trim();
    const node: RngNode = {
      local: tag.local,
      attrs,
      children: [],
      text: '',
      file,
      line: parser.line,
      parent,
      declared: { ...tag.ns },
    };
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  if (!root) throw new SchemaLoadError(`${file}: not a RELAX NG schema`);
  return root;
}

export function readRng(file: string): RngNode {
  return parseRng(readFileSync(file, 'utf8'), file);
}

/**
 * A tree as plain data (no parent links, no file), for a cache on disk. Empty parts are left out, and
 * so is the text of an element that has children (only whitespace between them in a RELAX NG schema;
 * what is read is the text of value, param and name, which have none): tei_all's tree is read on
 * every run, and its thousands of empty objects, arrays and whitespace strings were a third of it.
 */
export interface PlainRng {
  l: string;
  a?: Record<string, string>;
  c?: PlainRng[];
  t?: string;
  n: number;
  d?: Record<string, string>;
}

export function toPlain(node: RngNode): PlainRng {
  const plain: PlainRng = { l: node.local, n: node.line };
  if (Object.keys(node.attrs).length > 0) plain.a = node.attrs;
  if (node.children.length > 0) plain.c = node.children.map(toPlain);
  else if (node.text !== '') plain.t = node.text;
  if (Object.keys(node.declared).length > 0) plain.d = node.declared;
  return plain;
}

// Shared by every node without attributes or namespace declarations; nothing writes to them.
const NONE: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The tree toPlain gave, read from `file` again. */
export function fromPlain(plain: PlainRng, file: string, parent: RngNode | null = null): RngNode {
  const node: RngNode = {
    local: plain.l,
    attrs: plain.a ?? NONE,
    children: [],
    text: plain.t ?? '',
    file,
    line: plain.n,
    parent,
    declared: plain.d ?? NONE,
  };
  if (plain.c) for (const c of plain.c) node.children.push(fromPlain(c, file, node));
  return node;
}
