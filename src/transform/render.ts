import { pathToFileURL } from 'node:url';
import type { SourceDocument } from '../core/document.js';
import { FORMATS, type CompiledStylesheets, type Format } from './stylesheets.js';
import { corpusInParts } from './corpus-parts.js';
import { parseSummaries, runTransform, TransformError, type SaxonDocument } from './saxon.js';

/** Stylesheet parameters per format, from the edition's configuration (plain strings only). */
export type StylesheetParams = Partial<Record<Format, Record<string, string>>>;

/**
 * Outputs of one render, keyed by path relative to the output folder ('html/x.html'): text, or the
 * bytes of a file copied as it is (a picture a page shows).
 */
export type Outputs = Map<string, string | Uint8Array>;

/** One document rendered: its outputs, and what the corpus pages read of it (html format only). */
export interface Rendered {
  outputs: Outputs;
  /** The document's summary (xslt/html/corpus.xsl html:summary), or undefined when not rendered to HTML
   *  or when an edition's own HTML stylesheet writes none. */
  summary?: string;
}

// The result document the HTML stylesheet writes the summary to, when asked: never an output file.
const SUMMARY_HREF = 'corpus-summary.xml';

// What a stylesheet may name as a result document: plain relative paths, never '..' or absolute.
const SAFE_HREF = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function collect(format: Format, files: Map<string, string | Uint8Array>, into: Outputs): void {
  for (const [href, content] of files) {
    if (href === '') continue; // the principal result: the entry stylesheets write result documents only
    if (!SAFE_HREF.test(href))
      throw new TransformError(`Unexpected output name "${href}": not a plain relative file name`, 'TPUN0001');
    into.set(`${format}/${href}`, content);
  }
}

/** The parsed documents saxon-js may reach with doc(), by absolute URI: no file is parsed twice. */
export function documentPool(docs: readonly SourceDocument[]): Record<string, SaxonDocument> {
  const pool: Record<string, SaxonDocument> = {};
  for (const d of docs) if (d.saxonDoc) pool[pathToFileURL(d.path).href] = d.saxonDoc;
  return pool;
}

/**
 * Render one document in every format (params: the edition's facts, editionParams()). On a transform error the document gets a diagnostic and
 * no outputs at all (its last good outputs stay on disk). With `makeSummary`, the HTML render also makes the
 * document's summary for the corpus pages (a fifth of its time): false when the one kept is still current.
 */
export function renderDocument(
  doc: SourceDocument,
  sefs: CompiledStylesheets,
  pool: Record<string, SaxonDocument>,
  formats: readonly Format[] = FORMATS,
  params: StylesheetParams = {},
  makeSummary = true,
): Rendered | null {
  const rendered: Rendered = { outputs: new Map() };
  // saxon-js adds every document a transform reads with doc() to the pool it is given: each render gets its
  // own copy, so a worker's pool does not grow by a document per render (a 1,000-document build ran its
  // workers out of memory). The document itself is in it, so doc() of its own URI is not a second parse.
  const ownPool = doc.saxonDoc ? { ...pool, [pathToFileURL(doc.path).href]: doc.saxonDoc } : { ...pool };
  for (const format of formats) {
    try {
      const extra = format === 'html' && makeSummary ? { 'summary-href': SUMMARY_HREF } : {};
      const files = runTransform(sefs[format], {
        source: doc.saxonDoc,
        documentPool: ownPool,
        params: { ...(params[format] ?? {}), ...extra },
      });
      if (format === 'html') {
        rendered.summary = files.get(SUMMARY_HREF);
        files.delete(SUMMARY_HREF);
      }
      collect(format, files, rendered.outputs);
    } catch (e) {
      reportTransformError(doc, format, e);
      return null;
    }
  }
  return rendered;
}

/**
 * What the corpus pages are made from: every document's summary (the usual way: no document is
 * parsed), or, when some document has none (an edition's own HTML stylesheet that writes none),
 * the parsed documents themselves.
 */
export type CorpusInput = { summaries: readonly string[] } | { documents: readonly SourceDocument[] };

/**
 * Render the corpus pages (index, register pages) from every document that built. From summaries, in
 * parts (corpus-parts.ts): memory holds a few items' trees, and with `onPage` each page is handed on
 * as soon as it is made (a failure then leaves the pages made before it written, each whole; the
 * build makes them all again next time). Otherwise one page per transform (the stylesheet's
 * $corpus-page: 1 the index, 2 and on the registers), the pages' text handed on together, so a failure
 * writes none. A stylesheet that writes nothing for a page number has no more pages; one that ignores
 * $corpus-page writes every page at the first call and the same again at the second, which ends the
 * loop. Returns what was not handed to `onPage`, or null on failure (reported on `reportOn`).
 */
export async function renderCorpus(
  input: CorpusInput,
  sefs: CompiledStylesheets,
  pool: Record<string, SaxonDocument>,
  reportOn: SourceDocument | undefined,
  params: StylesheetParams = {},
  onPage?: (page: Outputs) => Promise<void>,
): Promise<Outputs | null> {
  const outputs: Outputs = new Map();
  try {
    const inParts =
      'summaries' in input &&
      (await corpusInParts(input.summaries, sefs, pool, params.html ?? {}, async (href, content) => {
        const page: Outputs = new Map();
        collect('html', new Map([[href, content]]), page);
        if (onPage) await onPage(page);
        // Kept in memory for the caller (check, deposit: small editions), as text, as the whole pages are.
        else
          for (const [path, c] of page) outputs.set(path, typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
      }));
    if (inParts) return outputs;
    const corpusParam =
      'summaries' in input
        ? { summaries: await parseSummaries(input.summaries) }
        : { documents: input.documents.map((d) => d.saxonDoc) };
    for (let page = 1; ; page++) {
      const files = runTransform(sefs.html, {
        initialTemplate: 'corpus',
        documentPool: { ...pool },
        params: { ...(params.html ?? {}), ...corpusParam, 'corpus-page': page },
      });
      const written = outputs.size;
      if ([...files.keys()].some((href) => outputs.has(`html/${href}`))) break;
      collect('html', files, outputs);
      if (outputs.size === written) break;
    }
  } catch (e) {
    if (reportOn) reportTransformError(reportOn, 'html', e);
    return null;
  }
  if (onPage) await onPage(outputs);
  return onPage ? new Map() : outputs;
}

function reportTransformError(doc: SourceDocument, format: Format, e: unknown): void {
  if (!(e instanceof TransformError)) throw e;
  const at = doc.tree?.root.start ?? { line: 1, column: 1 };
  doc.report(
    at,
    'error',
    'transform',
    'transform/failed',
    `Unexpected failure of the ${format} stylesheet: ${e.message} [${e.code}]`,
  );
}
