import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, expectNoCrash, repoRoot } from '../support/cli.js';

/** An override as README "Configuration" describes it: imports the shipped HTML stylesheet, overrides one hook. */
const override = (hook: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:x-tei-pipeline:edition"
  exclude-result-prefixes="#all">
  <xsl:import href="node_modules/tei-pipeline/xslt/html/html.xsl"/>
  <!-- ed:name (xslt/common/hooks.xsl): every name with @ref, marked for this edition's CSS. -->
  <xsl:template name="ed:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="content" as="item()*"/>
${hook}
  </xsl:template>
</xsl:stylesheet>
`;
const GOOD = '    <mark class="my-name" data-entry="{$entry/@xml:id}"><xsl:sequence select="$content"/></mark>';

/** The compiler's kept reports of stylesheets that did not compile, written since `since` (epoch ms). */
function failureReports(since: number): string[] {
  const folder = join(repoRoot, '.cache', 'tei-pipeline', 'sef'); // runCli's cache (test/support/cli.ts)
  return readdirSync(folder)
    .filter((f) => f.endsWith('.failed.json'))
    .map((f) => join(folder, f))
    .filter((f) => statSync(f).mtimeMs >= since - 1000);
}

/** Where `needle` first stands in `text`, as "line:column". */
function at(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('a stylesheet override from the configuration', async () => {
  it('builds with the override in effect; a broken one is a located error that keeps the last outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-override-'));
    expect((await runCli(dir, ['init', '.', '--quiet'])).code).toBe(0);
    // The package as an edition has it after `npm install` (README "Your own edition").
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repoRoot, join(dir, 'node_modules', 'tei-pipeline'));
    const configFile = join(dir, 'tei-pipeline.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, stylesheets: { html: 'my.xsl' } }, null, 2));
    writeFileSync(join(dir, 'my.xsl'), override(GOOD));

    const built = await runCli(dir, ['build']);
    expectNoCrash(built);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const page = join(dir, 'out', 'html', 'sample-letter.html');
    const html = readFileSync(page, 'utf8');
    // The hook is the override's; the rest of the page is the shipped stylesheet's.
    expect(html).toMatch(/<mark class="my-name" data-entry="[a-z-]+">[^<]+<\/mark>/);
    expect(html).toContain('<section id="text"');
    // Only the format overridden changes: the text is the shipped stylesheet's.
    expect(readFileSync(join(dir, 'out', 'text', 'sample-letter.txt'), 'utf8')).not.toContain('my-name');

    // An XPath fault: said at the expression in my.xsl, exit 1, and the outputs stay as they were.
    const bad = override(GOOD.replace('select="$content"', 'select="ed:nope($content)"'));
    writeFileSync(join(dir, 'my.xsl'), bad);
    const started = Date.now();
    for (const args of [['build'], ['check']]) {
      if (args[0] === 'check') {
        // The compiler's verdict is kept by the stylesheet's hash: check reports it without compiling again
        // (the kept report, marked here, is what check says).
        const kept = failureReports(started).filter((f) => readFileSync(f, 'utf8').includes('nope'));
        expect(kept).toHaveLength(1);
        writeFileSync(kept[0]!, readFileSync(kept[0]!, 'utf8').replace('Unknown function', 'Unknown function (kept)'));
      }
      const broken = await runCli(dir, args);
      expectNoCrash(broken);
      expect(broken.code, args[0]).toBe(1);
      expect(broken.stderr).not.toMatch(/internal error/);
      expect(broken.stderr).toMatch(
        new RegExp(
          `^my\\.xsl:${at(bad, 'ed:nope(')}: error: Unexpected fault in the html stylesheet the configuration names \\(my\\.xsl\\): .*Unknown function .*nope.* \\[XPST0017\\] \\[transform/stylesheet\\]`,
          'm',
        ),
      );
    }
    expect(readFileSync(page, 'utf8')).toBe(html);
    expect(existsSync(join(dir, 'out', 'text', 'sample-letter.txt'))).toBe(true);
    expect((await runCli(dir, ['check'])).stderr).toContain('Unknown function (kept)');

    // Not well-formed: at the parser's line and column.
    const malformed = override(GOOD).replace('</xsl:template>', '</xsl:templat>');
    writeFileSync(join(dir, 'my.xsl'), malformed);
    const notXml = await runCli(dir, ['build']);
    expect(notXml.code).toBe(1);
    expect(notXml.stderr).toMatch(/^my\.xsl:\d+:\d+: error: Unexpected fault .*\[transform\/stylesheet\]/m);
    expect(notXml.stderr).toMatch(
      new RegExp(`^my\\.xsl:${malformed.split('\n').findIndex((l) => l.includes('</xsl:templat>')) + 1}:`, 'm'),
    );

    // An import that is not there: at the xsl:import.
    const lost = override(GOOD).replace('html/html.xsl', 'html/no-such.xsl');
    writeFileSync(join(dir, 'my.xsl'), lost);
    const noImport = await runCli(dir, ['build']);
    expect(noImport.code).toBe(1);
    expect(noImport.stderr).toMatch(
      new RegExp(
        `^my\\.xsl:${at(lost, '<xsl:import')}: error: .*Unexpected import of "node_modules/tei-pipeline/xslt/html/no-such\\.xsl": no such file`,
        'm',
      ),
    );
    expect(readFileSync(page, 'utf8')).toBe(html);
  }, 400_000);
});
