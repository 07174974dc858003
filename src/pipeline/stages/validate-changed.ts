import { readFileSync } from 'node:fs';
import { SourceDocument } from '../../core/document.js';
import { sha256 } from '../../core/fingerprint.js';
import type { Project } from '../../core/project.js';
import { decode } from '../../validate/decode.js';
import { givenAsItIs, parseXml } from '../../validate/parse-xml.js';
import { documentFromBytes } from '../../validate/validator.js';
import type { BuildCache, DocumentEntry } from '../build-cache.js';
import { corpusFingerprint, dependenciesOf } from '../dependencies.js';
import type { WarmTools } from '../warm-tools.js';
import { isRegisterFile, takeBytes, type SourceFile, type Sources } from './read-sources.js';
import type { RegisterEntries } from './register-entries.js';

// Documents validated together (one xmllint call per schema): large editions go in batches of this
// size and each batch's parsed trees are let go, which bounds memory. A document parsed twice (our
// tree and saxon-js's) holds about 1.2 MB for a 70 KB file: 50 of them stay well under the 512 MB a
// build of any size may take, at 20 xmllint calls (one worker start each) per 1,000 documents.
export const VALIDATION_BATCH = 50;

export interface Validated {
  /** Every file of the edition in source order, with its diagnostics (fresh or from the cache). */
  docs: SourceDocument[];
  /** How many were validated afresh. */
  validated: number;
}

/**
 * Stage 3: validate what changed. A file whose bytes, the validation configuration and the state of what
 * it points to are as the cache recorded them takes its diagnostics from the cache; the rest are
 * validated in batches (`onBatch` after each, `beforeBatch` before each). Each document's record in
 * `next` is written here.
 */
export async function validateChanged(
  project: Project,
  tools: WarmTools,
  sources: Sources,
  registers: RegisterEntries,
  cache: BuildCache,
  next: BuildCache,
  onValidate?: (files: number) => void,
  onBatch?: (docs: readonly SourceDocument[]) => Promise<void>,
  beforeBatch?: () => Promise<void>,
): Promise<Validated> {
  const config = await tools.validationConfig();
  const validationKey = (hash: string, deps: readonly string[]) =>
    sha256(hash, config, registers.dependencyState(deps));
  const byFile = new Map<string, SourceDocument>();
  for (const s of sources.files) {
    const entry = cache.documents[s.file];
    if (!entry || entry.hash !== s.hash || entry.validationKey !== validationKey(s.hash, entry.deps)) continue;
    // Its text is read only if something asks for it: a diagnostic to quote, a format to render.
    const doc = SourceDocument.deferred(s.absolute, s.file, () => readAgain(s, entry));
    doc.diagnostics.push(...entry.diagnostics);
    doc.coverage = entry.coverage;
    next.documents[s.file] = entry;
    byFile.set(s.file, doc);
  }
  const unchanged = sources.files.flatMap((s) => byFile.get(s.file) ?? []);
  const changed = sources.files.filter((s) => !byFile.has(s.file));
  // Registers first: a build that renders while it validates (onBatch) needs them from the first batch on.
  changed.sort((a, b) => Number(isRegisterFile(project, b.file)) - Number(isRegisterFile(project, a.file)));
  onValidate?.(changed.length);
  const letGo = changed.length > VALIDATION_BATCH && !tools.keepParsed;
  await onBatch?.(unchanged);
  for (let i = 0; i < changed.length; i += VALIDATION_BATCH) {
    // A build that renders while it validates may hold the next batch back until its renders catch up.
    await beforeBatch?.();
    const batch = await Promise.all(
      changed
        .slice(i, i + VALIDATION_BATCH)
        .map(
          async (s) =>
            registers.parsed.get(s.file) ?? documentFromBytes(project, s.absolute, await takeBytes(s, sources)),
        ),
    );
    for (const doc of batch) byFile.set(doc.file, doc);
    // Made for saxon-js through the warm tools, so a warm process reuses what it made before. A batch let
    // go once validated is not: the validator makes saxon-js's document from the tree itself.
    if (!letGo)
      await Promise.all(
        batch.filter((d) => d.tree).map(async (d) => (d.saxonDoc = await tools.parse(d, sources.hashes.get(d.file)!))),
      );
    await (await tools.validator()).validateDocuments(batch);
    for (const doc of batch) {
      const hash = sources.hashes.get(doc.file)!;
      const deps = dependenciesOf(doc, project.teiDir);
      next.documents[doc.file] = {
        hash,
        corpusHash: corpusFingerprint(doc),
        validationKey: validationKey(hash, deps),
        diagnostics: doc.diagnostics,
        coverage: doc.coverage,
        deps,
        // Output records survive revalidation: their own keys decide whether to render again.
        outputs: cache.documents[doc.file]?.outputs ?? {},
      };
    }
    await onBatch?.(batch);
    // Let a large edition's parsed trees go batch by batch (a warm watch process keeps them).
    if (letGo)
      for (const doc of batch) {
        doc.tree = null;
        doc.saxonDoc = null;
      }
  }
  return { docs: sources.files.map((s) => byFile.get(s.file)!), validated: changed.length };
}

/**
 * An unchanged document's text, read when asked for, as validation reads it (decoded, with what other XML
 * processors are given). A file edited since stage 1 hashed it is read as it is now, and its record is
 * marked so that the next build validates and renders it again; one gone since reads as empty.
 */
function readAgain(s: SourceFile, entry: DocumentEntry): { text: string; xmlText?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(s.absolute);
  } catch {
    entry.validationKey = '';
    return { text: '' };
  }
  if (sha256(bytes) !== entry.hash) entry.validationKey = '';
  const { text } = decode(bytes);
  if (givenAsItIs(text)) return { text };
  const doc = new SourceDocument(s.absolute, s.file, text);
  parseXml(doc);
  return { text, ...(doc.xmlText !== undefined ? { xmlText: doc.xmlText } : {}) };
}
