import { pathToFileURL } from 'node:url';
import { gatedPath } from '../core/read-gate.js';
import type { Sef } from './compile-stylesheet.js';
import { loadSaxonJs, noteTransform } from './load-saxon-js.js';

let loaded: ReturnType<typeof loadSaxonJs> | null = null;

/**
 * saxon-js, loaded on first use (with a code cache, load-saxon-js.ts) and closed to the world before
 * anything runs in it. Not at import: a run that needs no XPath (`validate --schema` with a grammar
 * that carries no Schematron, `init`) never pays for loading it.
 */
export function saxonJs(): ReturnType<typeof loadSaxonJs> {
  if (!loaded) {
    loaded = loadSaxonJs();
    closeSaxonToTheWorld(loaded);
  }
  return loaded;
}

/**
 * saxon-js reaches files and the network only through its platform object. Replace the ways out: every
 * file it reads goes through the edition's read gate (doc(), document(), unparsed-text(), collection()),
 * and it never fetches a URL nor writes a file (result documents are collected in memory).
 */
function closeSaxonToTheWorld(SaxonJS: ReturnType<typeof loadSaxonJs>): void {
  const platform = SaxonJS.getPlatform();
  const readFile = platform['readFile'] as (target: unknown, ...rest: unknown[]) => unknown;
  const refuse = (what: string) => () => {
    throw new SaxonJS.XError(`Refused to ${what}: the pipeline reads only files inside the edition`, 'FODC0002');
  };
  platform['readFile'] = (target: unknown, ...rest: unknown[]) => {
    const path = gatedPath(target instanceof URL ? target : String(target));
    if (path === null) refuse(`read ${String(target).slice(0, 200)}`)();
    return readFile(pathToFileURL(path!).href, ...rest);
  };
  // platform.resource() serves saxon-js's own built-in tables (regex categories, function lists): not files.
  const resourcePromise = platform['resourcePromise'] as (options: Record<string, unknown>) => Promise<unknown>;
  platform['resourcePromise'] = (options: Record<string, unknown>) => {
    const target = options['file'] ?? options['location'];
    const path = gatedPath(target instanceof URL ? target : String(target));
    if (path === null)
      return Promise.reject(new SaxonJS.XError(`Refused to read ${String(target).slice(0, 200)}`, 'FODC0002'));
    return resourcePromise({ ...options, file: path, location: undefined });
  };
  platform['makeHttpRequest'] = refuse('fetch a URL');
  for (const way of ['writeFileSync', 'writeFileAsync']) platform[way] = refuse('write a file');
}

import type { SaxonDocument } from '../core/document.js';
export type { SaxonDocument };

/** Parse XML text into a saxon-js document whose base URI is the file's, so relative doc() calls resolve. */
export async function parseForSaxon(text: string, absolutePath: string): Promise<SaxonDocument> {
  return saxonJs().getResource({ text, type: 'xml', baseURI: pathToFileURL(absolutePath).href });
}

/**
 * The documents' summaries (each one serialized element, html:summary) parsed together as one
 * document, and its elements handed back in order: one parse, however many documents.
 */
export async function parseSummaries(summaries: readonly string[]): Promise<unknown[]> {
  // Written by saxon-js itself, so well-formed, unless the cache holding them was edited by hand.
  const doc = await saxonJs()
    .getResource({ text: `<summaries>${summaries.join('')}</summaries>`, type: 'xml' })
    .catch((e: unknown) => {
      throw new TransformError(
        `Unexpected summary in the build cache: ${String((e as Error)?.message ?? e)}`,
        'TPSU0001',
      );
    });
  return saxonJs().XPath.evaluate('/*/*', doc, { resultForm: 'array' }) as unknown[];
}

/**
 * saxon-js keeps the last document it parsed until it parses another (80 MB for 1,000 summaries): a
 * caller that parsed a large one and is done with it parses a small one, so the large one can go.
 */
export async function releaseLastParse(): Promise<void> {
  await saxonJs().getResource({ text: '<released/>', type: 'xml' });
}

// Result documents are delivered under this base; their hrefs relative to it name the output files.
const OUTPUT_BASE = 'file:///tei-pipeline-output/';

export interface TransformOptions {
  source?: SaxonDocument;
  initialTemplate?: string;
  params?: Record<string, unknown>;
  /** Documents already parsed, by absolute URI: doc() on these URIs reads no file. */
  documentPool?: Record<string, SaxonDocument>;
}

/** Raised for dynamic errors and xsl:message terminate="yes"; carries the XSLT error code. */
export class TransformError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Key of the principal result in the map runTransform returns. */
export const PRINCIPAL = '';

/**
 * Run a compiled stylesheet and collect the principal result (key PRINCIPAL) and every
 * xsl:result-document in memory, keyed by its href relative to the output folder; nothing touches
 * the disk here, so a failing transform writes nothing.
 */
export function runTransform(sef: Sef, options: TransformOptions): Map<string, string> {
  noteTransform();
  const files = new Map<string, string>();
  const messages: string[] = [];
  try {
    const result = saxonJs().transform(
      {
        stylesheetInternal: sef,
        ...(options.source !== undefined ? { sourceNode: options.source } : {}),
        ...(options.initialTemplate ? { initialTemplate: options.initialTemplate } : {}),
        stylesheetParams: options.params ?? {},
        documentPool: options.documentPool ?? {},
        destination: 'serialized',
        baseOutputURI: OUTPUT_BASE,
        deliverMessage: (node: unknown) => messages.push(saxonJs().XPath.evaluate('string(.)', node) as string),
        deliverResultDocument: () => ({
          destination: 'serialized',
          save: (url: URL | string, result: string) => {
            const href = String(url instanceof URL ? url.href : url);
            files.set(href.startsWith(OUTPUT_BASE) ? decodeURI(href.slice(OUTPUT_BASE.length)) : href, result);
          },
        }),
      },
      'sync',
    );
    if (typeof result.principalResult === 'string') files.set(PRINCIPAL, result.principalResult);
  } catch (e) {
    forgetKeyIndexes(options.documentPool);
    const err = e as { message?: string; code?: string };
    const code = String(err.code ?? 'XTDE0000').replace(/^Q\{[^}]*\}/, '');
    const detail = (messages.length > 0 ? messages[messages.length - 1]! : (err.message ?? String(e))).trim();
    throw new TransformError(detail, code);
  }
  forgetKeyIndexes(options.documentPool);
  return files;
}

/**
 * saxon-js hangs each transform's key() indexes on the documents it indexes (`_saxonIndexes`, under an
 * id new in every transform): on the registers shared by every render of a build, that was an index per
 * render, never freed (a 300-document build held 360 on persons.xml; a 1,000-document build ran its workers
 * out of memory). They go after each transform. Pointers into the registers are found with id(), whose
 * index saxon-js keeps with the document (`_saxonXmlIdIndex`, left alone here), so a register is not
 * indexed anew per render; keys still land on the registers elsewhere (the corpus pages, events.xml).
 */
function forgetKeyIndexes(pool: Record<string, SaxonDocument> | undefined): void {
  for (const doc of Object.values(pool ?? {})) {
    const d = doc as { _saxonIndexes?: unknown; _saxonIndexesBC?: unknown };
    delete d._saxonIndexes;
    delete d._saxonIndexesBC;
  }
}
