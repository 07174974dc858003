import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { SourceDocument } from '../../core/document.js';
import { gatedIsFile, gatedPath } from '../../core/read-gate.js';
import type { Project } from '../../core/project.js';
import { graphicsOf } from '../../tei/graphics.js';
import { outputName } from '../../tei/output-name.js';
import type { Outputs, StylesheetParams } from '../../transform/render.js';
import { parseXml } from '../../validate/parse-xml.js';

/** A picture of the edition that a document's page shows, and where the build publishes it. */
export interface Picture {
  /** The graphic's @url as written: how the stylesheet finds it. */
  url: string;
  /** The file, absolute (read through the read gate). */
  source: string;
  /** Its copy, relative to the output folder: html/images/<document>/<path in the documents folder>. */
  output: string;
}

// A start tag of graphic, prefixed or not.
const GRAPHIC_TAG = /<(?:[A-Za-z_][\w.-]*:)?graphic[\s/>]/;

/**
 * The pictures a document's page shows: the files of the edition its text's graphics name
 * (tei/graphic-resolves warns of the others, which the page leaves out). Each is copied to
 * html/images/<name of the document's outputs>/, under its path in the documents folder: no two
 * documents share a copy, so a picture goes and comes with its document's page.
 */
export function picturesOf(project: Project, doc: SourceDocument): Picture[] {
  // A document without a graphic element is not parsed again: most are not, and a plain 'graphic' in the text
  // ("geographic") made a 1,000-document build parse every document once more on the main thread (35 s).
  if (!GRAPHIC_TAG.test(doc.text)) return [];
  // A document taken from the build cache is not parsed yet; a throwaway copy keeps its diagnostics as they are.
  const tree = doc.tree ?? parseXml(new SourceDocument(doc.path, doc.file, doc.text));
  if (!tree) return [];
  const name = outputName(doc);
  const pictures = new Map<string, Picture>();
  for (const g of graphicsOf(tree, doc.file, project.teiDir)) {
    if (!('file' in g.target) || pictures.has(g.url.value)) continue;
    const source = join(project.root, g.target.file);
    if (!gatedIsFile(source)) continue;
    const inFolder = project.teiDir === '.' ? g.target.file : posix.relative(project.teiDir, g.target.file);
    pictures.set(g.url.value, { url: g.url.value, source, output: `html/images/${name}/${inFolder}` });
  }
  return [...pictures.values()];
}

/** The HTML stylesheet's parameter naming each picture's copy, relative to the page (html/). */
export function withPictures(params: StylesheetParams, pictures: readonly Picture[]): StylesheetParams {
  if (pictures.length === 0) return params;
  const srcs = Object.fromEntries(
    pictures.map((p) => [p.url, p.output.slice('html/'.length).split('/').map(encodeURIComponent).join('/')]),
  );
  return { ...params, html: { ...(params.html ?? {}), 'pictures-json': JSON.stringify(srcs) } };
}

/** The pictures' bytes joined to a document's outputs, read through the read gate. */
export async function addPictures(outputs: Outputs, pictures: readonly Picture[]): Promise<void> {
  for (const p of pictures) {
    const path = gatedPath(p.source);
    // Gone since it was planned: the next build sees the change (it is a dependency) and renders again.
    const bytes = path === null ? null : await readFile(path).catch(() => null);
    if (bytes) outputs.set(p.output, new Uint8Array(bytes));
  }
}
