/**
 * James Clark's derivative algorithm ("An algorithm for RELAX NG validation"), fed one event at a
 * time: start-tag open, each attribute, start-tag close, text, end tag. Results that depend only on
 * names are memoised per pattern, so a large schema costs the work once per distinct state. The
 * lenient variants are for recovery after an error: they give the state jing would go on with.
 */
import { detached } from '../../core/detached.js';
import { contains } from './name-class.js';
import type { Pattern, Patterns } from './pattern.js';

type Memo = Map<number, Map<string, Pattern>>;

/**
 * The memos as plain data, by pattern id (engine-state.ts keeps them between runs). Those cheap to compute
 * again (whether attributes or data are in reach, a choice's alternatives) are left out.
 */
export interface DerivativesData {
  /** Per namespace, its local names and their numbers: [ns, local, number, local, number, …]. */
  names: (string | number)[][];
  /** [state, name, result, …] */
  open: number[];
  /** [state, key, result, …] */
  attr: (number | string)[];
  /** [state, name, count, …the value patterns, …] */
  attrValues: number[];
  /** [state, result, …] each */
  close: number[];
  end: number[];
  plainText: number[];
}

export class Derivatives {
  private readonly open = new Map<number, Map<number, Pattern>>();
  private readonly names = new Map<string, Map<string, number>>();
  private nameCount = 0;
  private readonly attr: Memo = new Map();
  private readonly attrValues = new Map<number, Map<number, Pattern[]>>();
  private readonly withAttributes = new Map<number, boolean>();
  private readonly chains = new Map<number, Pattern[]>();
  private readonly closeMemo = new Map<number, Pattern>();
  private readonly lenientCloseMemo = new Map<number, Pattern>();
  private readonly endMemo = new Map<number, Pattern>();
  private readonly textFree = new Map<number, boolean>();
  private readonly plainText = new Map<number, Pattern>();

  constructor(private readonly p: Patterns) {}

  /** How much is memoised: it only grows, so a change says something was learned. */
  size(): number {
    let n = this.closeMemo.size + this.endMemo.size + this.plainText.size;
    for (const m of this.open.values()) n += m.size;
    for (const m of this.attr.values()) n += m.size;
    for (const m of this.attrValues.values()) n += m.size;
    return n;
  }

  toData(): DerivativesData {
    const names = [...this.names].map(([ns, m]) => [ns, ...[...m].flat()]);
    const open: number[] = [];
    for (const [state, m] of this.open) for (const [name, r] of m) open.push(state, name, r.id);
    const attr: (number | string)[] = [];
    for (const [state, m] of this.attr) for (const [key, r] of m) attr.push(state, key, r.id);
    const attrValues: number[] = [];
    for (const [state, m] of this.attrValues)
      for (const [name, values] of m) attrValues.push(state, name, values.length, ...values.map((v) => v.id));
    const pairs = (memo: Map<number, Pattern>) => [...memo].flatMap(([state, r]) => [state, r.id]);
    return {
      names,
      open,
      attr,
      attrValues,
      close: pairs(this.closeMemo),
      end: pairs(this.endMemo),
      plainText: pairs(this.plainText),
    };
  }

  /** The memos toData gave, over the patterns Patterns.fromData restored (`byId`). */
  static fromData(p: Patterns, data: DerivativesData, byId: readonly Pattern[]): Derivatives {
    const d = new Derivatives(p);
    // As Patterns.fromData, every reference checked: a damaged state fails here, not in a document.
    const pattern = (k: unknown) => {
      const found = typeof k === 'number' ? byId[k] : undefined;
      if (found === undefined) throw new Error(`the state names a pattern it does not hold (${String(k)})`);
      return found;
    };
    for (const [ns, ...locals] of data.names) {
      const m = new Map<string, number>();
      for (let i = 0; i < locals.length; i += 2) m.set(locals[i] as string, locals[i + 1] as number);
      d.names.set(ns as string, m);
      d.nameCount += m.size;
    }
    const nested = <K>(memo: Map<number, Map<K, Pattern>>, flat: readonly (number | string)[]) => {
      for (let i = 0; i < flat.length; i += 3) {
        let m = memo.get(flat[i] as number);
        if (!m) memo.set(flat[i] as number, (m = new Map()));
        m.set(flat[i + 1] as K, pattern(flat[i + 2]));
      }
    };
    nested(d.open, data.open);
    nested(d.attr, data.attr);
    for (let i = 0; i < data.attrValues.length;) {
      const [state, name, count] = [data.attrValues[i]!, data.attrValues[i + 1]!, data.attrValues[i + 2]!];
      let m = d.attrValues.get(state);
      if (!m) d.attrValues.set(state, (m = new Map()));
      m.set(name, data.attrValues.slice(i + 3, i + 3 + count).map(pattern));
      i += 3 + count;
    }
    const pairs = (memo: Map<number, Pattern>, flat: readonly number[]) => {
      for (let i = 0; i < flat.length; i += 2) memo.set(flat[i]!, pattern(flat[i + 1]));
    };
    pairs(d.closeMemo, data.close);
    pairs(d.endMemo, data.end);
    pairs(d.plainText, data.plainText);
    return d;
  }

  private applyAfter(p: Pattern, f: (x: Pattern) => Pattern): Pattern {
    if (p.kind === 'after') return this.p.after(p.a, f(p.b));
    if (p.kind === 'choice') return this.p.choice(this.applyAfter(p.a, f), this.applyAfter(p.b, f));
    return this.p.notAllowed;
  }

  startTagOpen(p: Pattern, ns: string, local: string): Pattern {
    return this.openNamed(p, ns, local, this.nameId(ns, local));
  }

  /**
   * A number for each name (of an element or an attribute): the memos are looked up by it, without building a
   * string per step, and hold no string of the parser's (which would hold its document).
   */
  private nameId(ns: string, local: string): number {
    let m = this.names.get(ns);
    if (!m) this.names.set(detached(ns), (m = new Map()));
    let id = m.get(local);
    if (id === undefined) m.set(detached(local), (id = this.nameCount++));
    return id;
  }

  // The two-level memos below are written out, not shared through a helper taking a closure: on the corpus
  // the helper cost ~6 ms of the first RELAX NG pass (131 → 137 ms, median of 15).
  private openNamed(p: Pattern, ns: string, local: string, name: number): Pattern {
    let m = this.open.get(p.id);
    if (!m) this.open.set(p.id, (m = new Map()));
    let r = m.get(name);
    if (!r) {
      r = this.computeOpen(p, ns, local, false, name);
      m.set(name, r);
    }
    return r;
  }

  /**
   * Recovery from an element that is not allowed yet (jing's "not allowed yet; missing required
   * element"): as startTagOpen, but required content before it may be skipped, so the element is taken
   * where it would be allowed later and the missing content is reported once, here, not again at the end.
   * Not memoised: it runs only at a fault.
   */
  startTagOpenRecover(p: Pattern, ns: string, local: string): Pattern {
    return this.computeOpen(p, ns, local, true);
  }

  /**
   * A choice's alternatives in the order the chain holds them (pattern.ts keeps a choice a chain whose
   * last link is its highest alternative), memoised: folding choice() over them gives the choice back.
   */
  private alternatives(p: Pattern): Pattern[] {
    let r = this.chains.get(p.id);
    if (!r) {
      r = [];
      let q: Pattern = p;
      for (; q.kind === 'choice'; q = q.a) r.push(q.b);
      r.push(q);
      r.reverse();
      this.chains.set(p.id, r);
    }
    return r;
  }

  /** The derivative for a start tag; with `recover`, a group may also be entered past its required first part. */
  private computeOpen(p: Pattern, ns: string, local: string, recover = false, name = -1): Pattern {
    const P = this.p;
    const open = (q: Pattern) => (recover ? this.computeOpen(q, ns, local, true) : this.openNamed(q, ns, local, name));
    switch (p.kind) {
      case 'choice':
        if (recover) return P.choice(open(p.a), open(p.b));
        // The same as choice(open(p.a), open(p.b)) down the chain, without a memo entry per link for
        // each name: TEI's content models are choices of a hundred-odd elements, met again and again.
        return P.choices(
          this.alternatives(p).map((q) => (q.kind === 'element' ? this.computeOpen(q, ns, local) : open(q))),
        );
      case 'element':
        return contains(p.nc, ns, local) ? P.after(p.content(), P.empty) : P.notAllowed;
      case 'interleave':
        return P.choice(
          this.applyAfter(open(p.a), (x) => P.interleave(x, p.b)),
          this.applyAfter(open(p.b), (x) => P.interleave(p.a, x)),
        );
      case 'oneOrMore': {
        const rest = P.choice(p, P.empty);
        return this.applyAfter(open(p.a), (x) => P.group(x, rest));
      }
      case 'group': {
        const x = this.applyAfter(open(p.a), (y) => P.group(y, p.b));
        return p.a.nullable || recover ? P.choice(x, open(p.b)) : x;
      }
      case 'after':
        return this.applyAfter(open(p.a), (x) => P.after(x, p.b));
      default:
        return P.notAllowed;
    }
  }

  /**
   * The state after an attribute; `anyValue` accepts any value (recovery from a bad one). The result
   * depends on the value only through which of the value patterns of the attributes of that name it
   * matches, so it is memoised by the name and those matches: a TEI element's state holds a hundred-odd
   * optional attributes, and walking them all for each attribute was most of the RELAX NG layer's time.
   */
  attribute(p: Pattern, ns: string, local: string, value: string, anyValue = false): Pattern {
    // Memo keys are made of numbers only: a key holding the parser's strings would hold their document.
    const name = this.nameId(ns, local);
    const accepted = this.attributeValues(p, ns, local, name).filter((v) => anyValue || this.valueMatches(v, value));
    if (accepted.length === 0) return this.p.notAllowed;
    // Most attributes have one value pattern: its key without building an array of ids.
    const key = accepted.length === 1 ? `${name}|${accepted[0]!.id}` : `${name}|${accepted.map((v) => v.id).join(',')}`;
    return this.attributeAccepted(p, ns, local, key, accepted);
  }

  /**
   * The derivative where the value is accepted by the value patterns in `accepted` (named by `key`),
   * memoised. Below an `after` it is memoised again for the element's own state, whatever the state
   * its parent goes on with: the same element with the same attributes reuses it anywhere.
   */
  private attributeAccepted(p: Pattern, ns: string, local: string, key: string, accepted: readonly Pattern[]): Pattern {
    let m = this.attr.get(p.id);
    if (!m) this.attr.set(p.id, (m = new Map()));
    let r = m.get(key);
    if (!r) {
      r = this.computeAttribute(p, ns, local, key, accepted);
      m.set(key, r);
    }
    return r;
  }

  /** The distinct value patterns of the attributes named so that p allows now (memoised). */
  private attributeValues(p: Pattern, ns: string, local: string, name: number): Pattern[] {
    let m = this.attrValues.get(p.id);
    if (!m) this.attrValues.set(p.id, (m = new Map()));
    let r = m.get(name);
    if (!r) {
      r = [...new Set(this.attributesIn(p).flatMap((a) => (contains(a.nc, ns, local) ? [a.a] : [])))];
      m.set(name, r);
    }
    return r;
  }

  /** James Clark's attribute derivative, where a value is accepted by the value patterns in `accepted`. */
  private computeAttribute(p: Pattern, ns: string, local: string, key: string, accepted: readonly Pattern[]): Pattern {
    const P = this.p;
    const deriv = (q: Pattern) => this.computeAttribute(q, ns, local, key, accepted);
    // Content with no attribute in reach (an element's children: a choice of a hundred elements) gives nothing.
    if (!this.hasAttributes(p)) return P.notAllowed;
    switch (p.kind) {
      case 'after':
        return P.after(this.attributeAccepted(p.a, ns, local, key, accepted), p.b);
      case 'choice':
        return P.choice(deriv(p.a), deriv(p.b));
      case 'group':
        return P.choice(P.group(deriv(p.a), p.b), P.group(p.a, deriv(p.b)));
      case 'interleave':
        return P.choice(P.interleave(deriv(p.a), p.b), P.interleave(p.a, deriv(p.b)));
      case 'oneOrMore':
        return P.group(deriv(p.a), P.choice(p, P.empty));
      case 'attribute':
        return contains(p.nc, ns, local) && accepted.includes(p.a) ? P.empty : P.notAllowed;
      default:
        return P.notAllowed;
    }
  }

  private valueMatches(p: Pattern, value: string): boolean {
    return (p.nullable && /^[\t\n\r ]*$/.test(value)) || this.text(p, value).nullable;
  }

  /** Attribute patterns still possible in p (not under an element): for messages. */
  attributesIn(p: Pattern, out: Extract<Pattern, { kind: 'attribute' }>[] = [], seen = new Set<number>()): typeof out {
    if (seen.has(p.id) || !this.hasAttributes(p)) return out;
    seen.add(p.id);
    if (p.kind === 'attribute') out.push(p);
    else if (p.kind === 'choice' || p.kind === 'group' || p.kind === 'interleave') {
      this.attributesIn(p.a, out, seen);
      this.attributesIn(p.b, out, seen);
    } else if (p.kind === 'after' || p.kind === 'oneOrMore') this.attributesIn(p.a, out, seen);
    return out;
  }

  /** Whether an attribute pattern is in reach of p (where attribute derivatives and attributesIn look). */
  private hasAttributes(p: Pattern): boolean {
    let r = this.withAttributes.get(p.id);
    if (r !== undefined) return r;
    switch (p.kind) {
      case 'attribute':
        r = true;
        break;
      case 'choice':
      case 'group':
      case 'interleave':
        r = this.hasAttributes(p.a) || this.hasAttributes(p.b);
        break;
      case 'after':
      case 'oneOrMore':
        r = this.hasAttributes(p.a);
        break;
      default:
        r = false;
    }
    this.withAttributes.set(p.id, r);
    return r;
  }

  startTagClose(p: Pattern, lenient = false): Pattern {
    const memo = lenient ? this.lenientCloseMemo : this.closeMemo;
    let r = memo.get(p.id);
    if (r) return r;
    const P = this.p;
    switch (p.kind) {
      case 'after':
        r = P.after(this.startTagClose(p.a, lenient), p.b);
        break;
      case 'choice':
        r = P.choice(this.startTagClose(p.a, lenient), this.startTagClose(p.b, lenient));
        break;
      case 'group':
        r = P.group(this.startTagClose(p.a, lenient), this.startTagClose(p.b, lenient));
        break;
      case 'interleave':
        r = P.interleave(this.startTagClose(p.a, lenient), this.startTagClose(p.b, lenient));
        break;
      case 'oneOrMore':
        r = P.oneOrMore(this.startTagClose(p.a, lenient));
        break;
      case 'attribute':
        // A missing required attribute: in recovery, as if it had been given.
        r = lenient ? P.empty : P.notAllowed;
        break;
      default:
        r = p;
    }
    memo.set(p.id, r);
    return r;
  }

  /** Whether text in p can be matched without looking at the text (no data, value or list before an element). */
  private isTextFree(p: Pattern): boolean {
    let r = this.textFree.get(p.id);
    if (r !== undefined) return r;
    switch (p.kind) {
      case 'data':
      case 'value':
      case 'list':
        r = false;
        break;
      case 'choice':
      case 'group':
      case 'interleave':
      case 'after':
        r = this.isTextFree(p.a) && this.isTextFree(p.b);
        break;
      case 'oneOrMore':
        r = this.isTextFree(p.a);
        break;
      default:
        r = true;
    }
    this.textFree.set(p.id, r);
    return r;
  }

  text(p: Pattern, s: string): Pattern {
    if (this.isTextFree(p)) {
      let r = this.plainText.get(p.id);
      if (!r) this.plainText.set(p.id, (r = this.computeText(p, s)));
      return r;
    }
    return this.computeText(p, s);
  }

  private computeText(p: Pattern, s: string): Pattern {
    const P = this.p;
    switch (p.kind) {
      case 'choice':
        return P.choice(this.text(p.a, s), this.text(p.b, s));
      case 'interleave':
        return P.choice(P.interleave(this.text(p.a, s), p.b), P.interleave(p.a, this.text(p.b, s)));
      case 'group': {
        const x = P.group(this.text(p.a, s), p.b);
        return p.a.nullable ? P.choice(x, this.text(p.b, s)) : x;
      }
      case 'after':
        return P.after(this.text(p.a, s), p.b);
      case 'oneOrMore':
        return P.group(this.text(p.a, s), P.choice(p, P.empty));
      case 'text':
        return p;
      case 'value':
        return p.type.equal(p.value, s) ? P.empty : P.notAllowed;
      case 'data':
        return p.type.allows(s) && !(p.except && this.text(p.except, s).nullable) ? P.empty : P.notAllowed;
      case 'list': {
        let q = p.a;
        for (const w of s.split(/[\t\n\r ]+/)) if (w !== '') q = this.text(q, w);
        return q.nullable ? P.empty : P.notAllowed;
      }
      default:
        return P.notAllowed;
    }
  }

  /** An element's content when it holds nothing but white space (or nothing): the text may be ignored. */
  whitespaceOnly(p: Pattern, s: string): Pattern {
    return this.p.choice(p, this.text(p, s));
  }

  endTag(p: Pattern, lenient = false): Pattern {
    if (!lenient) {
      const r = this.endMemo.get(p.id);
      if (r) return r;
    }
    const P = this.p;
    let r: Pattern;
    if (p.kind === 'choice') r = P.choice(this.endTag(p.a, lenient), this.endTag(p.b, lenient));
    else if (p.kind === 'after') r = lenient || p.a.nullable ? p.b : P.notAllowed;
    else r = P.notAllowed;
    if (!lenient) this.endMemo.set(p.id, r);
    return r;
  }

  /** Element names that may start at this point (for "expected …"), and whether others (wildcards) may. */
  expectedElements(p: Pattern, out = new Set<string>(), seen = new Set<number>()): Set<string> {
    if (seen.has(p.id)) return out;
    seen.add(p.id);
    switch (p.kind) {
      case 'element':
        if (p.nc.kind === 'name') out.add(p.nc.local);
        else if (p.nc.kind === 'choice') for (const n of namesOf(p.nc)) out.add(n);
        break;
      case 'choice':
      case 'interleave':
        this.expectedElements(p.a, out, seen);
        this.expectedElements(p.b, out, seen);
        break;
      case 'group':
        this.expectedElements(p.a, out, seen);
        if (p.a.nullable) this.expectedElements(p.b, out, seen);
        break;
      case 'after':
      case 'oneOrMore':
        this.expectedElements(p.a, out, seen);
        break;
    }
    return out;
  }

  /** Whether the content may end here (an end tag is allowed). */
  canEnd(p: Pattern): boolean {
    return this.endTag(p).kind !== 'notAllowed';
  }

  /** Whether text may come here. */
  allowsText(p: Pattern): boolean {
    return this.text(p, 'x').kind !== 'notAllowed';
  }
}

function namesOf(nc: import('./name-class.js').NameClass): string[] {
  if (nc.kind === 'name') return [nc.local];
  if (nc.kind === 'choice') return [...namesOf(nc.a), ...namesOf(nc.b)];
  return [];
}
