/**
 * The pictures a document's text shows (graphic/@url) and where each one is: a file of the edition,
 * which the build publishes next to the page, a web address (http, https), which the page links to
 * and the build never fetches, or neither. Shared by tei/graphic-resolves, the build's dependencies
 * and the stage that publishes the files, so all three agree. Pure: nothing here reads a file.
 */
import { posix } from 'node:path';
import { TEI_NS, ancestors, elements, type XmlAttribute, type XmlElement, type XmlTree } from '../core/xml-tree.js';

export type GraphicTarget =
  /** A file inside the documents folder, project-relative ('tei/images/plate-1.png'). */
  | { file: string }
  /** An http(s) address: linked, not fetched. */
  | { remote: string }
  /** Why it is neither (a message's reason, after "Unexpected graphic URL "…": "). */
  | { error: string };

export interface GraphicRef {
  element: XmlElement;
  url: XmlAttribute;
  target: GraphicTarget;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Where a graphic's @url leads, from the document `docFile` in the documents folder `teiDir`. */
export function graphicTarget(url: string, docFile: string, teiDir: string): GraphicTarget {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { remote: trimmed };
  if (scheme !== undefined)
    return { error: `a "${scheme}:" URL is not published, expected a file of the edition or an http(s) address` };
  const path = trimmed.replace(/[#?].*$/s, '');
  if (path === '') return { error: 'no file named, expected a file of the edition or an http(s) address' };
  if (path.startsWith('/') || path.includes('\\'))
    return { error: 'an absolute or backslashed path, expected a path relative to the document' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { error: 'a malformed %-escape' };
  }
  const file = posix.normalize(posix.join(posix.dirname(docFile), decoded));
  const inside = teiDir === '.' ? !file.startsWith('../') && file !== '..' : file.startsWith(`${teiDir}/`);
  if (!inside || decoded.includes('\0'))
    return { error: `it leads outside the edition's documents folder ${teiDir}/, whose files alone are published` };
  return { file };
}

/** Every graphic with a @url in the text of the document (not in its header or facsimile): what its pages show. */
export function graphicsOf(tree: XmlTree, docFile: string, teiDir: string): GraphicRef[] {
  const found: GraphicRef[] = [];
  for (const element of elements(tree.root, 'graphic')) {
    if (element.ns !== TEI_NS || !ancestors(element).some((a) => a.local === 'text' && a.ns === TEI_NS)) continue;
    const url = element.attributes.find((a) => a.name === 'url');
    if (url) found.push({ element, url, target: graphicTarget(url.value, docFile, teiDir) });
  }
  return found;
}
