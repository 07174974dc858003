import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleUrl } from '../../src/core/diagnostic.js';
import { ruleCatalogue } from '../../src/rules/catalogue.js';
import { repoRoot } from '../support/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const catalogue = ruleCatalogue();
const ids = new Set(catalogue.map((r) => r.id));

/** Rule ids written as literals anywhere in src/ (every diagnostic is made with one). */
function idsInSource(): Set<string> {
  const found = new Set<string>();
  const dir = join(repoRoot, 'src');
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts')) continue;
    const text = readFileSync(join(e.parentPath, e.name), 'utf8');
    for (const m of text.matchAll(
      /'((?:io|xml|policy|tei|schema|schematron|transform|build|deposit|internal)\/[a-z-]+)'/g,
    ))
      found.add(m[1]!);
  }
  return found;
}

describe('every rule is documented', () => {
  it('the README rule table has a row, with the anchor the diagnostics link to, for every rule', () => {
    for (const r of catalogue) {
      const anchor = ruleUrl(r.id).replace(/^README\.md#/, '');
      expect(readme, r.id).toContain(`<a id="${anchor}"></a>\`${r.id}\``);
    }
  });

  it('the catalogue knows every rule id the code reports and every Schematron pattern', () => {
    const missing = [...idsInSource()].filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    const sch = readFileSync(join(repoRoot, 'tei', 'schema', 'tei-project.sch'), 'utf8');
    for (const m of sch.matchAll(/<pattern id="([^"]+)"/g)) expect(ids, m[1]).toContain(`tei/${m[1]}`);
  });

  it('every catalogue entry has one line of documentation', () => {
    for (const r of catalogue) expect(r.docs.length, r.id).toBeGreaterThan(10);
    expect(ids.size).toBe(catalogue.length);
  });
});
