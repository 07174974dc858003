import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SourceDocument } from '../core/document.js';
import type { EditionFacts } from '../core/edition-facts.js';
import type { Project } from '../core/project.js';
import { editionParams } from '../transform/edition-params.js';
import type { Sef } from '../transform/compile-stylesheet.js';
import { PRINCIPAL, runTransform, type SaxonDocument } from '../transform/saxon.js';

/** The stylesheet that maps a TEI header to the deposit metadata (one entry, xsl:result-document per file). */
export function depositStylesheet(project: Project): string {
  return join(project.packageDir, 'xslt', 'deposit', 'deposit.xsl');
}

/** Where each file the stylesheet writes goes in the bag. Nothing else is accepted from it. */
export const METADATA_FILES: Record<string, string> = {
  'zenodo.json': 'metadata/zenodo.json',
  'datacite.xml': 'metadata/datacite.xml',
  'oai_dc.xml': 'metadata/oai_dc.xml',
  'cmif.xml': 'metadata/cmif.xml',
  'README.txt': 'data/README.txt',
  'bag-info.txt': 'bag-info.txt',
};

export interface DepositMetadata {
  /** Facts the metadata need that the header lacks (names from xslt/deposit/deposit.xsl); empty when complete. */
  missing: string[];
  /** The stylesheet's files by their name in METADATA_FILES. */
  files: Map<string, string>;
  /** Files the stylesheet did not write because they could not be valid for their receiver ('cmif.xml'). */
  skipped: string[];
}

/**
 * A name-based UUID (RFC 4122 version 5, URL namespace): the same name always gives the same
 * UUID, so the CMIF bibl keeps its id from one deposit to the next without a random number.
 */
export function nameUuid(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const h = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * The xml:id of the CMIF bibl: a name-based UUID (as CMIF's Schematron recommends) behind a letter,
 * because an xml:id is an NCName and about ten UUIDs in sixteen start with a digit.
 */
export function biblId(documentId: string): string {
  return `uuid-${nameUuid(`urn:x-tei-pipeline:edition:${documentId}`)}`;
}

/**
 * Run the deposit stylesheet on the document as the validator parsed it (no second parse).
 * `payload` lists data/ as "path<TAB>what it is" for the README. Transform errors propagate
 * (TransformError) for the caller to report.
 */
export function depositMetadata(
  sef: Sef,
  doc: SourceDocument,
  pool: Record<string, SaxonDocument>,
  payload: readonly string[],
  tool: string,
  edition: EditionFacts = {},
): DepositMetadata {
  const results = runTransform(sef, {
    source: doc.saxonDoc,
    documentPool: pool,
    params: { ...editionParams(edition), payload: [...payload], tool, 'bibl-id': biblId(doc.id) },
  });
  const lines = (results.get(PRINCIPAL) ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const missing = lines.filter((l) => !l.startsWith('skipped '));
  const skipped = lines.filter((l) => l.startsWith('skipped ')).map((l) => l.slice('skipped '.length));
  const files = new Map<string, string>();
  for (const [name, content] of results) if (name !== PRINCIPAL && name in METADATA_FILES) files.set(name, content);
  return { missing, files, skipped };
}
