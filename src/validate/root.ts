import type { SourceDocument } from '../core/document.js';
import { TEI_NS, type XmlTree } from '../core/xml-tree.js';

/**
 * Layer 2: the root is <TEI> or <teiCorpus> in the TEI namespace (returns whether it is), and its
 * xml:id is the file's name.
 */
export function checkRoot(doc: SourceDocument, tree: XmlTree): boolean {
  const root = tree.root;
  if (root.local !== 'TEI' && root.local !== 'teiCorpus') {
    doc.report(root.start, 'error', 'xml', 'tei/root', `Unexpected root element <${root.name}>, expected <TEI> or <teiCorpus>`);
    return false;
  }
  if (root.ns !== TEI_NS) {
    const found = root.ns ? `namespace "${root.ns}"` : 'no namespace';
    doc.report(root.start, 'error', 'xml', 'tei/namespace', `Unexpected ${found} on <${root.name}>, expected xmlns="${TEI_NS}"`);
    return false;
  }
  // Outputs are named after the file; the stylesheets name them after the root's xml:id: they must agree.
  const id = root.attributes.find((a) => a.name === 'xml:id');
  if (!id) {
    doc.report(root.start, 'error', 'xml', 'tei/file-named-by-id', `Unexpected <${root.name}> without xml:id, expected xml:id="${doc.id}" (the file's name)`);
  } else if (id.value !== doc.id) {
    doc.report(id.start, 'error', 'xml', 'tei/file-named-by-id', `Unexpected xml:id "${id.value}" on <${root.name}>, expected "${doc.id}" (the file's name)`);
  }
  return true;
}
