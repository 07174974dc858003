/**
 * RELAX NG patterns after simplification, hash-consed: two structurally equal patterns are the same
 * object, so derivatives can be memoised by identity (James Clark, "An algorithm for RELAX NG
 * validation"). Element patterns are identified by their definition in the schema; their content is
 * resolved lazily because definitions may recurse through elements.
 */
import type { NameClass } from './name-class.js';
import type { Datatype } from './datatypes.js';

export type Pattern =
  | { kind: 'empty'; id: number; nullable: true }
  | { kind: 'notAllowed'; id: number; nullable: false }
  | { kind: 'text'; id: number; nullable: true }
  | { kind: 'choice' | 'group' | 'interleave' | 'after'; id: number; nullable: boolean; a: Pattern; b: Pattern }
  | { kind: 'oneOrMore'; id: number; nullable: boolean; a: Pattern }
  | { kind: 'list'; id: number; nullable: false; a: Pattern }
  | { kind: 'element'; id: number; nullable: false; nc: NameClass; content: () => Pattern }
  | { kind: 'attribute'; id: number; nullable: false; nc: NameClass; a: Pattern }
  | { kind: 'data'; id: number; nullable: false; type: Datatype; except: Pattern | null }
  | { kind: 'value'; id: number; nullable: false; type: Datatype; value: string };

type BinaryKind = 'choice' | 'group' | 'interleave' | 'after';

/**
 * Every pattern made, as plain data (engine-state.ts keeps it between runs): the patterns in id order, each
 * its kind's code and its parts' ids, with the name classes, datatypes and value strings they use, and the
 * hash-consing table, so that patterns made after a restore are the ones the original would have made.
 */
export interface PatternsData {
  count: number;
  /** From id 3 on (empty, notAllowed and text are 0, 1, 2): [code, …parts] per pattern, flattened. */
  shapes: (number | string)[];
  nameClasses: NameClass[];
  datatypes: [library: string, name: string, params: [string, string][]][];
  table: [key: string, id: number][];
}

const CODES = [
  'choice',
  'group',
  'interleave',
  'after',
  'oneOrMore',
  'list',
  'element',
  'attribute',
  'data',
  'value',
] as const;

export class Patterns {
  private next = 0;
  private readonly table = new Map<string, Pattern>();
  readonly empty: Pattern = { kind: 'empty', id: this.next++, nullable: true };
  readonly notAllowed: Pattern = { kind: 'notAllowed', id: this.next++, nullable: false };
  readonly text: Pattern = { kind: 'text', id: this.next++, nullable: true };
  /** Every element pattern made, for recovery (the content of an element that is out of place). */
  readonly elements: Extract<Pattern, { kind: 'element' }>[] = [];

  /** How many patterns have been made (ids are 0 to count − 1). */
  get count(): number {
    return this.next;
  }

  private cons<P extends Pattern>(key: string, make: (id: number) => P): P {
    let p = this.table.get(key);
    if (!p) {
      p = make(this.next++);
      this.table.set(key, p);
    }
    return p as P;
  }

  choice(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed') return b;
    if (b.kind === 'notAllowed') return a;
    if (a === b) return a;
    if (a.kind === 'empty' && b.nullable) return b;
    if (b.kind === 'empty' && a.nullable) return a;
    // A choice is a chain of its alternatives in ascending id, the last the highest: one more alternative
    // above them all ends the chain (what choiceOf would build, without gathering and sorting the rest).
    // Derivatives of a large TEI content model add them one at a time.
    if (b.kind !== 'choice' && (a.kind === 'choice' ? a.b.id < b.id : a.id < b.id)) return this.binary('choice', a, b);
    if (a.kind !== 'choice' && (b.kind === 'choice' ? b.b.id < a.id : b.id < a.id)) return this.binary('choice', b, a);
    return this.choiceOf([a, b]);
  }

  /**
   * choice() folded over these patterns (the first with the second, that with the third, …), with the
   * same result, but the alternatives gathered once and the choice built at the end: folding a TEI
   * class of 100-odd alternatives flattened and sorted the growing set at each step, and that was
   * most of loading tei_all. No patterns: empty (a choice element without children).
   */
  choices(ps: readonly Pattern[]): Pattern {
    // The fold's value so far: one pattern, or (alts.size > 1) the choice of alts, not yet built.
    let single: Pattern | null = null;
    const alts = new Set<Pattern>();
    let nullable = false;
    const add = (p: Pattern) => {
      if (p.kind === 'choice') {
        add(p.a);
        add(p.b);
      } else alts.add(p);
      nullable ||= p.nullable;
    };
    for (const q of ps) {
      if (single === null && alts.size === 0) {
        single = q;
        continue;
      }
      if (single !== null) {
        // choice(single, q) as choice() decides it.
        if (q.kind === 'notAllowed' || single === q || (q.kind === 'empty' && single.nullable)) continue;
        if (single.kind === 'notAllowed' || (single.kind === 'empty' && q.nullable)) {
          single = q;
          continue;
        }
        add(single);
        single = null;
        add(q);
      } else {
        // choice(the choice of alts, q): that choice is neither empty nor notAllowed, and nullable when one of alts is.
        if (q.kind === 'notAllowed' || (q.kind === 'empty' && nullable)) continue;
        add(q);
      }
    }
    if (single !== null) return single;
    return alts.size === 0 ? this.empty : this.choiceOf([...alts]);
  }

  // Flatten and order the alternatives so that equal sets of alternatives are one pattern.
  private choiceOf(ps: readonly Pattern[]): Pattern {
    const alts = new Set<Pattern>();
    const collect = (p: Pattern) => {
      if (p.kind === 'choice') {
        collect(p.a);
        collect(p.b);
      } else alts.add(p);
    };
    for (const p of ps) collect(p);
    const sorted = [...alts].sort((x, y) => x.id - y.id);
    let r = sorted[0]!;
    for (let i = 1; i < sorted.length; i++) r = this.binary('choice', r, sorted[i]!);
    return r;
  }

  group(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return this.notAllowed;
    if (a.kind === 'empty') return b;
    if (b.kind === 'empty') return a;
    return this.binary('group', a, b);
  }

  interleave(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return this.notAllowed;
    if (a.kind === 'empty') return b;
    if (b.kind === 'empty') return a;
    return a.id <= b.id ? this.binary('interleave', a, b) : this.binary('interleave', b, a);
  }

  after(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return this.notAllowed;
    return this.binary('after', a, b);
  }

  oneOrMore(a: Pattern): Pattern {
    if (a.kind === 'notAllowed' || a.kind === 'empty') return a;
    return this.cons(`+${a.id}`, (id) => ({ kind: 'oneOrMore', id, nullable: a.nullable, a }));
  }

  list(a: Pattern): Pattern {
    if (a.kind === 'notAllowed') return a;
    return this.cons(`l${a.id}`, (id) => ({ kind: 'list', id, nullable: false, a }));
  }

  attribute(nc: NameClass, a: Pattern, key: string): Pattern {
    if (a.kind === 'notAllowed') return a;
    return this.cons(`@${key}|${a.id}`, (id) => ({ kind: 'attribute', id, nullable: false, nc, a }));
  }

  data(type: Datatype, except: Pattern | null): Pattern {
    return this.cons(`d${type.key}|${except?.id ?? ''}`, (id) => ({
      kind: 'data',
      id,
      nullable: false,
      type,
      except,
    }));
  }

  value(type: Datatype, value: string): Pattern {
    return this.cons(`v${type.key}|${value}`, (id) => ({ kind: 'value', id, nullable: false, type, value }));
  }

  /** A new element pattern: each definition in the schema is its own. */
  element(nc: NameClass, content: () => Pattern): Pattern {
    let resolved: Pattern | undefined;
    const p = {
      kind: 'element' as const,
      id: this.next++,
      nullable: false as const,
      nc,
      content: () => (resolved ??= content()),
    };
    this.elements.push(p);
    return p;
  }

  /**
   * Every pattern as plain data. Each element's content is resolved first, so the data stands without the
   * schema: a restored engine never needs the loader.
   */
  toData(): PatternsData {
    for (let i = 0; i < this.elements.length; i++) this.elements[i]!.content();
    const all: Pattern[] = [this.empty, this.notAllowed, this.text, ...this.elements, ...this.table.values()];
    for (const byA of Object.values(this.binaries)) for (const byB of byA.values()) all.push(...byB.values());
    all.sort((x, y) => x.id - y.id);
    if (all.length !== this.next || all.some((q, i) => q.id !== i)) throw new Error('pattern ids are not dense');
    const nameClasses = new Map<NameClass, number>();
    const datatypes = new Map<Datatype, number>();
    const nc = (c: NameClass) => nameClasses.get(c) ?? (nameClasses.set(c, nameClasses.size), nameClasses.size - 1);
    const dt = (t: Datatype) => datatypes.get(t) ?? (datatypes.set(t, datatypes.size), datatypes.size - 1);
    const shapes: (number | string)[] = [];
    for (const q of all.slice(3)) {
      shapes.push(CODES.indexOf(q.kind as (typeof CODES)[number]));
      switch (q.kind) {
        case 'choice':
        case 'group':
        case 'interleave':
        case 'after':
          shapes.push(q.a.id, q.b.id);
          break;
        case 'oneOrMore':
        case 'list':
          shapes.push(q.a.id);
          break;
        case 'element':
          shapes.push(nc(q.nc), q.content().id);
          break;
        case 'attribute':
          shapes.push(nc(q.nc), q.a.id);
          break;
        case 'data':
          shapes.push(dt(q.type), q.except?.id ?? -1);
          break;
        case 'value':
          shapes.push(dt(q.type), q.value);
          break;
        default:
          throw new Error(`a second ${q.kind} pattern`);
      }
    }
    return {
      count: this.next,
      shapes,
      nameClasses: [...nameClasses.keys()],
      datatypes: [...datatypes.keys()].map((t) => [t.library, t.name, [...t.params]]),
      table: [...this.table].map(([key, q]) => [key, q.id]),
    };
  }

  /**
   * The patterns toData gave, with their ids; `datatype` makes a datatype again from what it was made of.
   * Returns them by id as well, for the memos that name them (Derivatives.fromData).
   */
  static fromData(
    data: PatternsData,
    datatype: (library: string, name: string, params: [string, string][]) => Datatype,
  ): { patterns: Patterns; byId: Pattern[] } {
    const P = new Patterns();
    const byId: Pattern[] = [P.empty, P.notAllowed, P.text];
    const types = data.datatypes.map(([library, name, params]) => datatype(library, name, params));
    const s = data.shapes;
    // Every reference is checked as it is read: a damaged state fails here, where the caller loads the
    // schema instead, never later in the middle of a document.
    const entry = <T>(list: readonly T[], k: unknown, what: string): T => {
      const found = typeof k === 'number' ? list[k] : undefined;
      if (found === undefined) throw new Error(`the state names a ${what} it does not hold (${String(k)})`);
      return found;
    };
    const pattern = (k: unknown) => entry(byId, k, 'pattern');
    const contents: [{ content: Pattern }, unknown][] = [];
    for (let i = 0; i < s.length;) {
      const kind = CODES[s[i] as number];
      const id = byId.length;
      let q: Pattern;
      if (kind === 'choice' || kind === 'group' || kind === 'interleave' || kind === 'after') {
        const a = pattern(s[i + 1]);
        const b = pattern(s[i + 2]);
        q = {
          kind,
          id,
          nullable: kind === 'choice' ? a.nullable || b.nullable : kind === 'after' ? false : a.nullable && b.nullable,
          a,
          b,
        };
        let byB = P.binaries[kind].get(a.id);
        if (!byB) P.binaries[kind].set(a.id, (byB = new Map()));
        byB.set(b.id, q);
        i += 3;
      } else if (kind === 'oneOrMore') {
        const a = pattern(s[i + 1]);
        q = { kind, id, nullable: a.nullable, a };
        i += 2;
      } else if (kind === 'list') {
        q = { kind, id, nullable: false, a: pattern(s[i + 1]) };
        i += 2;
      } else if (kind === 'element') {
        // Its content may come later in id order: given once every pattern is made.
        const holder = { content: P.notAllowed };
        q = {
          kind,
          id,
          nullable: false,
          nc: entry(data.nameClasses, s[i + 1], 'name class'),
          content: () => holder.content,
        };
        P.elements.push(q);
        contents.push([holder, s[i + 2]]);
        i += 3;
      } else if (kind === 'attribute') {
        q = { kind, id, nullable: false, nc: entry(data.nameClasses, s[i + 1], 'name class'), a: pattern(s[i + 2]) };
        i += 3;
      } else if (kind === 'data') {
        const except = s[i + 2];
        q = {
          kind,
          id,
          nullable: false,
          type: entry(types, s[i + 1], 'datatype'),
          except: except === -1 ? null : pattern(except),
        };
        i += 3;
      } else if (kind === 'value') {
        const value = s[i + 2];
        if (typeof value !== 'string') throw new Error('the state gives a value that is not a string');
        q = { kind, id, nullable: false, type: entry(types, s[i + 1], 'datatype'), value };
        i += 3;
      } else throw new Error(`unknown pattern code ${String(s[i])}`);
      byId.push(q);
    }
    if (byId.length !== data.count) throw new Error('pattern count does not match');
    for (const [holder, content] of contents) holder.content = pattern(content);
    for (const [key, id] of data.table) P.table.set(key, pattern(id));
    P.next = data.count;
    return { patterns: P, byId };
  }

  // Binary patterns by kind, then by their two ids: looked up without building a string key (derivatives
  // make tens of thousands of them on a corpus, most already made).
  private readonly binaries: Record<BinaryKind, Map<number, Map<number, Pattern>>> = {
    choice: new Map(),
    group: new Map(),
    interleave: new Map(),
    after: new Map(),
  };

  private binary(kind: BinaryKind, a: Pattern, b: Pattern): Pattern {
    const byA = this.binaries[kind];
    let byB = byA.get(a.id);
    if (!byB) byA.set(a.id, (byB = new Map()));
    let p = byB.get(b.id);
    if (!p) {
      p = {
        kind,
        id: this.next++,
        nullable: kind === 'choice' ? a.nullable || b.nullable : kind === 'after' ? false : a.nullable && b.nullable,
        a,
        b,
      } as Pattern;
      byB.set(b.id, p);
    }
    return p;
  }
}
