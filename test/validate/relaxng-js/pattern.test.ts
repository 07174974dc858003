import { describe, expect, it } from 'vitest';
import { Patterns, type Pattern } from '../../../src/validate/relaxng-js/pattern.js';

// Derivatives are memoised by pattern identity, so a choice must be one object whatever order its
// alternatives were given in: choice() keeps every choice a chain of its alternatives in ascending id.
// choices() must give what choice() folded over the same list gives.

function alternatives(p: Pattern): number[] {
  return p.kind === 'choice' ? [...alternatives(p.a), ...alternatives(p.b)] : [p.id];
}

/** A small deterministic random generator (the same cases every run). */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('choice patterns', () => {
  const P = new Patterns();
  const leaves: Pattern[] = [P.empty, P.notAllowed, P.text];
  for (let i = 0; i < 12; i++) leaves.push(P.element({ kind: 'name', ns: '', local: `e${i}` } as never, () => P.empty));
  leaves.push(P.oneOrMore(P.text));
  const next = random(7);
  const pick = () => leaves[Math.floor(next() * leaves.length)]!;
  const some = (n: number) => Array.from({ length: n }, pick);

  // (empty and notAllowed left out here: choice() drops them by rules that depend on the order.)
  it('are chains of their alternatives in ascending id, the same object in any order', () => {
    const plain = () => leaves[2 + Math.floor(next() * (leaves.length - 2))]!;
    const several = (n: number) => P.choices(Array.from({ length: n }, plain));
    for (let round = 0; round < 300; round++) {
      const [a, b, c] = [several(4), several(3), plain()];
      const abc = P.choice(P.choice(a, b), c);
      expect(P.choice(a, P.choice(b, c))).toBe(abc);
      expect(P.choice(P.choice(c, b), a)).toBe(abc);
      const ids = alternatives(abc);
      expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    }
  });

  it('choices() is choice() folded over the list', () => {
    for (let round = 0; round < 300; round++) {
      const list = some(1 + Math.floor(next() * 8));
      expect(P.choices(list)).toBe(list.reduce((r, q) => P.choice(r, q)));
    }
  });
});
