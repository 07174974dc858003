/**
 * Validate a parsed document (the tree saxes built, with every position) against a loaded schema,
 * element by element in document order, as a streaming validator sees it. Each fault is reported
 * where it stands and then recovered from as jing does: an element that is not allowed is skipped
 * (its content checked against what the schema allows in that element anywhere), a bad attribute is
 * taken as given, a missing one as present, an incomplete element as complete.
 */
import type { Position } from '../../core/diagnostic.js';
import type { XmlElement, XmlNode } from '../../core/xml-tree.js';
import { Derivatives } from './derivative.js';
import type { Schema } from './load-schema.js';
import { contains } from './name-class.js';
import type { Pattern } from './pattern.js';

export type Fault =
  | {
      kind: 'element';
      el: XmlElement;
      parent: XmlElement | null;
      expected: string[];
      canEnd: boolean;
      text: boolean;
      /** The namespace the schema wants for an element of this local name, when it is not the one given. */
      namespace?: string;
    }
  | { kind: 'attribute'; el: XmlElement; name: string; expected: string[] }
  | { kind: 'value'; el: XmlElement; name: string; value: string; values: string[]; types: string[] }
  | { kind: 'missing-attribute'; el: XmlElement; names: string[] }
  | { kind: 'incomplete'; el: XmlElement; expected: string[] }
  | { kind: 'text'; el: XmlElement; at: Position; expected: string[] }
  | { kind: 'duplicate-id'; el: XmlElement; name: string; value: string; first: XmlElement; again: boolean };

export interface Engine {
  schema: Schema;
  derivatives: Derivatives;
  /** Per element name, the content of every element pattern that accepts it: recovery for misplaced elements. */
  anywhere: Map<string, Pattern | null>;
  /** Attributes of type ID ("{ns}local"), whose values must be unique in a document (jing checks them too). */
  ids: Set<string>;
  /**
   * learnedSize when the engine's state was last kept or restored (engine-state.ts), 0 before; null when
   * it is never kept (a schema of several files: the cache is keyed by the first file's text alone).
   */
  keptSize: number | null;
}

/** `ids`: the schema's ID-typed attributes when already known (finding them resolves every element). */
export function engine(schema: Schema, ids = idAttributes(schema), keptSize: number | null = 0): Engine {
  return { schema, derivatives: new Derivatives(schema.patterns), anywhere: new Map(), ids, keptSize };
}

/**
 * The attributes every pattern of which has the datatype ID (xml:id in TEI). As jing does (RELAX NG
 * DTD compatibility), their values must be unique in a document.
 */
export function idAttributes(schema: Schema): Set<string> {
  const typed = new Map<string, boolean>();
  const seen = new Set<number>();
  const walk = (p: Pattern) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    if (p.kind === 'attribute') {
      if (p.nc.kind !== 'name') return;
      const key = `{${p.nc.ns}}${p.nc.local}`;
      const isId = p.a.kind === 'data' && p.a.type.key.endsWith('#ID');
      typed.set(key, (typed.get(key) ?? true) && isId);
    } else if (p.kind === 'choice' || p.kind === 'group' || p.kind === 'interleave') {
      walk(p.a);
      walk(p.b);
    } else if (p.kind === 'oneOrMore') walk(p.a);
  };
  for (const el of schema.patterns.elements) walk(el.content());
  return new Set([...typed].filter(([, id]) => id).map(([k]) => k));
}

const WS = /^[\t\n\r ]*$/;

interface Frame {
  el: XmlElement;
  state: Pattern;
  /** The parent's state to go on with after this element (recovery), else the end-tag derivative. */
  resume: Pattern | null;
  /** Children still to visit. */
  next: number;
  hasElements: boolean;
  text: string;
  textAt: Position | null;
}

export function validateTree(e: Engine, root: XmlElement): Fault[] {
  const d = e.derivatives;
  const P = e.schema.patterns;
  const faults: Fault[] = [];
  const stack: Frame[] = [];
  const ids = new Map<string, XmlElement>();
  const repeated = new Set<string>();

  /** Enter an element with the parent's state; returns the parent's state when the element was skipped. */
  const enter = (el: XmlElement, state: Pattern, parent: Frame | null): Pattern | null => {
    let st = d.startTagOpen(state, el.ns, el.local);
    let resume: Pattern | null = null;
    if (st.kind === 'notAllowed') {
      faults.push({
        kind: 'element',
        el,
        parent: parent?.el ?? null,
        expected: sorted(d.expectedElements(state)),
        canEnd: parent !== null && d.canEnd(state),
        text: parent !== null && d.allowsText(state),
        namespace: otherNamespace(e, el),
      });
      st = d.startTagOpenRecover(state, el.ns, el.local);
      if (st.kind === 'notAllowed') {
        const content = contentAnywhere(e, el.ns, el.local);
        if (!content) return state;
        resume = state;
        st = P.after(content, P.empty);
      }
    }
    for (const a of el.attributes) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      if (e.ids.size > 0 && e.ids.has(`{${a.ns}}${a.local}`)) {
        const value = a.value.trim();
        const first = ids.get(value);
        if (!first) ids.set(value, el);
        else {
          if (!repeated.has(value))
            faults.push({ kind: 'duplicate-id', el: first, name: a.name, value, first, again: false });
          repeated.add(value);
          faults.push({ kind: 'duplicate-id', el, name: a.name, value, first, again: true });
        }
      }
      const next = d.attribute(st, a.ns, a.local, a.value);
      if (next.kind !== 'notAllowed') {
        st = next;
        continue;
      }
      const anyValue = d.attribute(st, a.ns, a.local, a.value, true);
      if (anyValue.kind !== 'notAllowed') {
        const { values, types } = allowedValues(e, st, a.ns, a.local);
        faults.push({ kind: 'value', el, name: a.name, value: a.value, values, types });
        st = anyValue;
      } else {
        const names = d.attributesIn(st).flatMap((x) => (x.nc.kind === 'name' ? [attrName(x.nc.ns, x.nc.local)] : []));
        faults.push({ kind: 'attribute', el, name: a.name, expected: [...new Set(names)].sort() });
      }
    }
    const closed = d.startTagClose(st);
    if (closed.kind === 'notAllowed') {
      const missing = new Set<string>();
      for (const x of d.attributesIn(st))
        if (
          x.nc.kind === 'name' &&
          d.startTagClose(d.attribute(st, x.nc.ns, x.nc.local, '', true)).kind !== 'notAllowed'
        )
          missing.add(attrName(x.nc.ns, x.nc.local));
      faults.push({ kind: 'missing-attribute', el, names: [...missing].sort() });
      st = d.startTagClose(st, true);
    } else st = closed;
    stack.push({
      el,
      state: st,
      resume,
      next: 0,
      hasElements: el.children.some((c) => c.type === 'element'),
      text: '',
      textAt: null,
    });
    return null;
  };

  const flushText = (f: Frame, final: boolean) => {
    if (f.hasElements) {
      if (WS.test(f.text)) return reset(f);
    } else if (!final) return;
    const s = f.text;
    const next = WS.test(s) ? d.whitespaceOnly(f.state, s) : d.text(f.state, s);
    if (next.kind === 'notAllowed') {
      faults.push({
        kind: 'text',
        el: f.el,
        at: f.textAt ?? f.el.tagEnd ?? f.el.start,
        expected: sorted(d.expectedElements(f.state)),
      });
    } else f.state = next;
    reset(f);
  };

  let rootState = e.schema.start;
  enter(root, rootState, null);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const child: XmlNode | undefined = f.el.children[f.next++];
    if (child === undefined) {
      flushText(f, true);
      let after = d.endTag(f.state);
      if (after.kind === 'notAllowed') {
        faults.push({ kind: 'incomplete', el: f.el, expected: sorted(d.expectedElements(f.state)) });
        after = d.endTag(f.state, true);
      }
      stack.pop();
      const parentState = f.resume ?? after;
      const parent = stack[stack.length - 1];
      if (parent) parent.state = parentState;
      else rootState = parentState;
      continue;
    }
    if (child.type === 'text') {
      if (f.textAt === null && !WS.test(child.value)) f.textAt = firstNonSpace(child.value, child.start);
      f.text += child.value;
    } else if (child.type === 'element') {
      flushText(f, false);
      const skipped = enter(child, f.state, f);
      if (skipped) f.state = skipped;
    }
  }
  return faults;
}

function reset(f: Frame): void {
  f.text = '';
  f.textAt = null;
}

const sorted = (s: Set<string>) => [...s].sort();

const attrName = (ns: string, local: string) =>
  ns === 'http://www.w3.org/XML/1998/namespace' ? `xml:${local}` : local;

function firstNonSpace(value: string, start: Position): Position {
  const lead = /^[\t\n\r ]*/.exec(value)![0];
  const nl = lead.lastIndexOf('\n');
  if (nl === -1) return { line: start.line, column: start.column + lead.length };
  return { line: start.line + lead.split('\n').length - 1, column: lead.length - nl };
}

/** Every element pattern of the schema: those not yet reached are resolved first (a schema loaded lazily). */
function allElements(e: Engine): Engine['schema']['patterns']['elements'] {
  const elements = e.schema.patterns.elements;
  for (let i = 0; i < elements.length; i++) elements[i]!.content();
  return elements;
}

function otherNamespace(e: Engine, el: XmlElement): string | undefined {
  for (const x of allElements(e))
    if (x.nc.kind === 'name' && x.nc.local === el.local && x.nc.ns !== el.ns) return x.nc.ns;
  return undefined;
}

function contentAnywhere(e: Engine, ns: string, local: string): Pattern | null {
  const key = `${ns}}${local}`;
  if (e.anywhere.has(key)) return e.anywhere.get(key)!;
  const P = e.schema.patterns;
  let r: Pattern | null = null;
  for (const el of allElements(e))
    if (contains(el.nc, ns, local)) r = r === null ? el.content() : P.choice(r, el.content());
  e.anywhere.set(key, r);
  return r;
}

/** The values and datatypes the attribute patterns for a name accept in this state, for the message. */
function allowedValues(e: Engine, st: Pattern, ns: string, local: string): { values: string[]; types: string[] } {
  const values = new Set<string>();
  const types = new Set<string>();
  const seen = new Set<number>();
  const walk = (p: Pattern) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    switch (p.kind) {
      case 'value':
        values.add(p.value.trim().replace(/\s+/g, ' '));
        break;
      case 'data':
        types.add(p.type.name);
        break;
      case 'list':
        types.add('list');
        break;
      case 'text':
        types.add('text');
        break;
      case 'choice':
      case 'group':
      case 'interleave':
        walk(p.a);
        walk(p.b);
        break;
      case 'oneOrMore':
        walk(p.a);
        break;
    }
  };
  for (const a of e.derivatives.attributesIn(st)) if (contains(a.nc, ns, local)) walk(a.a);
  return { values: [...values].sort(), types: [...types] };
}
