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

export class Patterns {
  private next = 0;
  private readonly table = new Map<string, Pattern>();
  readonly empty: Pattern = { kind: 'empty', id: this.next++, nullable: true };
  readonly notAllowed: Pattern = { kind: 'notAllowed', id: this.next++, nullable: false };
  readonly text: Pattern = { kind: 'text', id: this.next++, nullable: true };
  /** Every element pattern made, for recovery (the content of an element that is out of place). */
  readonly elements: Extract<Pattern, { kind: 'element' }>[] = [];

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
