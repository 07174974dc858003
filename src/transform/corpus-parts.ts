import type { CompiledStylesheets } from './stylesheets.js';
import { mentionsOnly, readSummary, registersOnly, skeleton, type SummaryParts } from './corpus-summary.js';
import { parseSummaries, releaseLastParse, runTransform, TransformError, type SaxonDocument } from './saxon.js';

/** Where the stylesheet's frame of a page leaves room for its items (html:corpus-page in corpus.xsl). */
const SLOT = '<div id="tei-pipeline-corpus-items"></div>';
const PLAN = 'corpus-plan.txt';

// How much one transform lays out: a register entry counts one, and one more for each document that
// mentions it (a back-link line); an index entry counts eight, for its whole summary is parsed (80 KB in
// saxon-js). A few thousand lines of HTML make a tree of tens of megabytes in saxon-js; a whole register
// page of a 5,000-document edition made gigabytes.
export const ITEMS_PER_TRANSFORM = 2000;
const INDEX_ENTRY_WEIGHT = 8;

/**
 * The corpus pages made in parts, from the documents' summaries: for each page, its frame (the page
 * with an empty slot where its items go, and the plan: what the items are made from, in order), then
 * its items a few at a time, each transform given only the summaries its items read; the items' text
 * goes into the slot. Memory holds one part's trees and one page's text, as UTF-8 bytes: a part's text
 * is turned into bytes as soon as it is made, and the page handed on as bytes, for a register page of a
 * 5,000-document edition is 55 MB of text, twice that as a JavaScript string with a curly quote in it,
 * and was held three times over (the parts, the page joined, the bytes written). The bytes are those of
 * the page made whole (test/pipeline/corpus-parts.test.ts).
 *
 * Each page is handed to `onPage` as soon as it is made, so the pages' text is not held together
 * (at 5,000 documents, 133 MB). False when the stylesheet writes no plan for the first page (an edition's
 * own, which knows nothing of parts): nothing was handed on, and the caller makes the pages whole.
 */
export async function corpusInParts(
  summaryTexts: readonly string[],
  sefs: CompiledStylesheets,
  pool: Record<string, SaxonDocument>,
  params: Record<string, string>,
  onPage: (href: string, content: string | Uint8Array) => Promise<void>,
  itemsPerTransform = ITEMS_PER_TRANSFORM,
): Promise<boolean> {
  const shared = new Map<string, string>();
  const summaries = summaryTexts.map((text) => readSummary(text, shared));
  shared.clear();
  const frameInput = await parseSummaries(summaries.map(skeleton));
  const part = (page: number, extra: Record<string, unknown>, input: unknown[]) =>
    runTransform(sefs.html, {
      initialTemplate: 'corpus',
      documentPool: { ...pool },
      params: { ...params, summaries: input, 'corpus-page': page, ...extra },
    });
  for (let page = 1; ; page++) {
    const files = part(page, { 'corpus-part': 'frame' }, frameInput);
    const plan = files.get(PLAN);
    files.delete(PLAN);
    if (files.size === 0) return true;
    if (plan === undefined && page === 1) return false;
    if (plan === undefined) throw new TransformError(`Unexpected frame of corpus page ${page}: no plan`, 'TPCP0001');
    if (files.size !== 1)
      throw new TransformError(`Unexpected frame of corpus page ${page}: ${files.size} files`, 'TPCP0001');
    const [href, frame] = [...files][0]!;
    const [kind, ...keys] = plan.split(' ').filter(Boolean);
    if (keys.length === 0) {
      await onPage(href, frame);
      continue;
    }
    const at = frame.indexOf(SLOT);
    const lineStart = frame.lastIndexOf('\n', at) + 1;
    // The slot stands on a line of its own, indented: the items come in place of that line.
    if (at < 0 || lineStart === 0 || !/^ *$/.test(frame.slice(lineStart, at)))
      throw new TransformError(`Unexpected frame of ${href}: no room for its items`, 'TPCP0002');
    const depth = (at - lineStart) / 2;
    const texts: Buffer[] = [];
    for (const items of kind === 'documents'
      ? indexParts(keys, summaries, itemsPerTransform)
      : registerParts(keys, summaries, itemsPerTransform)) {
      const input = await parseSummaries(items.summaries);
      const range = { 'corpus-first': items.first, 'corpus-last': items.last };
      const written = part(page, { 'corpus-part': 'items', 'corpus-depth': depth, ...range }, input);
      texts.push(Buffer.from(written.get(href) ?? '', 'utf8'));
    }
    await releaseLastParse();
    const head = Buffer.from(frame.slice(0, lineStart - 1), 'utf8');
    // The parts are let go once joined (splice empties the array), not held while the page is written.
    const whole = Buffer.concat([head, ...texts.splice(0), Buffer.from(frame.slice(at + SLOT.length), 'utf8')]);
    await onPage(href, whole);
  }
}

interface ItemsPart {
  /** The positions of the part's items among the page's sources. */
  first: number;
  last: number;
  /** The summaries the part's transform is given. */
  summaries: string[];
}

/** The index in parts: each given its documents' whole summaries, in the index's order. */
function* indexParts(
  positions: readonly string[],
  summaries: readonly SummaryParts[],
  bound: number,
): Generator<ItemsPart> {
  const count = Math.max(1, Math.floor(bound / INDEX_ENTRY_WEIGHT));
  for (let i = 0; i < positions.length; i += count) {
    const slice = positions.slice(i, i + count).map((p) => summaries[Number(p) - 1]!.text);
    yield { first: 1, last: slice.length, summaries: slice };
  }
}

/**
 * A register page in parts, cut where the entries and their back-links reach the bound: each part is
 * given the registers, and of the documents that mention its entries only those mentions.
 */
function* registerParts(
  entries: readonly string[],
  summaries: readonly SummaryParts[],
  bound: number,
): Generator<ItemsPart> {
  const mentionedBy = new Map<string, number[]>();
  summaries.forEach((s, i) => {
    for (const entry of s.mentionEntries) {
      let docs = mentionedBy.get(entry);
      if (!docs) mentionedBy.set(entry, (docs = []));
      docs.push(i);
    }
  });
  const registers = registersOnly(summaries);
  let first = 0;
  while (first < entries.length) {
    const ids = new Set<string>();
    const docs = new Set<number>();
    let size = 0;
    let last = first;
    for (; last < entries.length && (last === first || size < bound); last++) {
      const by = mentionedBy.get(entries[last]!) ?? [];
      ids.add(entries[last]!);
      for (const d of by) docs.add(d);
      size += 1 + by.length;
    }
    const reduced = [...docs].sort((a, b) => a - b).map((d) => mentionsOnly(summaries[d]!, ids));
    yield { first: first + 1, last, summaries: [registers, ...reduced] };
    first = last;
  }
}
