import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { packageDir } from '../../src/core/project.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import { loadSchema } from '../../src/validate/relaxng-js/load-schema.js';
import { describeFault } from '../../src/validate/relaxng-js/report.js';
import { engine, validateTree } from '../../src/validate/relaxng-js/validate-tree.js';
import { loadGrammarInThread, validateInThread } from '../../src/validate/relaxng-js-thread.js';
import { RNG } from './relaxng-js/support.js';

// The worker runs the compiled code (dist/), as libxml2's does.
const compiled = existsSync(join(packageDir, 'dist', 'validate', 'relaxng-js-worker.js'));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rng-thread-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const doc = (name: string, xml: string) => {
  const d = new SourceDocument(`/tmp/${name}`, name, xml);
  d.tree = parseXml(d);
  return d;
};

describe.skipIf(!compiled)(
  compiled
    ? 'the RELAX NG worker thread'
    : 'the RELAX NG worker thread — SKIPPED: run `npx tsc -p tsconfig.build.json`',
  () => {
    const dir = folder({
      'main.rng': `<grammar ${RNG}><include href="parts.rng"/><start><ref name="root"/></start></grammar>`,
      'parts.rng': `<grammar ${RNG}>
        <define name="root"><element name="root"><attribute name="cert"><choice><value>high</value><value>low</value></choice></attribute><oneOrMore><ref name="item"/></oneOrMore></element></define>
        <define name="item"><element name="item"><text/></element></define>
      </grammar>`,
    });
    const schemaPath = join(dir, 'main.rng');
    const docs = [
      doc('ok.xml', '<root cert="high"><item>a</item></root>'),
      doc('bad.xml', '<root cert="very high">\n  <item>a</item>\n  <other/>\n</root>'),
      doc('empty.xml', '<root cert="low"/>'),
    ];

    it('finds, in the worker, what the engine finds on this thread: same places, same messages', async () => {
      const here = engine(loadSchema(schemaPath));
      const expected = docs.map((d) => validateTree(here, d.tree!.root).map(describeFault));
      const grammar = loadGrammarInThread(
        schemaPath,
        `<grammar ${RNG}><include href="parts.rng"/><start><ref name="root"/></start></grammar>`,
        null,
      );
      expect(await grammar.loaded).toBe(true);
      const found = await validateInThread(grammar, docs);
      expect(found).toEqual(expected);
      expect(found![0]).toEqual([]);
      expect(found![1]!.map((f) => f.at.line)).toEqual([1, 3]);
      expect(found![2]!.length).toBe(1);
    });

    it('says so when a grammar cannot be loaded, so the caller checks on its own thread', async () => {
      const broken = join(
        folder({ 'broken.rng': `<grammar ${RNG}><start><ref name="nowhere"/></start></grammar>` }),
        'broken.rng',
      );
      const grammar = loadGrammarInThread(
        broken,
        `<grammar ${RNG}><start><ref name="nowhere"/></start></grammar>`,
        null,
      );
      expect(await grammar.loaded).toBe(false);
      expect(await validateInThread(grammar, docs)).toBeNull();
    });
  },
);
