import { describe, expect, it } from 'vitest';
import { github } from '../../src/cli/format/github.js';
import { human } from '../../src/cli/format/human.js';
import { json } from '../../src/cli/format/json.js';
import { junit } from '../../src/cli/format/junit.js';
import type { Report } from '../../src/cli/format/report.js';
import { sarif } from '../../src/cli/format/sarif.js';
import { diagnostic } from '../../src/core/diagnostic.js';

const source = '<TEI>\n  <date when="1977-02-30">February 30, 1977</date>\n</TEI>\n';
const report: Report = {
  diagnostics: [
    diagnostic({
      file: 'tei/a.xml',
      at: { line: 2, column: 9 },
      severity: 'error',
      source: 'rules',
      ruleId: 'tei/date-iso',
      message: 'Unexpected date "1977-02-30": February 1977 has 28 days',
    }),
    diagnostic({
      file: 'tei/a.xml',
      at: { line: 3, column: 1 },
      severity: 'warning',
      source: 'rules',
      ruleId: 'tei/names-have-refs',
      message: 'Unexpected <persName> without @ref, a,b: 100%',
    }),
  ],
  summary: { files: 2, errors: 1, warnings: 1, infos: 0, coverage: { persName: { total: 4, withRef: 3 } } },
  sources: new Map([
    ['tei/a.xml', source],
    ['tei/b.xml', '<TEI/>'],
  ]),
};
const opts = { color: false, toolVersion: '9.9.9' };

describe('human', () => {
  it('prints file:line:column, severity, message and rule, with a code frame and a caret under the column', () => {
    const { stdout, stderr } = human(report, opts);
    expect(stderr.split('\n').slice(0, 3)).toEqual([
      'tei/a.xml:2:9: error: Unexpected date "1977-02-30": February 1977 has 28 days [tei/date-iso]',
      ' 2 |   <date when="1977-02-30">February 30, 1977</date>',
      '   |         ^',
    ]);
    expect(stdout).toBe('2 files: 1 error, 1 warning; references: persName 3/4\n');
    expect(stderr).not.toMatch(/\x1b\[/);
  });

  it('colours only when asked', () => {
    expect(human(report, { ...opts, color: true }).stderr).toMatch(/\x1b\[31merror/);
  });

  it('shows a window of a very long line, caret still under the column', () => {
    const long = `<TEI n="${'x'.repeat(10_000)}" bad="1"/>`;
    const col = long.indexOf('bad') + 1;
    const r: Report = {
      ...report,
      diagnostics: [
        diagnostic({
          file: 'tei/l.xml',
          at: { line: 1, column: col },
          severity: 'error',
          source: 'schema',
          ruleId: 'schema/rng',
          message: 'Unexpected attribute bad',
        }),
      ],
      sources: new Map([['tei/l.xml', long]]),
    };
    const [, frame, caret] = human(r, opts).stderr.split('\n');
    expect(frame!.length).toBeLessThan(120);
    expect(frame![caret!.indexOf('^')]).toBe('b');
  });
});

describe('machine formats', () => {
  it('json has diagnostics and summary', () => {
    const parsed = JSON.parse(json(report, opts).stdout);
    expect(parsed.summary).toMatchObject({ files: 2, errors: 1, warnings: 1 });
    expect(parsed.diagnostics[0]).toMatchObject({
      file: 'tei/a.xml',
      line: 2,
      column: 9,
      ruleId: 'tei/date-iso',
      source: 'rules',
    });
  });

  it('github writes workflow commands with escaped properties and data', () => {
    const lines = github(report, opts).stdout.split('\n');
    expect(lines[0]).toBe(
      '::error file=tei/a.xml,line=2,col=9,title=tei/date-iso::Unexpected date "1977-02-30": February 1977 has 28 days',
    );
    expect(lines[1]).toBe(
      '::warning file=tei/a.xml,line=3,col=1,title=tei/names-have-refs::Unexpected <persName> without @ref, a,b: 100%25',
    );
  });

  it('junit has one suite per file and one failing case per error', () => {
    const xml = junit(report, opts).stdout;
    expect(xml).toMatch(/<testsuites name="tei-pipeline" tests="2" failures="1">/);
    expect(xml).toMatch(/<testsuite name="tei\/a.xml" tests="1" failures="1"/);
    expect(xml).toMatch(/<testsuite name="tei\/b.xml" tests="1" failures="0"/);
    expect(xml).toMatch(/<failure type="tei\/date-iso" message="Unexpected date &quot;1977-02-30&quot;/);
  });

  it('sarif is SARIF 2.1.0 with rules and located results', () => {
    const log = JSON.parse(sarif(report, opts).stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'tei-pipeline', version: '9.9.9' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['tei/date-iso', 'tei/names-have-refs']);
    expect(run.results[1]).toMatchObject({ ruleId: 'tei/names-have-refs', ruleIndex: 1, level: 'warning' });
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'tei/a.xml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 9 },
    });
  });
});
