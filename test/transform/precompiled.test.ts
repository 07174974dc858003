import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStylesheet, SHIPPED_SEF_DIR, stylesheetHash } from '../../src/transform/compile-stylesheet.js';
import { repoRoot } from '../support/cli.js';

const ENTRIES = ['html/html.xsl', 'text/text.xsl', 'cite/cite.xsl', 'deposit/deposit.xsl', 'schematron/compile.xsl'];
const shipped = (hash: string) => join(SHIPPED_SEF_DIR, 'sef', `${hash}.sef.json`);

// npm install runs `npm run precompile` (the prepare script): a first build must find every SEF there.
describe('precompiled stylesheets', () => {
  it.each(ENTRIES)('%s is shipped compiled, under the hash of its current sources', async (entry) => {
    const hash = await stylesheetHash(join(repoRoot, 'xslt', entry));
    expect(existsSync(shipped(hash)), `no ${shipped(hash)}: run npm run precompile`).toBe(true);
  });

  it('a changed stylesheet (or a file it includes) is not taken for the shipped one: it is compiled afresh', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'tei-pipeline-xslt-'));
    cpSync(join(repoRoot, 'xslt'), copy, { recursive: true });
    const original = await stylesheetHash(join(copy, 'text', 'text.xsl'));
    expect(existsSync(shipped(original))).toBe(true);
    const included = join(copy, 'common', 'dates.xsl');
    writeFileSync(
      included,
      readFileSync(included, 'utf8').replace('</xsl:stylesheet>', '<!-- changed --></xsl:stylesheet>'),
    );
    const changed = await stylesheetHash(join(copy, 'text', 'text.xsl'));
    expect(changed).not.toBe(original);
    expect(existsSync(shipped(changed))).toBe(false);
    const cache = mkdtempSync(join(tmpdir(), 'tei-pipeline-cache-'));
    await compileStylesheet(join(copy, 'text', 'text.xsl'), cache);
    expect(existsSync(join(cache, 'sef', `${changed}.sef.json`))).toBe(true);
  });
});
