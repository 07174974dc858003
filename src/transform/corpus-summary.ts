import { SaxesParser } from 'saxes';
import { TransformError } from './saxon.js';

type Attributes = Record<string, string>;

/**
 * One document's summary (html:summary in xslt/html/corpus.xsl) as the corpus pages' parts need it:
 * its own attributes, the registers it points to, the entries it mentions and its blocks. Read with
 * saxes, not saxon-js, so that thousands of them cost little; the mentions and blocks are kept written
 * out, in arrays, and shared between summaries where they are the same (5,000 summaries held as maps of
 * attribute objects took 91 MB).
 */
export interface SummaryParts {
  /** The summary as the stylesheet wrote it (the index's items are made from the whole of it). */
  text: string;
  attributes: Attributes;
  /** register/@uri, in order. */
  registers: string[];
  /** The entry each mention names (@entry), its blocks (@blocks, '' when none) and the element written out. */
  mentionEntries: string[];
  mentionBlocks: string[];
  mentions: string[];
  /** Each block's @id and the element written out. */
  blockIds: string[];
  blocks: string[];
}

/**
 * Read a summary; one that is not well-formed came from a hand-edited cache, and is refused as such.
 * `shared` keeps one copy of each string that recurs between summaries.
 */
export function readSummary(text: string, shared = new Map<string, string>()): SummaryParts {
  const one = (v: string) => {
    const kept = shared.get(v);
    if (kept !== undefined) return kept;
    shared.set(v, v);
    return v;
  };
  const parts: SummaryParts = {
    text,
    attributes: {},
    registers: [],
    mentionEntries: [],
    mentionBlocks: [],
    mentions: [],
    blockIds: [],
    blocks: [],
  };
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const attributes = tag.attributes as Attributes;
    if (depth === 1) parts.attributes = attributes;
    else if (depth === 2 && tag.name === 'register' && attributes['uri'] !== undefined)
      parts.registers.push(one(attributes['uri']));
    else if (depth === 2 && tag.name === 'mention' && attributes['entry'] !== undefined) {
      parts.mentionEntries.push(one(attributes['entry']));
      parts.mentionBlocks.push(one(attributes['blocks'] ?? ''));
      parts.mentions.push(one(element('mention', attributes)));
    } else if (depth === 2 && tag.name === 'block' && attributes['id'] !== undefined) {
      parts.blockIds.push(one(attributes['id']));
      parts.blocks.push(one(element('block', attributes)));
    }
  });
  parser.on('closetag', () => void depth--);
  try {
    parser.write(text).close();
  } catch (e) {
    throw new TransformError(`Unexpected summary in the build cache: ${(e as Error).message}`, 'TPSU0001');
  }
  return parts;
}

/**
 * What the frame of every corpus page needs of a summary: its attributes (id, date, publisher) and
 * the registers it points to; not its index entry, mentions or blocks.
 */
export function skeleton(summary: SummaryParts): string {
  return element('summary', summary.attributes, registerElements(summary.registers));
}

/**
 * A summary cut down to the mentions of some entries and the blocks those mentions are in: what a
 * register page's items read of the document (html:mentions in register.xsl).
 */
export function mentionsOnly(summary: SummaryParts, entries: ReadonlySet<string>): string {
  let children = '';
  const blocks = new Set<string>();
  summary.mentionEntries.forEach((entry, i) => {
    if (!entries.has(entry)) return;
    children += summary.mentions[i];
    for (const block of summary.mentionBlocks[i]!.split(/\s+/)) if (block) blocks.add(block);
  });
  summary.blockIds.forEach((id, i) => {
    if (blocks.has(id)) children += summary.blocks[i];
  });
  return element('summary', summary.attributes, children);
}

/** A summary that says only which registers the documents point to, in order, each once. */
export function registersOnly(summaries: readonly SummaryParts[]): string {
  return element('summary', {}, registerElements(new Set(summaries.flatMap((s) => s.registers))));
}

function registerElements(uris: Iterable<string>): string {
  return [...uris].map((uri) => element('register', { uri })).join('');
}

function element(name: string, attributes: Attributes, children = ''): string {
  let tag = `<${name}`;
  for (const [k, v] of Object.entries(attributes)) tag += ` ${k}="${escapeAttribute(v)}"`;
  return children ? `${tag}>${children}</${name}>` : `${tag}/>`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]!);
}
