import type { SourceDocument } from '../core/document.js';
import { XML_NS } from '../core/xml-tree.js';

// xslt/common/document.xsl ed:is-safe-name: a file name and a URL path segment as it stands.
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const isSafe = (name: string) => SAFE_NAME.test(name) && !name.includes('..');

/**
 * The name a document's outputs carry, as the stylesheets choose it (xslt/common/document.xsl
 * ed:document-id): its root's xml:id when that is a safe name, else its file name in lower case. It
 * differs from the file name when an edition does not name files by id (idEqualsFileName false), so
 * whatever looks for a document's outputs (the last good ones of a failed document, a bag's pages)
 * asks here, not the file name.
 */
export function outputName(doc: SourceDocument): string {
  const xmlId = doc.tree
    ? doc.tree.root.attributes.find((a) => a.local === 'id' && a.ns === XML_NS)?.value
    : rootIdInText(doc.text);
  return xmlId !== undefined && isSafe(xmlId) ? xmlId : doc.id.toLowerCase();
}

/**
 * The root's xml:id read from the text of a document that did not parse (a failed document keeps
 * its last good outputs under the name it had): the first start tag of TEI or teiCorpus.
 */
function rootIdInText(text: string): string | undefined {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(?:TEI|teiCorpus)\b([^>]{0,4000})>/.exec(text)?.[1];
  return tag ? /\sxml:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag)?.slice(1).find((v) => v !== undefined) : undefined;
}

/** Whether an output path (relative to the output folder) belongs to the document whose outputs are named `name`. */
export function isOutputOf(path: string, name: string): boolean {
  const [folder, ...rest] = path.split('/');
  if (folder === 'html' && rest[0] === 'images' && rest.length > 2) return rest[1] === name; // its pictures
  return rest.length === 1 && rest[0]!.startsWith(name + '.');
}
