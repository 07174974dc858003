import { SourceDocument } from '../core/document.js';
import { childElements, textContent, type XmlElement } from '../core/xml-tree.js';
import { parseXml } from './parse-xml.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

/** What a RELAX NG grammar allows for one attribute of one element: its enumerated values and datatypes. */
export interface AllowedValues {
  values: string[];
  types: string[];
  /** The attribute takes text of any kind (no value or datatype restriction). */
  anyText: boolean;
}

export interface AllowedChildren {
  elements: string[];
  /** A name class (anyName, nsName) lets further elements in. */
  open: boolean;
}

/**
 * What a RELAX NG grammar says an element may carry, read from the grammar (not from libxml2, whose
 * messages name the fault but not what was allowed): an element's attributes with their allowed
 * values, and the elements its content may hold. Built lazily, per element name, once per grammar.
 */
export class SchemaIndex {
  private readonly defines = new Map<string, XmlElement[]>();
  private readonly elementPatterns = new Map<string, XmlElement[]>();
  private readonly attributeCache = new Map<string, Map<string, AllowedValues>>();
  private readonly childCache = new Map<string, AllowedChildren>();

  constructor(text: string) {
    const doc = new SourceDocument('/schema.rng', 'schema.rng', text);
    const tree = parseXml(doc);
    if (!tree) return;
    const stack = [tree.root];
    while (stack.length > 0) {
      const el = stack.pop()!;
      if (el.ns === RNG_NS && el.local === 'define') push(this.defines, attrOf(el, 'name'), el);
      if (el.ns === RNG_NS && el.local === 'element') for (const n of namesOf(el)) push(this.elementPatterns, n, el);
      stack.push(...childElements(el));
    }
  }

  /** The attributes an element may carry (local names), each with what its value may be. */
  attributes(element: string): Map<string, AllowedValues> {
    let found = this.attributeCache.get(element);
    if (found) return found;
    found = new Map();
    for (const pattern of this.elementPatterns.get(element) ?? []) {
      this.walk(pattern, (el) => {
        if (el.local !== 'attribute') return true;
        for (const name of namesOf(el)) {
          const allowed = found!.get(name) ?? { values: [], types: [], anyText: false };
          this.valuesOf(el, allowed);
          found!.set(name, allowed);
        }
        return false;
      });
    }
    this.attributeCache.set(element, found);
    return found;
  }

  /** The elements an element's content may hold, in the grammar's order of mention. */
  children(element: string): AllowedChildren {
    let found = this.childCache.get(element);
    if (found) return found;
    const names = new Set<string>();
    let open = false;
    for (const pattern of this.elementPatterns.get(element) ?? []) {
      this.walk(pattern, (el) => {
        if (el.local === 'attribute') return false;
        if (el.local !== 'element') return true;
        const n = namesOf(el);
        if (n.length === 0) open = true;
        for (const name of n) names.add(name);
        return false;
      });
    }
    found = { elements: [...names].sort(), open };
    this.childCache.set(element, found);
    return found;
  }

  /** Whether the grammar has a pattern for an element of this name. */
  knows(element: string): boolean {
    return this.elementPatterns.has(element);
  }

  /** Visit the patterns below an element or attribute pattern, following refs; `visit` says whether to go below. */
  private walk(top: XmlElement, visit: (el: XmlElement) => boolean): void {
    const seen = new Set<string>();
    const stack = childElements(top).filter((c) => c.ns === RNG_NS);
    while (stack.length > 0) {
      const el = stack.pop()!;
      if (el.ns !== RNG_NS || !visit(el)) continue;
      if (el.local === 'ref') {
        const name = attrOf(el, 'name');
        if (seen.has(name)) continue;
        seen.add(name);
        for (const d of this.defines.get(name) ?? []) stack.push(...childElements(d));
        continue;
      }
      stack.push(...childElements(el));
    }
  }

  private valuesOf(attribute: XmlElement, into: AllowedValues): void {
    let constrained = false;
    this.walk(attribute, (el) => {
      if (el.local === 'value') {
        constrained = true;
        if (!into.values.includes(textContent(el))) into.values.push(textContent(el));
        return false;
      }
      if (el.local === 'data') {
        constrained = true;
        const t = attrOf(el, 'type');
        if (!into.types.includes(t)) into.types.push(t);
        return false;
      }
      if (el.local === 'list') {
        constrained = true;
        if (!into.types.includes('list')) into.types.push('list');
        return false;
      }
      return el.local !== 'name' && el.local !== 'anyName' && el.local !== 'nsName';
    });
    if (!constrained) into.anyText = true;
  }
}

function attrOf(el: XmlElement, name: string): string {
  for (const a of el.attributes) if (a.name === name) return a.value.trim();
  return '';
}

/** Local names an element or attribute pattern names (name="x" or a <name> child); none for anyName/nsName. */
function namesOf(el: XmlElement): string[] {
  const direct = attrOf(el, 'name');
  if (direct) return [direct.replace(/^.*:/, '')];
  const first = childElements(el)[0];
  if (!first || first.ns !== RNG_NS) return [];
  if (first.local === 'name') return [textContent(first).trim().replace(/^.*:/, '')];
  if (first.local === 'choice')
    return childElements(first)
      .filter((c) => c.local === 'name')
      .map((c) => textContent(c).trim().replace(/^.*:/, ''));
  return [];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
