import type { SourceDocument } from '../core/document.js';
import { isNCName, TEI_NS, type XmlTree } from '../core/xml-tree.js';

/**
 * Layer 2, the edition's policy on a well-formed document: the root is <TEI> or <teiCorpus> in the
 * TEI namespace (returns whether it is), and its xml:id is the file's name. These are the edition's
 * conventions, not XML or TEI errors, so they are reported by the rules layer.
 */
export function checkRoot(doc: SourceDocument, tree: XmlTree): boolean {
  const root = tree.root;
  if (root.local !== 'TEI' && root.local !== 'teiCorpus') {
    doc.report(
      root.start,
      'error',
      'rules',
      'tei/root',
      `Unexpected root element <${root.name}>, expected <TEI> or <teiCorpus>`,
    );
    return false;
  }
  if (root.ns !== TEI_NS) {
    const found = root.ns ? `namespace "${root.ns}"` : 'no namespace';
    doc.report(
      root.start,
      'error',
      'rules',
      'tei/namespace',
      `Unexpected ${found} on <${root.name}>, expected xmlns="${TEI_NS}"`,
    );
    return false;
  }
  // Outputs are named after the file; the stylesheets name them after the root's xml:id: they must agree.
  const id = root.attributes.find((a) => a.name === 'xml:id');
  if (!isNCName(doc.id)) {
    // No xml:id can equal this name: say so, and what would satisfy the rule, never suggest an illegal id.
    const legal = legalIdFor(doc.id);
    doc.report(
      id?.start ?? root.start,
      'error',
      'rules',
      'tei/file-named-by-id',
      `Unexpected file name "${doc.id}": it is not a legal xml:id (an NCName: no leading digit, hyphen or full stop, no spaces or colons), expected a file named like "${legal}.xml" with xml:id="${legal}"`,
    );
  } else if (!id) {
    doc.report(
      root.start,
      'error',
      'rules',
      'tei/file-named-by-id',
      `Unexpected <${root.name}> without xml:id, expected xml:id="${doc.id}" (the file's name)`,
    );
  } else if (id.value !== doc.id) {
    doc.report(
      id.start,
      'error',
      'rules',
      'tei/file-named-by-id',
      `Unexpected xml:id "${id.value}" on <${root.name}>, expected "${doc.id}" (the file's name)`,
    );
  }
  return true;
}

/** A legal xml:id close to a file name: illegal characters become "-", and a name that cannot start one gets a letter in front. */
export function legalIdFor(name: string): string {
  let id = name.replace(/[^\p{L}\p{N}._\u00B7\u0300-\u036F\u203F-\u2040-]/gu, '-');
  if (!isNCName(id)) id = 'doc-' + id;
  return isNCName(id) ? id : 'document';
}
