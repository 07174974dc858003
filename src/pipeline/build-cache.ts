import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostic.js';
import { describeIoFailure } from '../core/io-failure.js';
import { warn, warningBase } from '../core/warn.js';
import { writeFileAtomic } from '../core/write-atomic.js';

/** Size and modification time of an output as written, to notice outputs changed or removed by hand. */
export interface OutputStamp {
  size: number;
  mtimeMs: number;
}

export interface DocumentEntry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** What the corpus pages see of it (dependencies.ts corpusFingerprint). */
  corpusHash: string;
  /** What validation depended on: bytes, configuration, and the state of what it points to. */
  validationKey: string;
  diagnostics: Diagnostic[];
  /** Reference coverage of its names, for the summary. */
  coverage: Record<string, { total: number; withRef: number }>;
  /** 'tei/register/persons.xml#vance' and whole files the document points to. */
  deps: string[];
  /** Per format: what its outputs depended on, and the outputs written. */
  outputs: Record<string, OutputRecord>;
}

export interface OutputRecord {
  key: string;
  files: Record<string, OutputStamp>;
  /** HTML only: what the corpus pages read of the document (html:summary), made by the same render. */
  summary?: string;
  /**
   * HTML only: what the summary depended on: the HTML key with the document's corpus fingerprint in place
   * of its bytes. A later render under the same key (an edit of the words alone) keeps the summary instead
   * of making it again.
   */
  summaryKey?: string;
}

export interface BuildCache {
  format: 'tei-pipeline-build-cache';
  version: 1;
  /** The tool fingerprint that wrote it: any other tool discards it. */
  tool: string;
  documents: Record<string, DocumentEntry>;
  /** Entry hashes of the register files, by file, with the file's hash they were read from. */
  registers: Record<string, { hash: string; entries: Record<string, string> }>;
  corpus: { key: string; files: Record<string, OutputStamp> } | null;
}

export function emptyCache(tool: string): BuildCache {
  return { format: 'tei-pipeline-build-cache', version: 1, tool, documents: {}, registers: {}, corpus: null };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shallow structural check: enough that using the cache cannot throw; anything odd discards it. */
function wellFormed(c: unknown, tool: string): c is BuildCache {
  if (!isObject(c) || c['format'] !== 'tei-pipeline-build-cache' || c['version'] !== 1 || c['tool'] !== tool)
    return false;
  if (!isObject(c['documents']) || !isObject(c['registers']) || !(c['corpus'] === null || isObject(c['corpus'])))
    return false;
  for (const e of Object.values(c['documents'])) {
    if (
      !isObject(e) ||
      typeof e['hash'] !== 'string' ||
      typeof e['corpusHash'] !== 'string' ||
      typeof e['validationKey'] !== 'string'
    )
      return false;
    if (
      !Array.isArray(e['diagnostics']) ||
      !Array.isArray(e['deps']) ||
      !isObject(e['outputs']) ||
      !isObject(e['coverage'])
    )
      return false;
    for (const o of Object.values(e['outputs']))
      if (
        !isObject(o) ||
        typeof o['key'] !== 'string' ||
        !isObject(o['files']) ||
        !(o['summary'] === undefined || typeof o['summary'] === 'string') ||
        !(o['summaryKey'] === undefined || typeof o['summaryKey'] === 'string')
      )
        return false;
  }
  for (const r of Object.values(c['registers']))
    if (!isObject(r) || typeof r['hash'] !== 'string' || !isObject(r['entries'])) return false;
  return true;
}

/** The cache of the last build, or an empty one when it is absent, corrupt or written by another tool. */
export async function loadCache(file: string, tool: string): Promise<BuildCache> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (wellFormed(parsed, tool)) return parsed;
  } catch {
    // absent or not JSON: start afresh
  }
  return emptyCache(tool);
}

/**
 * Keep the cache for the next build. A cache that cannot be written (a read-only checkout, a full
 * disk) is a warning, never a failure: the outputs are written already, the next build just does
 * more work.
 */
export async function saveCache(file: string, cache: BuildCache): Promise<boolean> {
  try {
    await writeFileAtomic(file, JSON.stringify(cache));
    return true;
  } catch (e) {
    warn(
      `${describeIoFailure(e, warningBase()) ?? String(e)}; the build cache is not kept, so the next build validates and renders everything again`,
    );
    return false;
  }
}
