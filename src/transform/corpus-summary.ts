import { SaxesParser } from 'saxes';
import { TransformError } from './saxon.js';

type Attributes = Record<string, string>;

/**
 * One document's summary (html:summary in xslt/html/corpus.xsl) as the corpus pages' parts need it:
 * its own attributes, the registers it points to, the entries it mentions and its blocks, each with
 * its attributes as written. Read with saxes, not saxon-js, so that thousands of them cost little.
 */
export interface SummaryParts {
  /** The summary as the stylesheet wrote it (the index's items are made from the whole of it). */
  text: string;
  attributes: Attributes;
  /** register/@uri, in order. */
  registers: string[];
  /** Each mention element's attributes, by the entry it names (@entry), in order. */
  mentions: Map<string, Attributes>;
  /** Each block element's attributes, by its @id, in order. */
  blocks: Map<string, Attributes>;
}

/** Read a summary; one that is not well-formed came from a hand-edited cache, and is refused as such. */
export function readSummary(text: string): SummaryParts {
  const parts: SummaryParts = { text, attributes: {}, registers: [], mentions: new Map(), blocks: new Map() };
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const attributes = tag.attributes as Attributes;
    if (depth === 1) parts.attributes = attributes;
    else if (depth === 2 && tag.name === 'register' && attributes['uri'] !== undefined)
      parts.registers.push(attributes['uri']);
    else if (depth === 2 && tag.name === 'mention' && attributes['entry'] !== undefined)
      parts.mentions.set(attributes['entry'], attributes);
    else if (depth === 2 && tag.name === 'block' && attributes['id'] !== undefined)
      parts.blocks.set(attributes['id'], attributes);
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
  return element('summary', summary.attributes, summary.registers.map((uri) => element('register', { uri })).join(''));
}

/**
 * A summary cut down to the mentions of some entries and the blocks those mentions are in: what a
 * register page's items read of the document (html:mentions in register.xsl).
 */
export function mentionsOnly(summary: SummaryParts, entries: ReadonlySet<string>): string {
  let children = '';
  const blocks = new Set<string>();
  for (const [entry, attributes] of summary.mentions) {
    if (!entries.has(entry)) continue;
    children += element('mention', attributes);
    for (const block of (attributes['blocks'] ?? '').split(/\s+/)) if (block) blocks.add(block);
  }
  for (const [id, attributes] of summary.blocks) if (blocks.has(id)) children += element('block', attributes);
  return element('summary', summary.attributes, children);
}

/** A summary that says only which registers the documents point to, in order, each once. */
export function registersOnly(summaries: readonly SummaryParts[]): string {
  const uris = new Set(summaries.flatMap((s) => s.registers));
  return element('summary', {}, [...uris].map((uri) => element('register', { uri })).join(''));
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
