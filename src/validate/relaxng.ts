import { validateXML, memoryPages } from 'xmllint-wasm';
import type { SourceDocument } from '../core/document.js';
import type { Position } from '../core/diagnostic.js';
import { elementNamesOf, pruneSchema } from './prune-schema.js';
import { elements, type XmlElement } from '../core/xml-tree.js';

export interface RelaxNgSchema {
  /** What messages call it: 'project schema' or the file name of an extra schema. */
  label: string;
  /** File name of the schema (for xmllint's virtual file system). */
  fileName: string;
  text: string;
  /** Element and attribute names the schema declares, read once from its text. */
  declared?: { elements: Set<string>; attributes: Set<string> };
  /** The last pruned form of a large schema, for the element names it was pruned to. */
  pruned?: { key: string; text: string };
}

// Above this size libxml2's compilation of the grammar dominates a run (tei_all.rng: 1.1 MB, ~5 s).
const PRUNE_ABOVE = 100_000;

/** The grammar to hand libxml2: a large one pruned to the elements the batch uses (same verdicts). */
function grammarFor(schema: RelaxNgSchema, docs: readonly SourceDocument[]): string {
  if (schema.text.length <= PRUNE_ABOVE) return schema.text;
  const names = elementNamesOf(docs);
  const key = [...names].sort().join(' ');
  if (schema.pruned?.key !== key) schema.pruned = { key, text: pruneSchema(schema.text, names) };
  return schema.pruned.text;
}

export class SchemaError extends Error {}

/**
 * Layer 3: RELAX NG with libxml2 (xmllint-wasm). All documents of a run go to one xmllint call per
 * schema, so each schema is compiled once per run, not once per file.
 */
export async function validateRelaxNg(docs: readonly SourceDocument[], schema: RelaxNgSchema): Promise<void> {
  if (docs.length === 0) return;
  // Neutral names: a document's own path never reaches xmllint's command line.
  const names = docs.map((_, i) => `doc${i}.xml`);
  const result = await validateXML({
    xml: docs.map((d, i) => ({ fileName: names[i]!, contents: d.text })),
    schema: [{ fileName: schema.fileName, contents: grammarFor(schema, docs) }],
    extension: 'relaxng',
    initialMemoryPages: 64 * memoryPages.MiB,
    maxMemoryPages: 2 * memoryPages.GiB,
  });
  if (/Relax-NG schema .* failed to compile|Relax-NG parser error|failed to compile/.test(result.rawOutput) && !result.errors.some((e) => e.loc && names.includes(e.loc.fileName))) {
    throw new SchemaError(`Cannot use ${schema.label}: ${result.rawOutput.trim().split('\n').slice(0, 3).join(' ')}`);
  }
  const byName = new Map(names.map((n, i) => [n, docs[i]!]));
  const seen = new Set<string>();
  const invalid = new Set(result.errors.map((e) => e.loc?.fileName));
  for (const [name, doc] of byName) if (invalid.has(name)) reportUndeclared(doc, schema);
  for (const e of result.errors) {
    const doc = e.loc && byName.get(e.loc.fileName);
    if (!doc || !doc.tree || !e.loc) continue;
    const m = /^element ([^:\s]+(?::[^:\s]+)?): Relax-NG validity error : (.*)$/.exec(e.message);
    if (!m) continue;
    const { at, message } = locate(doc, e.loc.lineNumber, m[1]!, m[2]!);
    const key = `${doc.file}:${at.line}:${at.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    doc.report(at, 'error', 'schema', 'schema/rng', `${message} (${schema.label})`);
  }
}

/**
 * libxml2 reports an error deep in mixed content at some ancestor ("failed to validate content").
 * An element or attribute name the schema declares nowhere is certainly wrong, so say so at its place.
 */
function reportUndeclared(doc: SourceDocument, schema: RelaxNgSchema): void {
  const declared = (schema.declared ??= {
    elements: new Set([...schema.text.matchAll(/<element\s+name="([^"]+)"/g)].map((m) => m[1]!)),
    attributes: new Set([...schema.text.matchAll(/<attribute\s+name="([^"]+)"/g)].map((m) => m[1]!)),
  });
  // A schema with name classes (anyName, nsName) may accept names it does not list: stay silent.
  if (/<(anyName|nsName)\b/.test(schema.text)) return;
  // Each undeclared name once per document, at its first occurrence, with how often it occurs.
  const found = new Map<string, { at: Position; message: string; count: number }>();
  const note = (key: string, at: Position, message: string) => {
    const f = found.get(key);
    if (f) f.count++;
    else found.set(key, { at, message, count: 1 });
  };
  for (const el of elements(doc.tree!.root)) {
    if (!declared.elements.has(el.local)) note(`<${el.name}`, el.start, `Unexpected element <${el.name}>: ${schema.label} declares no such element`);
    for (const a of el.attributes) {
      if (a.name.startsWith('xmlns') || declared.attributes.has(a.name)) continue;
      note(`@${a.name}`, a.start, `Unexpected attribute ${a.name} on <${el.name}>: ${schema.label} declares no such attribute`);
    }
  }
  for (const { at, message, count } of found.values()) {
    doc.report(at, 'error', 'schema', 'schema/rng', count > 1 ? `${message} (${count - 1} more in this file)` : message);
  }
}

/**
 * libxml2 names an element and a line; point at that element's start tag (or the attribute it
 * names) and say it in the diagnostic wording.
 */
function locate(doc: SourceDocument, line: number, elementName: string, detail: string): { at: Position; message: string } {
  const el = elementAt(doc, line, elementName);
  const at = el?.start ?? { line, column: 1 };
  const rewrite: [RegExp, (m: RegExpExecArray) => { at?: Position; message: string }][] = [
    [/^Invalid attribute (\S+) for element (\S+)$/, (m) => {
      const a = el?.attributes.find((x) => x.name === m[1]);
      return { at: a?.start, message: `Unexpected attribute ${m[1]}${a ? `="${a.value}"` : ''} on <${m[2]}>: not allowed here or not a valid value` };
    }],
    // libxml2 says this of an element whose own content failed too, deep inside mixed content.
    [/^Did not expect element (\S+) there$/, (m) => ({ message: `Unexpected element <${m[1]}> here, or unexpected content inside it` })],
    [/^Expecting element (\S+), got (\S+)$/, (m) => ({ message: `Unexpected element <${m[2]}>, expected <${m[1]}>` })],
    [/^Expecting an element (\S+), got nothing$/, (m) => ({ message: `Unexpected end of <${elementName}>, expected <${m[1]}>` })],
    [/^Extra element (\S+) in interleave$/, (m) => ({ message: `Unexpected element <${m[1]}> in <${elementName}>` })],
    [/^Element (\S+) has extra content: (\S+)$/, (m) => ({ message: `Unexpected content ${m[2] === 'text' ? 'text' : `<${m[2]}>`} in <${m[1]}>` })],
    [/^Element (\S+) failed to validate content$/, (m) => ({ message: `Unexpected content in <${m[1]}>` })],
    [/^Element (\S+) failed to validate attributes$/, (m) => ({ message: `Unexpected attributes on <${m[1]}>` })],
    [/^Expecting a namespace for element (\S+)$/, (m) => ({ message: `Unexpected element <${m[1]}> in no namespace, expected the TEI namespace` })],
    [/^Expecting element (\S+) to be empty$/, (m) => ({ message: `Unexpected content in <${m[1]}>, expected it to be empty` })],
    [/^Error validating datatype (\S+)$/, (m) => ({ message: `Unexpected value in <${elementName}>: not a valid ${m[1]}` })],
    [/^Element (\S+) failed to validate/, (m) => ({ message: `Unexpected <${m[1]}>: it does not match the schema` })],
  ];
  for (const [re, f] of rewrite) {
    const m = re.exec(detail);
    if (m) {
      const r = f(m);
      return { at: r.at ?? at, message: r.message };
    }
  }
  return { at, message: `Unexpected <${elementName}>: ${detail}` };
}

/** The element of that name whose start tag is on, or last before, the line libxml2 reports. */
function elementAt(doc: SourceDocument, line: number, name: string): XmlElement | undefined {
  let best: XmlElement | undefined;
  for (const el of elements(doc.tree!.root)) {
    if (el.start.line > line) break;
    if (el.name === name || el.local === name) best = el;
  }
  return best;
}
