/**
 * A worker thread for the JavaScript RELAX NG engine: it loads a grammar (tei_all: a quarter of a
 * second and more) and validates documents while the main thread loads saxon-js and runs Schematron,
 * so the two layers use both cores. Each document is parsed here again from the same decoded text, by
 * the same parser, so its tree and every position are the ones the main thread has.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { SourceDocument } from '../core/document.js';
import { parseXml } from './parse-xml.js';
import { loadSchema, SchemaLoadError } from './relaxng-js/load-schema.js';
import { describeFault, type Finding } from './relaxng-js/report.js';
import { fromPlain, parseRng, toPlain } from './relaxng-js/rng-tree.js';
import { engine, validateTree, type Engine } from './relaxng-js/validate-tree.js';
import { SchemaCache } from './schema-cache.js';

export type RelaxNgJsRequest =
  | { kind: 'load'; key: string; path: string; text: string; cacheDir: string | null }
  | { kind: 'validate'; id: number; key: string; docs: { path: string; file: string; text: string }[] };

export type RelaxNgJsReply =
  | { kind: 'loaded'; key: string; error?: string }
  /** Per document, in the order sent, the faults found; an error instead when the batch could not be checked here. */
  | { kind: 'validated'; id: number; findings: Finding[][]; error?: string };

const engines = new Map<string, Engine | string>();

function load({ key, path, text: topText, cacheDir }: Extract<RelaxNgJsRequest, { kind: 'load' }>): RelaxNgJsReply {
  if (!engines.has(key)) {
    const cache = new SchemaCache(cacheDir);
    const top = resolve(path);
    try {
      // The schema's text as the main thread read it; the files it includes from disk.
      const read = (file: string) => {
        const text = file === top ? topText : readFileSync(file, 'utf8');
        return fromPlain(
          cache.get('rng-tree', text, () => toPlain(parseRng(text, file))),
          file,
        );
      };
      engines.set(key, engine(loadSchema(top, read)));
    } catch (e) {
      engines.set(key, e instanceof SchemaLoadError ? e.message : String(e));
    }
  }
  const loaded = engines.get(key)!;
  return typeof loaded === 'string' ? { kind: 'loaded', key, error: loaded } : { kind: 'loaded', key };
}

function validate(request: Extract<RelaxNgJsRequest, { kind: 'validate' }>): RelaxNgJsReply {
  const loaded = engines.get(request.key);
  if (loaded === undefined || typeof loaded === 'string')
    return { kind: 'validated', id: request.id, findings: [], error: loaded ?? 'grammar not loaded' };
  const findings: Finding[][] = [];
  for (const d of request.docs) {
    const tree = parseXml(new SourceDocument(d.path, d.file, d.text));
    // Not expected (the main thread parsed the same text): the main thread then validates the batch itself.
    if (!tree) return { kind: 'validated', id: request.id, findings: [], error: `${d.file} did not parse again` };
    findings.push(validateTree(loaded, tree.root).map(describeFault));
  }
  return { kind: 'validated', id: request.id, findings };
}

parentPort!.on('message', (request: RelaxNgJsRequest) => {
  parentPort!.postMessage(request.kind === 'load' ? load(request) : validate(request));
});
