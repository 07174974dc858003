import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../src/core/project.js';
import { Validator } from '../../../src/validate/validator.js';
import { generateCorpus } from '../../support/corpus.js';

// A full collection on demand: the heap after it holds only what something keeps.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('the RELAX NG engine over many documents', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tei-retention-'));
    await generateCorpus(160, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps no document alive through what it remembers (its memos hold copies, not slices of the text)', async () => {
    const project = openProject(dir);
    const validator = await Validator.create(project);
    // From the hundredth on, each document points to its envoy with 13 characters or more (per:envoy-100):
    // a value V8 keeps as a slice of the document's text, where a shorter one is copied.
    const files = readdirSync(join(dir, 'tei'))
      .filter((f) => f.startsWith('bench-'))
      .sort()
      .slice(100)
      .map((f) => join(dir, 'tei', f));
    const validate = async (some: string[]) => {
      const docs = await Promise.all(some.map((f) => validator.load(f)));
      await validator.validateDocuments(docs);
      expect(docs.every((d) => d.diagnostics.every((x) => x.severity !== 'error'))).toBe(true);
    };
    const heapAfter = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    await validate(files.slice(0, 10));
    const before = heapAfter();
    for (let i = 10; i < 60; i += 10) await validate(files.slice(i, i + 10));
    const grown = heapAfter() - before;
    // 50 documents of ~70 KB of text: kept by a memo, ~7 MB (their text is UTF-16 in memory).
    expect(grown).toBeLessThan(2_000_000);
  });
});
