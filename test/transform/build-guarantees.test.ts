import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { compileStylesheet } from '../../src/transform/compile-stylesheet.js';
import { renderDocument } from '../../src/transform/render.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import type { CompiledStylesheets } from '../../src/transform/stylesheets.js';
import { cli, runCli, expectNoCrash, repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      files.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)));
  }
  return files;
}

describe('build guarantees', () => {
  it('outputs are byte-identical across runs, time zones, locales and working directories, and equal the committed out/', async () => {
    const a = tempProject({}, { withRecord: true });
    const b = tempProject({}, { withRecord: true });
    // Two projects at different absolute paths: no path may leak into an output.
    // Processes of their own: a time zone and a locale are fixed when Node starts.
    const ra = cli(a, ['build', '--quiet'], { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    const rb = cli(b, ['build', '--quiet'], { TZ: 'America/Adak', LANG: 'C', LC_ALL: 'C' });
    expectNoCrash(ra);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const ta = tree(join(a, 'out'));
    const tb = tree(join(b, 'out'));
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [k, v] of ta) expect(v.equals(tb.get(k)!), k).toBe(true);
    const committed = tree(join(repoRoot, 'out'));
    for (const [k, v] of ta)
      expect(v.equals(committed.get(k) ?? Buffer.alloc(0)), `out/${k} is not the committed one`).toBe(true);
    for (const [k, v] of ta) {
      expect(v.toString('utf8'), k).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
      expect(v.toString('utf8'), k).not.toContain(a);
    }
  });

  it('a source with CRLF line endings (as Windows editors write) validates and builds the same bytes as with LF', async () => {
    const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
    const files: Record<string, string> = {
      [`tei/${RECORD_ID}.xml`]: crlf(readFileSync(join(repoRoot, 'tei', `${RECORD_ID}.xml`), 'utf8')),
    };
    for (const r of ['persons', 'places', 'orgs'])
      files[`tei/register/${r}.xml`] = crlf(readFileSync(join(repoRoot, 'tei', 'register', `${r}.xml`), 'utf8'));
    const root = tempProject(files);
    const r = await runCli(root, ['build', '--format', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
    const built = tree(join(root, 'out'));
    const committed = tree(join(repoRoot, 'out'));
    expect(built.size).toBeGreaterThan(5);
    for (const [k, v] of built)
      expect(v.equals(committed.get(k) ?? Buffer.alloc(0)), `out/${k} differs from the LF build`).toBe(true);
  });

  it('a document that stops validating keeps its last good outputs, untouched; nothing half-written is left', async () => {
    const root = tempProject({}, { withRecord: true });
    expect((await runCli(root, ['build', '--quiet'])).code).toBe(0);
    const before = tree(join(root, 'out'));
    const html = join(root, 'out', 'html', `${RECORD_ID}.html`);
    const mtime = statSync(html).mtimeMs;
    const doc = join(root, 'tei', `${RECORD_ID}.xml`);
    writeFileSync(
      doc,
      readFileSync(doc, 'utf8').replace('when="1977-02-25"', 'when="1977-02-30"').replace('</TEI>', '<unclosed></TEI>'),
    );
    const r = await runCli(root, ['build', '--format', 'json']);
    expect(r.code).toBe(1);
    const after = tree(join(root, 'out'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect(v.equals(after.get(k)!), k).toBe(true);
    expect(statSync(html).mtimeMs).toBe(mtime);
    expect([...after.keys()].filter((k) => k.endsWith('.tmp'))).toEqual([]);
  });

  it('a transform error becomes a diagnostic and no output of that document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-xsl-'));
    writeFileSync(
      join(dir, 'fails.xsl'),
      `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><xsl:result-document href="x.txt" method="text">partial</xsl:result-document><xsl:message terminate="yes" error-code="Q{{}}XTMM9000">Cannot render <xsl:value-of select="name(/*)"/></xsl:message></xsl:template>
</xsl:stylesheet>`,
    );
    writeFileSync(
      join(dir, 'ok.xsl'),
      `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:result-document href="ok.txt" method="text">ok</xsl:result-document></xsl:template></xsl:stylesheet>`,
    );
    const failing = await compileStylesheet(join(dir, 'fails.xsl'), join(dir, 'cache'));
    const ok = await compileStylesheet(join(dir, 'ok.xsl'), join(dir, 'cache'));
    const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t">\n  <text/>\n</TEI>`;
    const doc = new SourceDocument(join(dir, 't.xml'), 'tei/t.xml', text);
    doc.saxonDoc = await parseForSaxon(text, doc.path);
    const sefs: CompiledStylesheets = { html: ok, text: failing, cite: ok };
    expect(renderDocument(doc, sefs, {})).toBeNull();
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({
      ruleId: 'transform/failed',
      source: 'transform',
      severity: 'error',
      line: 1,
      column: 1,
    });
    expect(doc.diagnostics[0]!.message).toMatch(/text stylesheet: Cannot render TEI/);
  });
});
