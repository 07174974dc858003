import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const src = join(repoRoot, 'src');

/** Folder-to-folder imports of src/ ('pipeline' -> 'validate'), with one file that makes each. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts')) continue;
    const file = join(e.parentPath, e.name);
    const from = relative(src, file).split('/')[0]!;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = relative(src, resolve(dirname(file), m[1]!)).split('/')[0]!;
      if (to === from || to.startsWith('..')) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, relative(repoRoot, file));
    }
  }
  return graph;
}

/** A cycle of folders, as a path 'a -> b -> a', or null. */
function findCycle(graph: Map<string, Map<string, string>>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' -> ');
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe('structure of src/', () => {
  const graph = folderGraph();

  it('has no import cycle between folders', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('core/ imports no other folder of src/ (leaf types every folder may use)', () => {
    expect(Object.fromEntries(graph.get('core') ?? [])).toEqual({});
  });

  it('tei/ (the TEI model) depends on core/ only', () => {
    expect([...(graph.get('tei')?.keys() ?? [])].filter((f) => f !== 'core')).toEqual([]);
  });

  it('rules/ holds rules only: every file but the registry and its types exports one rule', () => {
    const support = new Set(['index.ts', 'rule.ts', 'catalogue.ts', 'example-tei.ts']);
    for (const name of readdirSync(join(src, 'rules'))) {
      if (support.has(name)) continue;
      expect(readFileSync(join(src, 'rules', name), 'utf8'), name).toMatch(/export const \w+: Rule = \{/);
    }
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const cyclic = new Map([
      ['a', new Map([['b', 'x']])],
      ['b', new Map([['a', 'y']])],
    ]);
    expect(findCycle(cyclic)).toBe('a -> b -> a');
  });
});
