import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { openProject } from '../../src/core/project.js';
import type { Sef } from '../../src/transform/compile-stylesheet.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import { compileSchematron, runSchematron } from '../../src/validate/schematron.js';
import { repoRoot } from '../support/cli.js';

// Each structural rule is a Schematron pattern; its cases are test/fixtures/rules/<rule>/ok-*.xml and
// not-ok-*.xml, a not-ok case naming the rule and the place of its first finding in <?expect rule line:col?>.
const fixtures = join(repoRoot, 'test', 'fixtures', 'rules');
const project = openProject(repoRoot);
let sef: Sef;

beforeAll(async () => {
  sef = await compileSchematron(
    project.schemaSch,
    join(repoRoot, 'xslt', 'schematron', 'compile.xsl'),
    project.cacheDir,
  );
});

async function check(path: string) {
  const text = readFileSync(path, 'utf8');
  const doc = new SourceDocument(path, 'tei/case.xml', text);
  doc.tree = parseXml(doc);
  runSchematron(doc, await parseForSaxon(text, path), sef);
  return { text, diagnostics: doc.diagnostics };
}

const patterns = [...readFileSync(project.schemaSch, 'utf8').matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]!);

describe('Schematron patterns', () => {
  it('every pattern has ok and not-ok cases', () => {
    expect(patterns.sort()).toEqual(readdirSync(fixtures).sort());
    for (const p of patterns) {
      const files = readdirSync(join(fixtures, p));
      expect(
        files.some((f) => f.startsWith('ok-')),
        p,
      ).toBe(true);
      expect(files.filter((f) => f.startsWith('not-ok-')).length, p).toBeGreaterThanOrEqual(2);
    }
  });

  for (const pattern of patterns) {
    for (const file of readdirSync(join(fixtures, pattern)).sort()) {
      it(`${pattern}: ${file.replace(/\.xml$/, '').replace(/-/g, ' ')}`, async () => {
        const { text, diagnostics } = await check(join(fixtures, pattern, file));
        const expectation = /<\?expect (\S+) (\d+):(\d+)\?>/.exec(text);
        if (file.startsWith('ok-')) {
          expect(diagnostics).toEqual([]);
          return;
        }
        const [, ruleId, line, column] = expectation!;
        const first = diagnostics.find((d) => d.ruleId === ruleId);
        expect(first, JSON.stringify(diagnostics)).toMatchObject({
          ruleId,
          line: Number(line),
          column: Number(column),
          source: 'schematron',
          severity: 'error',
        });
        expect(first!.message).toMatch(/^Unexpected /);
      });
    }
  }
});
