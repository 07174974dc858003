import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { SourceDocument } from '../core/document.js';
import type { Position } from '../core/diagnostic.js';
import { childElements, type XmlElement } from '../core/xml-tree.js';
import { compileGrammar, GrammarError, validateWithGrammar } from './libxml2.js';
import type { Libxml2Detail } from './libxml2-worker.js';
import { SchemaIndex } from './schema-index.js';
import { quote } from '../core/quote.js';
import { badValue, listOf } from './relaxng-js/messages.js';
import { loadSchema, SchemaLoadError, type Schema } from './relaxng-js/load-schema.js';
import { fromPlain, parseRng, toPlain, type RngNode } from './relaxng-js/rng-tree.js';
import { SchemaCache } from './schema-cache.js';
import { engine, idAttributes, validateTree, type Engine } from './relaxng-js/validate-tree.js';
import { describeFault, type Finding as FaultFinding } from './relaxng-js/report.js';
import { engineState, learnedSize, restoreEngine, type EngineState } from './relaxng-js/engine-state.js';
import type { SchematronQuery } from './schematron-query.js';

export interface RelaxNgSchema {
  /** What messages and the summary call it: the file's stem ('tei_all', 'tei-project'). */
  label: string;
  /** The ruleId its diagnostics carry: schema/<file stem>. */
  ruleId: string;
  text: string;
  path: string;
  /** libxml2's compiled grammar (in the worker) and when it is ready; absent with the JavaScript engine. */
  grammar?: { key: string; ready: Promise<void> };
  /** The JavaScript engine's loaded schema (made on first use). */
  js?: Engine;
  index?: SchemaIndex;
  /** The Schematron the grammar carries (TEI's constraints), compiled; null when it carries none. */
  schematron?: SchematronQuery | null;
  /** Where what is derived from the schema's text is kept between runs. */
  cache: SchemaCache;
}

export type RelaxNgEngine = 'libxml2' | 'js';

/**
 * The engine of the RELAX NG layer: the JavaScript one (relaxng-js/) unless TEI_PIPELINE_RELAXNG=libxml2
 * (an internal switch, kept for comparing the two against jing).
 */
export function relaxNgEngine(): RelaxNgEngine {
  return process.env['TEI_PIPELINE_RELAXNG'] === 'libxml2' ? 'libxml2' : 'js';
}

/** Read a schema for use: with libxml2 its grammar starts compiling at once, in the worker. */
export function relaxNgSchema(
  path: string,
  text: string,
  use: RelaxNgEngine = relaxNgEngine(),
  cache = new SchemaCache(null),
): RelaxNgSchema {
  const stem = basename(path).replace(/\.rng$/i, '');
  const schema: RelaxNgSchema = { label: stem, ruleId: `schema/${stem}`, text, path, cache };
  if (use === 'libxml2') schema.grammar = compileGrammar(text);
  return schema;
}

function report(doc: SourceDocument, schema: RelaxNgSchema, findings: readonly FaultFinding[]): void {
  for (const { at, end, message } of findings)
    doc.report(at, 'error', 'schema', schema.ruleId, `${message} (${schema.label})`, end);
}

/** The JavaScript engine: each document's tree walked with the schema's derivatives, faults where they stand. */
function validateWithJs(docs: readonly SourceDocument[], schema: RelaxNgSchema): Set<string> {
  try {
    schema.js ??= jsEngine(schema);
  } catch (e) {
    throw new SchemaError(`Cannot use ${schema.label}: ${e instanceof SchemaLoadError ? e.message : String(e)}`);
  }
  const valid = new Set<string>();
  for (const doc of docs) {
    const findings = validateTree(schema.js, doc.tree!.root).map(describeFault);
    if (findings.length === 0) valid.add(doc.file);
    report(doc, schema, findings);
  }
  return valid;
}

/**
 * The schema loaded for the JavaScript engine. Loaded whole, every element's content is resolved and the
 * ID-typed attributes found: ~0.1 s for tei_all, most of it for elements no document uses. A schema of
 * one file whose text loaded whole before (the cache says so, with its ID attributes) is loaded without
 * that: its elements are resolved as documents reach them. A schema of several files always loads whole,
 * since the cache entry is keyed by the first file's text alone.
 */
function jsEngine(schema: RelaxNgSchema): Engine {
  const read = (file: string) => rngTree(schema, file);
  const whole: { schema?: Schema } = {};
  const facts = schema.cache.get('rng-facts', schema.text, () => {
    const files = new Set<string>();
    whole.schema = loadSchema(schema.path, (file) => (files.add(file), read(file)));
    return { ids: [...idAttributes(whole.schema)], oneFile: files.size === 1 };
  });
  if (whole.schema) return engine(whole.schema, new Set(facts.ids), facts.oneFile ? 0 : null);
  if (!facts.oneFile) return engine(loadSchema(schema.path, read), undefined, null);
  const state = schema.cache.peek<EngineState>(LEARNED, schema.text);
  if (state)
    try {
      return restoreEngine(state, new Set(facts.ids));
    } catch {
      // A state this engine cannot read (it is keyed by the tool's fingerprint, so only a damaged one): loaded below.
    }
  return engine(loadSchema(schema.path, read, false), new Set(facts.ids));
}

const LEARNED = 'rng-learned';

/**
 * Keep what the JavaScript engine learned (engine-state.ts) in the schema cache, when it learned anything
 * since it was restored or last kept: the next run over documents like these starts with their states.
 * Saving a lazily loaded schema resolves every element first (~0.1 s for tei_all, once).
 */
export function keepLearned(schema: RelaxNgSchema): void {
  const e = schema.js;
  if (!e || e.keptSize === null || learnedSize(e) === e.keptSize) return;
  try {
    const state = engineState(e);
    e.keptSize = learnedSize(e);
    if (state) schema.cache.put(LEARNED, schema.text, state);
  } catch {
    // Not kept: the next run learns again.
  }
}

/** A schema file (the schema or one it includes) as a tree, from the cache when its text was read before. */
function rngTree(schema: RelaxNgSchema, file: string): RngNode {
  const text = file === resolve(schema.path) ? schema.text : readFileSync(file, 'utf8');
  return fromPlain(
    schema.cache.get('rng-tree', text, () => toPlain(parseRng(text, file))),
    file,
  );
}

export class SchemaError extends Error {}

/**
 * Layer 3: RELAX NG with libxml2, the full grammar compiled once per process, each document validated
 * on its own. Returns the files the schema accepts. libxml2 gives a line and the node's path; the
 * diagnostic stands at that node's own place (the attribute, the element, the text) and says what the
 * grammar allowed there.
 */
export async function validateRelaxNg(docs: readonly SourceDocument[], schema: RelaxNgSchema): Promise<Set<string>> {
  const valid = new Set<string>();
  if (docs.length === 0) return valid;
  if (!schema.grammar) return validateWithJs(docs, schema);
  const grammar = schema.grammar;
  try {
    await grammar.ready;
  } catch (e) {
    throw new SchemaError(`Cannot use ${schema.label}: ${e instanceof GrammarError ? e.message : String(e)}`);
  }
  await Promise.all(
    docs.map(async (doc) => {
      const { details, error } = await validateWithGrammar(grammar.key, doc.xmlText ?? doc.text);
      if (error) {
        doc.report(
          { line: 1, column: 1 },
          'error',
          'schema',
          schema.ruleId,
          `Unexpected failure of the schema check against ${schema.label}: ${error}`,
        );
        return;
      }
      if (details.length === 0) {
        valid.add(doc.file);
        return;
      }
      reportDetails(doc, schema, details);
    }),
  );
  return valid;
}

interface Finding {
  at: Position;
  end?: Position;
  message: string;
  el: XmlElement | undefined;
  /** A finding about an element's content as a whole: dropped when a finding below it says more. */
  summary: boolean;
}

function reportDetails(doc: SourceDocument, schema: RelaxNgSchema, details: readonly Libxml2Detail[]): void {
  schema.index ??= new SchemaIndex(schema.text);
  const findings: Finding[] = [];
  for (const d of details) {
    const el = doc.tree ? elementByPath(doc.tree.root, d.xpath) : undefined;
    const f = describe(d, el, schema.index);
    findings.push(f);
    // libxml2 names an element whose content failed: find the fault below it that the grammar forbids
    // wherever the element stands (an undeclared attribute, a value outside its list, a child never allowed).
    if (el && (f.summary || /^Did not expect element/.test(d.message))) {
      const below = faultsBelow(el, schema.index);
      if (below.length > 0) {
        f.summary = true;
        findings.push(...below);
      }
    }
  }
  // No error at an ancestor when the fault is below it.
  const specific = findings.filter((f) => !f.summary);
  const kept = findings.filter((f) => !f.summary || !specific.some((s) => s.el && f.el && isInside(s.el, f.el)));
  const seen = new Set<string>();
  for (const f of kept) {
    const key = `${f.at.line}:${f.at.column}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    doc.report(f.at, 'error', 'schema', schema.ruleId, `${f.message} (${schema.label})`, f.end);
  }
}

/** Faults in an element and below it that the grammar forbids wherever that element stands. */
function faultsBelow(top: XmlElement, index: SchemaIndex): Finding[] {
  const found: Finding[] = [];
  const stack = [top];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const attributes = index.attributes(el.local);
    if (!index.knows(el.local)) continue;
    for (const a of el.attributes) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      const spec = attributes.get(a.local);
      if (!spec) {
        found.push({
          at: a.start,
          end: el.tagEnd,
          el,
          summary: false,
          message: `Unexpected attribute ${a.name} on <${el.name}>, expected ${listOf([...attributes.keys()].sort(), (n) => n, 'no attributes')}`,
        });
      } else if (spec.types.length === 0 && !spec.anyText && !spec.values.includes(normalize(a.value))) {
        found.push({
          at: a.start,
          end: el.tagEnd,
          el,
          summary: false,
          message: badValue(a.name, el.name, a.value, spec),
        });
      }
    }
    const children = index.children(el.local);
    for (const c of childElements(el)) {
      if (!children.open && !children.elements.includes(c.local)) {
        found.push({
          at: c.start,
          end: c.tagEnd,
          el: c,
          summary: false,
          message: `Unexpected element <${c.name}> in <${el.name}>, expected ${expected(index, el.local, 'no element')}`,
        });
      } else stack.push(c);
    }
  }
  return found.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
}

const normalize = (v: string) => v.trim().replace(/\s+/g, ' ');

function isInside(inner: XmlElement, outer: XmlElement): boolean {
  for (let p: XmlElement | null = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}

function describe(d: Libxml2Detail, el: XmlElement | undefined, index: SchemaIndex): Finding {
  const at = el?.start ?? { line: Math.max(1, d.line), column: 1 };
  const end = el?.tagEnd;
  const plain = (message: string, summary = false): Finding => ({ at, end, message, el, summary });
  let m: RegExpExecArray | null;
  if ((m = /^Invalid attribute (\S+) for element (\S+)$/.exec(d.message))) {
    const a = el?.attributes.find((x) => x.local === m![1] || x.name === m![1]);
    const allowed = index.attributes(el?.local ?? m[2]!);
    const spec = allowed.get(a?.local ?? m[1]!);
    const message = spec
      ? badValue(m[1]!, m[2]!, a?.value ?? '', spec)
      : `Unexpected attribute ${m[1]} on <${m[2]}>, expected ${listOf([...allowed.keys()].sort(), (n) => n, 'no attributes')}`;
    return { at: a?.start ?? at, end, message, el, summary: false };
  }
  if ((m = /^Did not expect text in element (\S+) content$/.exec(d.message))) {
    const text = el?.children.find((c) => c.type === 'text' && c.value.trim() !== '');
    const where = text?.type === 'text' ? { ...text.start } : at;
    if (text?.type === 'text') {
      // Point at the first character that is not white space.
      const lead = /^\s*/.exec(text.value)![0];
      const nl = lead.lastIndexOf('\n');
      if (nl === -1) where.column += lead.length;
      else {
        where.line += lead.split('\n').length - 1;
        where.column = lead.length - nl;
      }
    }
    return {
      at: where,
      end: undefined,
      message: `Unexpected text in <${m[1]}>, expected ${expected(index, m[1]!, 'only elements')}`,
      el,
      summary: false,
    };
  }
  if ((m = /^Did not expect element (\S+) there$/.exec(d.message))) {
    const parent = el?.parent?.local;
    const allowedHere = parent ? index.children(parent) : undefined;
    const known = allowedHere?.elements.includes(m[1]!);
    const message = parent
      ? known
        ? `Unexpected element <${m[1]}> at this point in <${parent}>: <${parent}> allows it, but not in this order or this often`
        : `Unexpected element <${m[1]}> in <${parent}>, expected ${expected(index, parent, 'no element')}`
      : `Unexpected element <${m[1]}> here`;
    return plain(message);
  }
  if ((m = /^Expecting element (\S+), got (\S+)$/.exec(d.message)))
    return plain(`Unexpected element <${m[2]}>, expected <${m[1]}>`);
  if ((m = /^Expecting an element (\S+), got nothing$/.exec(d.message))) {
    return plain(`Unexpected end of <${el?.local ?? '?'}>, expected <${m[1]}>`);
  }
  if ((m = /^Extra element (\S+) in interleave$/.exec(d.message)))
    return plain(`Unexpected element <${m[1]}> in <${el?.parent?.local ?? '?'}>`);
  if ((m = /^Element (\S+) has extra content: (\S+)$/.exec(d.message))) {
    return plain(m[2] === 'text' ? `Unexpected text in <${m[1]}>` : `Unexpected element <${m[2]}> in <${m[1]}>`, true);
  }
  if ((m = /^Element (\S+) failed to validate content$/.exec(d.message)))
    return plain(`Unexpected content in <${m[1]}>`, true);
  if ((m = /^Element (\S+) failed to validate attributes$/.exec(d.message)))
    return plain(`Unexpected attributes on <${m[1]}>`, true);
  if ((m = /^Expecting a namespace for element (\S+)$/.exec(d.message)))
    return plain(`Unexpected element <${m[1]}> in no namespace, expected the TEI namespace`);
  if ((m = /^Element (\S+) has wrong namespace: expecting (\S+)$/.exec(d.message)))
    return plain(`Unexpected namespace of <${m[1]}>, expected ${m[2]}`);
  if ((m = /^Expecting element (\S+) to be empty$/.exec(d.message)))
    return plain(`Unexpected content in <${m[1]}>, expected it to be empty`);
  if ((m = /^Error validating datatype (\S+)$/.exec(d.message)))
    return plain(`Unexpected value in <${el?.local ?? '?'}>: not a valid ${m[1]}`);
  if ((m = /^Type (\S+) doesn't allow value '(.*)'$/s.exec(d.message)))
    return plain(`Unexpected value ${quote(m[2]!)} in <${el?.local ?? '?'}>, expected a ${m[1]}`);
  if (/^Invalid sequence in interleave$/.test(d.message))
    return plain(`Unexpected order of elements in <${el?.local ?? '?'}>`, true);
  return plain(`Unexpected content in <${el?.local ?? '?'}>: ${d.message}`, /failed to validate/.test(d.message));
}

function expected(index: SchemaIndex, element: string, none: string): string {
  const c = index.children(element);
  return listOf(c.elements, (n) => `<${n}>`, none) + (c.open ? ' (or elements of other namespaces)' : '');
}

/**
 * The element at libxml2's node path: "/*" is the root, "*[3]" the third element child, "x[2]" or
 * "p:x[2]" the second child named x (libxml2 writes "*" for elements in a namespace without prefix).
 */
export function elementByPath(root: XmlElement, xpath: string): XmlElement | undefined {
  const steps = xpath.split('/').filter((s) => s !== '');
  if (steps.length === 0) return undefined;
  let el: XmlElement | undefined = root;
  for (const step of steps.slice(1)) {
    if (!el) return undefined;
    // A text node or attribute step: the element holding it is the place.
    if (step.includes('(') || step.startsWith('@')) break;
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) return el;
    const name = m[1]!;
    const n = Number(m[2] ?? 1);
    const kids: XmlElement[] = childElements(el).filter(
      (c) => name === '*' || c.name === name || c.local === name.replace(/^.*:/, ''),
    );
    el = kids[n - 1];
  }
  return el;
}
