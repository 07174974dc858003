import { join } from 'node:path';
import type { SourceDocument } from '../core/document.js';
import type { Project } from '../core/project.js';
import type { Sef } from '../transform/compile-stylesheet.js';
import type { Outputs } from '../transform/render.js';
import { TransformError, type SaxonDocument } from '../transform/saxon.js';
import { saxonDocumentFor } from '../transform/saxon-from-tree.js';
import { parseBagInfo } from './bag-info.js';
import { assembleBag, type BagFiles } from './bag.js';
import { reportMissingFacts, reportSkippedFiles } from './header.js';
import { depositMetadata, METADATA_FILES } from './metadata.js';
import { depositPayload } from './payload.js';
import { writeBag } from './write-bag.js';
import { zipBag } from './zip.js';
import { outputName } from '../tei/output-name.js';

/** Everything one deposit run shares between documents. */
export interface DepositContext {
  project: Project;
  sef: Sef;
  pool: Record<string, SaxonDocument>;
  outputs: Outputs;
  registers: readonly SourceDocument[];
  /** Every document of the edition (not the registers): a bag's pages may link only to its own. */
  documents: readonly SourceDocument[];
  extraSchemas: readonly string[];
  /** "tei-pipeline 0.1.0", for Bag-Software-Agent and the README. */
  agent: string;
}

export interface Deposited {
  bag: BagFiles;
  zip: Uint8Array;
  /** Where they were written, absolute. */
  folder: string;
  zipFile: string;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The folder deposits go to: out/deposit/ (not committed; CONVENTIONS.md §4). */
export function depositDir(project: Project): string {
  return join(project.outDir, 'deposit');
}

/**
 * Deposit one document: refuse it (diagnostics on the document, nothing written) when it or a
 * register does not validate, when its header lacks what the metadata need, or when the build
 * did not make an output its HTML links to; otherwise lay out the bag and its zip in memory and
 * put both in place atomically.
 */
export async function depositDocument(ctx: DepositContext, doc: SourceDocument): Promise<Deposited | null> {
  if (!doc.tree) return null; // not even well-formed: the validator has said why
  // The validator's, when this thread made it; a document rendered in a worker is made here from its tree, once.
  doc.saxonDoc ??= await saxonDocumentFor(doc);
  const payload = await depositPayload(
    ctx.project,
    doc,
    ctx.registers,
    ctx.outputs,
    ctx.extraSchemas,
    ctx.documents.map((d) => outputName(d)),
  );
  const listing = [...payload.files].map(([path, f]) => `${path}\t${f.what}`);
  listing.push('README.txt\tThis file: what the package holds, how it was made, and its licence.');
  let metadata;
  try {
    metadata = depositMetadata(ctx.sef, doc, ctx.pool, listing.sort(), ctx.agent, ctx.project.edition);
  } catch (e) {
    if (!(e instanceof TransformError)) throw e;
    doc.report(
      doc.tree?.root.start ?? { line: 1, column: 1 },
      'error',
      'transform',
      'transform/failed',
      `Unexpected failure of the deposit stylesheet: ${e.message} [${e.code}]`,
    );
    return null;
  }
  reportMissingFacts(doc, metadata.missing);
  // Only a document that validates has all its outputs; for one that does not, the validator's
  // errors say why, and a list of missing outputs would only repeat them.
  const refused = doc.hasErrors || ctx.registers.some((r) => r.hasErrors);
  if (!refused) {
    for (const path of payload.missing)
      doc.report(
        doc.tree?.root.start ?? { line: 1, column: 1 },
        'error',
        'deposit',
        'deposit/payload',
        `Unexpected missing output ${path}, expected the build to make it: the HTML page links to it (does another document fail to validate?)`,
      );
  }
  if (doc.hasErrors || refused) return null;
  // Only for a document that is deposited: a refused one has its errors to fix first.
  reportSkippedFiles(doc, metadata.skipped);

  const headerInfo = parseBagInfo(metadata.files.get('bag-info.txt') ?? '');
  const baggingDate = headerInfo.find((f) => f.label === 'Bagging-Date')?.value ?? '';
  const data = new Map([...payload.files].map(([p, f]) => [p, f.bytes]));
  data.set('README.txt', utf8(metadata.files.get('README.txt') ?? ''));
  const tags = new Map<string, Uint8Array>();
  for (const [name, content] of metadata.files) {
    const path = METADATA_FILES[name]!;
    if (path.startsWith('metadata/')) tags.set(path, utf8(content));
  }
  const bag = assembleBag({ payload: data, tags, info: headerInfo, agent: ctx.agent });
  const zip = zipBag(doc.id, bag, baggingDate);
  const dir = depositDir(ctx.project);
  await writeBag(dir, doc.id, bag, zip);
  return { bag, zip, folder: join(dir, doc.id), zipFile: join(dir, `${doc.id}.zip`) };
}
