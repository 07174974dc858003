import { basename, extname, relative, sep } from 'node:path';

/**
 * Files editors make beside the one being saved and that are never part of the edition: vim's
 * swap files and its write test "4913", backups ending in "~", emacs's lock links ".#x.xml" and
 * autosaves "#x.xml#", temporary files of safe-saves (ours, sed -i's "sedXXXXXX", oXygen's and VS
 * Code's ".tmp"), and the desktop's .DS_Store. A change to one of them is no save.
 */
export function isScratchFile(path: string): boolean {
  const name = basename(path);
  return (
    name.startsWith('.#') ||
    (name.startsWith('#') && name.endsWith('#')) ||
    name.endsWith('~') ||
    /\.sw[a-p]x?$/i.test(name) ||
    name === '4913' ||
    /^sed[A-Za-z0-9]{6}$/.test(name) ||
    /\.(tmp|temp|bak|orig|crswap)$/i.test(name) ||
    name === '.DS_Store'
  );
}

/** Files a graphic of the text is likely to show (tei/graphic-resolves): a change to one rebuilds. */
const PICTURE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif', '.tif', '.tiff']);

/** What a change in a watched folder means for the build. */
export type ChangeKind = 'document' | 'schema' | 'stylesheet' | 'none';

/**
 * Classify a changed path: documents and registers (tei/…/*.xml) are revalidated and re-rendered;
 * schemas (tei/schema/) and stylesheets or their assets (xslt/) are compiled again first; pictures
 * are copied again; anything else (scratch files, notes beside the documents) changes nothing the build reads.
 */
export function changeKind(path: string, teiFolder: string, xsltFolder: string): ChangeKind {
  if (isScratchFile(path)) return 'none';
  const inside = (folder: string) => {
    const rel = relative(folder, path);
    return rel !== '' && !rel.startsWith('..') ? rel.split(sep) : null;
  };
  const xslt = inside(xsltFolder);
  if (xslt) return 'stylesheet';
  const tei = inside(teiFolder);
  if (!tei) return 'none';
  if (tei[0] === 'schema') return 'schema';
  // A folder event (a register folder made or removed) changes which documents there are; a picture
  // changes the pages that show it (their dependency, src/pipeline/dependencies.ts).
  const ext = extname(path).toLowerCase();
  return ext === '.xml' || ext === '' || PICTURE_EXTENSIONS.has(ext) ? 'document' : 'none';
}
