import type { SourceDocument } from '../core/document.js';
import { POINTER_ATTRIBUTES } from '../tei/pointers.js';
import { prefixDefsOf, resolvePointer } from '../tei/pointers.js';
import { TEI_NS, XML_NS, ancestors, elements } from '../core/xml-tree.js';
import { sha256 } from '../core/fingerprint.js';
import { graphicsOf } from '../tei/graphics.js';

/**
 * The files and entries a document points to, as 'tei/register/persons.xml#vance' (or a whole file,
 * 'tei/other.xml', or a picture it shows, 'tei/images/plate-1.png'): what its validation and its
 * outputs depend on besides its own bytes.
 */
export function dependenciesOf(doc: SourceDocument, teiDir: string): string[] {
  if (!doc.tree) return [];
  const prefixDefs = prefixDefsOf(doc.tree);
  const deps = new Set<string>();
  for (const el of elements(doc.tree.root)) {
    if (el.ns !== TEI_NS) continue;
    for (const a of el.attributes) {
      if (a.ns !== '' || !POINTER_ATTRIBUTES.has(a.local)) continue;
      for (const pointer of a.value.split(/\s+/)) {
        if (!pointer) continue;
        const target = resolvePointer(pointer, doc.file, prefixDefs, teiDir);
        if ('file' in target && target.file !== doc.file)
          deps.add(target.id ? `${target.file}#${target.id}` : target.file);
      }
    }
  }
  // The pictures it shows: a picture added, changed or removed changes its page (and its warning).
  for (const g of graphicsOf(doc.tree, doc.file, teiDir)) if ('file' in g.target) deps.add(g.target.file);
  return [...deps].sort();
}

/** A hash of each element carrying an xml:id, over its source text: a register entry's content. */
export function entryHashes(doc: SourceDocument): Record<string, string> {
  const out: Record<string, string> = {};
  if (!doc.tree) return out;
  for (const el of elements(doc.tree.root)) {
    const id = el.attributes.find((a) => a.local === 'id' && a.ns === XML_NS)?.value;
    if (!id || id in out) continue;
    out[id] = sha256(doc.text.slice(doc.lines.offset(el.start), doc.lines.offset(el.end)));
  }
  return out;
}

/**
 * What the corpus pages can see of a document: its whole header, and the markup of its text without
 * the words (element names, attributes, the order of blocks: mentions and their paragraph anchors).
 * An edit of the words alone leaves it unchanged, so the index and register pages need no rebuild.
 */
export function corpusFingerprint(doc: SourceDocument): string {
  if (!doc.tree) return sha256(doc.text);
  const parts: string[] = [];
  for (const el of elements(doc.tree.root)) {
    if (el.local === 'teiHeader') {
      parts.push(doc.text.slice(doc.lines.offset(el.start), doc.lines.offset(el.end)));
      continue;
    }
    if (ancestors(el).some((a) => a.local === 'teiHeader')) continue;
    parts.push(`<${el.name}${el.attributes.map((a) => ` ${a.name}="${a.value}"`).join('')}>${el.children.length}`);
  }
  return sha256(parts.join('\n'));
}
