import { describe, expect, it } from 'vitest';
import { prefixDefsOf, resolvePointer } from '../../src/tei/pointers.js';
import { createProjectIndex } from '../../src/tei/project-index.js';
import { parseDocument } from '../rules/harness.js';
import { POINTER_CASES, POINTER_DOC, POINTER_EDITION } from './pointer-cases.js';

// The TypeScript half of the shared table; test/xslt/functions.test.ts runs the same table through XSLT.
describe('pointer cases (TypeScript resolver)', () => {
  const trees = new Map(Object.entries(POINTER_EDITION).map(([file, xml]) => [file, parseDocument(file, xml).tree]));
  const project = createProjectIndex('tei', (file) => trees.get(file) ?? null);
  const defs = prefixDefsOf(trees.get(POINTER_DOC)!);

  it.each(POINTER_CASES)('%s -> %s', (pointer, expected) => {
    const target = resolvePointer(pointer, POINTER_DOC, defs, 'tei');
    const found = 'file' in target && target.id !== null && project.elementOf(target.file, target.id) !== undefined ? `${target.file}#${target.id}` : null;
    expect(found).toBe(expected);
  });
});
