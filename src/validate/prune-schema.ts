import { SourceDocument } from '../core/document.js';
import { parseXml } from './parse-xml.js';
import { childElements, elements, type XmlElement, type XmlNode } from '../core/xml-tree.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const ANNOTATIONS_NS = 'http://relaxng.org/ns/compatibility/annotations/1.0';

/**
 * A RELAX NG grammar cut down to what a set of documents can meet: every `element` pattern whose name
 * none of the documents uses becomes `notAllowed`, annotations go, and definitions nothing refers to
 * any more are dropped. For those documents validity is unchanged — a pattern for an element that
 * does not occur can never match anything in them — but libxml2 compiles a fraction of the grammar:
 * tei_all.rng (1.1 MB, ~590 elements) shrinks to the hundred or so an edition uses.
 * Returns the grammar unchanged when it has includes or external references (not self-contained).
 */
export function pruneSchema(text: string, usedElementNames: ReadonlySet<string>): string {
  if (/<(?:\w+:)?(?:include|externalRef)\b/.test(text)) return text;
  const doc = new SourceDocument('/schema.rng', 'schema.rng', text);
  const tree = parseXml(doc);
  if (!tree || tree.root.ns !== RNG_NS || tree.root.local !== 'grammar') return text;

  const isRng = (el: XmlElement, local: string) => el.ns === RNG_NS && el.local === local;
  const unused = (el: XmlElement) => {
    const name = el.attributes.find((a) => a.name === 'name')?.value;
    return name !== undefined && !usedElementNames.has(name.replace(/^.*:/, ''));
  };
  // Which definitions are still reachable from <start> once unused elements are cut.
  const defines = new Map<string, XmlElement[]>();
  for (const d of childElements(tree.root)) {
    if (!isRng(d, 'define')) continue;
    const name = d.attributes.find((a) => a.name === 'name')?.value ?? '';
    defines.set(name, [...(defines.get(name) ?? []), d]);
  }
  const reachable = new Set<string>();
  const queue: XmlElement[] = childElements(tree.root).filter((e) => isRng(e, 'start'));
  while (queue.length > 0) {
    const root = queue.pop()!;
    const stack: XmlElement[] = [root];
    while (stack.length > 0) {
      const el = stack.pop()!;
      if (isRng(el, 'element') && unused(el)) continue;
      if (isRng(el, 'ref')) {
        const name = el.attributes.find((a) => a.name === 'name')?.value ?? '';
        if (!reachable.has(name)) {
          reachable.add(name);
          queue.push(...(defines.get(name) ?? []));
        }
      }
      for (const c of childElements(el)) stack.push(c);
    }
  }

  const out: string[] = [];
  const write = (node: XmlNode, top: boolean) => {
    if (node.type === 'text') {
      out.push(escapeText(node.value));
      return;
    }
    if (node.type !== 'element') return;
    if (node.ns === ANNOTATIONS_NS) return;
    if (isRng(node, 'element') && unused(node)) {
      out.push(`<notAllowed xmlns="${RNG_NS}"/>`);
      return;
    }
    if (top && isRng(node, 'define') && !reachable.has(node.attributes.find((a) => a.name === 'name')?.value ?? '')) return;
    out.push(`<${node.name}`);
    for (const a of node.attributes) out.push(` ${a.name}="${escapeAttr(a.value)}"`);
    out.push('>');
    for (const c of node.children) write(c, false);
    out.push(`</${node.name}>`);
  };
  out.push(`<${tree.root.name}`);
  for (const a of tree.root.attributes) out.push(` ${a.name}="${escapeAttr(a.value)}"`);
  out.push('>');
  for (const c of tree.root.children) write(c, true);
  out.push(`</${tree.root.name}>\n`);
  return out.join('');
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** The local names of every element of the documents: what pruneSchema keeps. */
export function elementNamesOf(docs: readonly SourceDocument[]): Set<string> {
  const names = new Set<string>();
  for (const d of docs) if (d.tree) for (const el of elements(d.tree.root)) names.add(el.local);
  return names;
}
