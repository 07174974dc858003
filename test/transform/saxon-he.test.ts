import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

// The stylesheets are XSLT 3.0, not saxon-js dialect: Saxon-HE (Java), the processor oXygen and the TEI's
// own tools run, must make the same outputs from the record as the build (committed in out/). Found when a
// document-node accumulator worked in saxon-js and failed in Saxon-HE 9.9 (XTDE3362).
const SAXON = '/usr/share/java/Saxon-HE.jar';
const java = spawnSync('java', ['-version']).status === 0;
const missing = !java || !existsSync(SAXON) ? 'needs java and Debian libsaxonhe-java (.ci/run installs them)' : '';
const record = join(repoRoot, 'tei', 'dobrynin-vance-1977-02-26.xml');
const dir = mkdtempSync(join(tmpdir(), 'saxon-he-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function saxon(args: string[]): void {
  const r = spawnSync('java', ['-cp', SAXON, 'net.sf.saxon.Transform', ...args], { encoding: 'utf8' });
  expect(r.stderr.trim(), r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe.skipIf(missing !== '')(`the stylesheets in Saxon-HE ${missing}`, () => {
  it.each(['html', 'text', 'cite'])('%s: the same files, byte for byte, as the build', (format) => {
    saxon([
      `-s:${record}`,
      `-o:${join(dir, format, 'principal.out')}`,
      `-xsl:${join(repoRoot, 'xslt', format, `${format}.xsl`)}`,
    ]);
    const made = readdirSync(join(dir, format)).filter((f) => f !== 'principal.out');
    const built = readdirSync(join(repoRoot, 'out', format)).filter((f) => f.startsWith('dobrynin-vance-1977-02-26.'));
    expect(made.sort()).toEqual(built.sort());
    for (const f of made) {
      // Saxon-HE writes the HTML5 doctype in upper case (the serialization spec allows either).
      const ours = readFileSync(join(repoRoot, 'out', format, f), 'utf8');
      const theirs = readFileSync(join(dir, format, f), 'utf8').replace(/^<!DOCTYPE HTML>/, '<!DOCTYPE html>');
      expect(theirs, f).toBe(ours);
    }
  });

  it('the corpus pages from the corpus template', () => {
    saxon([
      `-o:${join(dir, 'corpus', 'corpus.out')}`,
      `-xsl:${join(repoRoot, 'xslt', 'html', 'html.xsl')}`,
      '-it:corpus',
      'document-uris=dobrynin-vance-1977-02-26.xml',
      `corpus-base=file://${join(repoRoot, 'tei')}/`,
    ]);
    for (const page of ['index.html', 'persons.html', 'places.html', 'orgs.html']) {
      const ours = readFileSync(join(repoRoot, 'out', 'html', page), 'utf8');
      const theirs = readFileSync(join(dir, 'corpus', page), 'utf8').replace(/^<!DOCTYPE HTML>/, '<!DOCTYPE html>');
      expect(theirs, page).toBe(ours);
    }
  });
});
