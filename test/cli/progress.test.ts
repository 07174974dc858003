import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgress } from '../../src/cli/progress.js';
import { onWarning } from '../../src/core/warn.js';
import { compileStylesheet, onCompile, type CompileEvent } from '../../src/transform/compile-stylesheet.js';

const terminal = () => {
  const written: string[] = [];
  return { isTTY: true, write: (s: string) => written.push(s), written };
};

describe('build progress on a terminal', () => {
  it('says which stylesheets compile and how long each took, how many files validate, and how rendering goes', () => {
    const t = terminal();
    const p = buildProgress(t, { quiet: false, packageDir: '/pkg', env: {} })!;
    p.compile({ stylesheet: '/pkg/xslt/schematron/compile.xsl', phase: 'start' });
    p.compile({ stylesheet: '/pkg/xslt/schematron/compile.xsl', phase: 'end', ms: 4200 });
    p.compile({ stylesheet: '/e/.cache/tei-pipeline/schematron/ab12.xsl', phase: 'start' });
    p.compile({ stylesheet: '/e/.cache/tei-pipeline/schematron/ab12.xsl', phase: 'end', ms: 3100 });
    p.validating(4);
    p.compile({ stylesheet: '/pkg/xslt/html/html.xsl', phase: 'start' });
    p.compile({ stylesheet: '/pkg/xslt/text/text.xsl', phase: 'start' });
    p.compile({ stylesheet: '/pkg/xslt/text/text.xsl', phase: 'end', ms: 9000 });
    p.compile({ stylesheet: '/pkg/xslt/html/html.xsl', phase: 'end', ms: 12000 });
    p.rendering(1, 2);
    p.rendering(2, 2);
    expect(t.written.join('')).toBe(
      [
        'compiling stylesheets (once; later builds take them from .cache/)',
        '  compiling xslt/schematron/compile.xsl…',
        '  compiled xslt/schematron/compile.xsl in 4.2 s (1 done, 0 still compiling)',
        '  compiling the Schematron rules…',
        '  compiled the Schematron rules in 3.1 s (2 done, 0 still compiling)',
        'validating 4 file(s)…',
        '  compiling xslt/html/html.xsl…',
        '  compiling xslt/text/text.xsl…',
        '  compiled xslt/text/text.xsl in 9.0 s (3 done, 1 still compiling)',
        '  compiled xslt/html/html.xsl in 12.0 s (4 done, 0 still compiling)',
        `\rrendering [${'#'.repeat(15)}${' '.repeat(15)}] 1/2\rrendering [${'#'.repeat(30)}] 2/2`,
        '',
      ].join('\n'),
    );
  });

  it('stays silent off a terminal, in CI and with --quiet', () => {
    expect(
      buildProgress({ isTTY: false, write: () => true }, { quiet: false, packageDir: '/pkg', env: {} }),
    ).toBeUndefined();
    expect(buildProgress(terminal(), { quiet: false, packageDir: '/pkg', env: { CI: 'true' } })).toBeUndefined();
    expect(buildProgress(terminal(), { quiet: true, packageDir: '/pkg', env: {} })).toBeUndefined();
  });
});

describe('compiling a stylesheet', () => {
  let stop: (() => void)[] = [];
  afterEach(() => {
    for (const s of stop) s();
    stop = [];
  });

  it('reports the compile, and compiles even where the cache cannot be written (a warning)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-compile-'));
    const xsl = join(dir, 'tiny.xsl');
    writeFileSync(
      xsl,
      '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">ok</xsl:template></xsl:stylesheet>',
    );
    writeFileSync(join(dir, 'cache'), 'a file where the cache folder should be');
    const events: CompileEvent[] = [];
    const warnings: string[] = [];
    stop.push(
      onCompile((e) => events.push(e)),
      onWarning((w) => warnings.push(w)),
    );
    const sef = await compileStylesheet(xsl, join(dir, 'cache'));
    expect(sef['N']).toBe('package');
    expect(events.map((e) => [e.stylesheet, e.phase])).toEqual([
      [xsl, 'start'],
      [xsl, 'end'],
    ]);
    expect(events[1]!.ms).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^cannot write \S+\.sef\.json: a (part of its path is a file, not a folder|file stands where a folder is needed); compiled stylesheets are not kept/,
    );
  }, 120_000);
});
