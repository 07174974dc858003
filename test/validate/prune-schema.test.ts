import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { SourceDocument } from '../../src/core/document.js';
import { elementNamesOf, pruneSchema } from '../../src/validate/prune-schema.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import { repoRoot } from '../support/cli.js';

const teiAll = resolve(repoRoot, process.env['TEI_ALL_RNG'] ?? '../shared/tei/tei_all.rng');
const corpus = join(repoRoot, '..', 'shared', 'corpus');

const files = [join(repoRoot, 'tei'), join(repoRoot, 'test', 'fixtures'), ...(existsSync(corpus) ? [corpus] : [])]
  .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.xml')).map((e) => join(e.parentPath, e.name)))
  .map((path) => new SourceDocument(path, path, readFileSync(path, 'utf8')))
  .filter((d) => (d.tree = parseXml(d)) !== null)
  .sort((a, b) => (a.path < b.path ? -1 : 1));

/** Which files libxml2 accepts, in one batch. */
async function verdicts(schema: string): Promise<boolean[]> {
  const names = files.map((_, i) => `f${i}.xml`);
  const r = await validateXML({ xml: files.map((d, i) => ({ fileName: names[i]!, contents: d.text })), schema: [{ fileName: 's.rng', contents: schema }], extension: 'relaxng', maxMemoryPages: memoryPages.GiB });
  const failed = new Set(r.errors.map((e) => e.loc?.fileName));
  return names.map((n) => !failed.has(n));
}

describe.skipIf(!existsSync(teiAll))('pruning a large schema to the elements in use', () => {
  it('gives libxml2 the same verdict on every edition, fixture and corpus file, valid or not', async () => {
    const full = readFileSync(teiAll, 'utf8');
    const pruned = pruneSchema(full, elementNamesOf(files));
    expect(pruned.length).toBeLessThan(full.length / 3);
    const [a, b] = [await verdicts(full), await verdicts(pruned)];
    expect(b).toEqual(a);
    expect(a.filter(Boolean).length).toBeGreaterThan(0);
    expect(a.filter((v) => !v).length).toBeGreaterThan(0);
  });
});

describe('pruneSchema', () => {
  const grammar = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0">
  <start><ref name="root"/></start>
  <define name="root"><element name="root"><a:documentation>The root</a:documentation><zeroOrMore><choice><ref name="used"/><ref name="unused"/></choice></zeroOrMore></element></define>
  <define name="used"><element name="used"><attribute name="x"><value>a&amp;b</value></attribute></element></define>
  <define name="unused"><element name="unused"><ref name="only-from-unused"/></element></define>
  <define name="only-from-unused"><element name="deep"><text/></element></define>
</grammar>`;

  it('turns unused elements into notAllowed, drops what only they reached, and keeps values exact', () => {
    const p = pruneSchema(grammar, new Set(['root', 'used']));
    expect(p).toContain('<notAllowed xmlns="http://relaxng.org/ns/structure/1.0"/>');
    expect(p).not.toContain('only-from-unused"><element');
    expect(p).not.toContain('documentation');
    expect(p).toContain('<value>a&amp;b</value>');
  });

  it('leaves a grammar with includes alone', () => {
    const withInclude = grammar.replace('<start>', '<include href="other.rng"/><start>');
    expect(pruneSchema(withInclude, new Set(['root']))).toBe(withInclude);
  });
});
