/**
 * A small read-only XML tree that remembers where everything stands in the source, so every rule
 * can report file:line:column. Built once per document by parse-xml.ts and shared by all checks.
 */
import type { Position } from './diagnostic.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xml:id" or "when". */
  name: string;
  local: string;
  ns: string;
  value: string;
  /** Where the attribute name starts. */
  start: Position;
}

export interface XmlElement {
  type: 'element';
  name: string;
  local: string;
  ns: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  parent: XmlElement | null;
  /** The '<' of the start tag. */
  start: Position;
  /** Just after the '>' of the end tag (or of the empty-element tag). */
  end: Position;
  /** Just after the '>' of the start tag: where jing and libxml2 place findings about it. */
  tagEnd?: Position;
}

export interface XmlText {
  type: 'text';
  value: string;
  start: Position;
  parent: XmlElement;
}

export interface XmlOther {
  type: 'comment' | 'pi';
  /** PI target, or '' for comments. */
  name: string;
  value: string;
  start: Position;
  parent: XmlElement | null;
}

export type XmlNode = XmlElement | XmlText | XmlOther;

export interface XmlTree {
  root: XmlElement;
  /** Comments and processing instructions before the root (xml-model PIs live here). */
  prolog: XmlOther[];
  /** Comments and processing instructions after the root. */
  epilog: XmlOther[];
}

/** Value of an attribute by qualified name ("xml:id", "when"). */
export function attr(el: XmlElement, name: string): string | undefined {
  for (const a of el.attributes) if (a.name === name) return a.value;
  return undefined;
}

export function attrNode(el: XmlElement, name: string): XmlAttribute | undefined {
  for (const a of el.attributes) if (a.name === name) return a;
  return undefined;
}

export function childElements(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.type === 'element' && (local === undefined || c.local === local)) out.push(c);
  return out;
}

/** All elements below (and including) `el` in document order; iterative so deep trees cannot overflow the stack. */
export function* elements(el: XmlElement, local?: string): Generator<XmlElement> {
  const stack: XmlElement[] = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (local === undefined || e.local === local) yield e;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (c.type === 'element') stack.push(c);
    }
  }
}

/** First descendant element along a path of local names, e.g. path(root, 'teiHeader', 'fileDesc'). */
export function path(el: XmlElement, ...locals: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const l of locals) {
    cur = cur && childElements(cur, l)[0];
    if (!cur) return undefined;
  }
  return cur;
}

export function textContent(el: XmlElement): string {
  let s = '';
  const stack: XmlNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return s;
}

export function ancestors(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}

// XML 1.0 (5th edition) NameStartChar and NameChar, less ':' (Namespaces in XML): what xml:id and fragment ids must be.
const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u');

/** Whether `s` is an NCName: the form xml:id values (and so pointer fragments) must take. */
export function isNCName(s: string): boolean {
  return NCNAME.test(s);
}
