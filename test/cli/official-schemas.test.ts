import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { junit } from '../../src/cli/format/junit.js';
import type { Report } from '../../src/cli/format/report.js';
import { sarif } from '../../src/cli/format/sarif.js';
import { diagnostic } from '../../src/core/diagnostic.js';
import { repoRoot } from '../support/cli.js';
import { haveSchemas, haveXmllint, jsonSchema, noSchemas, schemasDir, xsdErrors } from '../support/official-schemas.js';

// The diagnostics formats CI systems read, against the schemas those systems publish (../shared/schemas).
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
      message: 'Unexpected <persName> without @ref & "quotes" <here>',
    }),
    diagnostic({
      file: 'tei/b.xml',
      at: { line: 1, column: 1 },
      severity: 'info',
      source: 'rules',
      ruleId: 'tei/date-text-agrees',
      message: 'Unexpected date text "spring": not read',
    }),
  ],
  summary: { files: 3, errors: 1, warnings: 1, infos: 1, coverage: {} },
  sources: new Map([
    ['tei/a.xml', '<TEI>\n  <date when="1977-02-30"/>\n</TEI>\n'],
    ['tei/b.xml', '<TEI/>'],
    ['tei/c.xml', '<TEI/>'],
  ]),
};
const clean: Report = {
  diagnostics: [],
  summary: { files: 1, errors: 0, warnings: 0, infos: 0, coverage: {} },
  sources: new Map([['tei/c.xml', '<TEI/>']]),
};
const opts = { color: false, toolVersion: '9.9.9' };

describe.skipIf(!haveSchemas)(
  haveSchemas ? 'official schemas of the diagnostics formats and the workflow' : `official schemas — ${noSchemas}`,
  () => {
    it('--format sarif is valid SARIF 2.1.0 (the SchemaStore schema GitHub code scanning follows), with findings and without', () => {
      const validate = jsonSchema('sarif');
      for (const r of [report, clean]) expect(validate(JSON.parse(sarif(r, opts).stdout))).toEqual([]);
      // The validator is not a rubber stamp: a result without its message is refused.
      const broken = JSON.parse(sarif(report, opts).stdout);
      delete broken.runs[0].results[0].message;
      expect(validate(broken).length).toBeGreaterThan(0);
    });

    it.skipIf(!haveXmllint)(
      haveXmllint
        ? '--format junit is valid against the JUnit schema Jenkins reads (jenkins-xunit-junit-10.xsd)'
        : 'junit — SKIPPED: no xmllint (apt-get install libxml2-utils)',
      () => {
        const xsd = join(schemasDir, 'junit', 'jenkins-xunit-junit-10.xsd');
        for (const r of [report, clean]) expect(xsdErrors(xsd, junit(r, opts).stdout)).toEqual([]);
        expect(
          xsdErrors(
            xsd,
            junit(report, opts).stdout.replace('<testsuites', '<testsuitez').replace('</testsuites>', '</testsuitez>'),
          ).length,
        ).toBeGreaterThan(0);
      },
    );

    it('.github/workflows/tei.yml is a valid GitHub Actions workflow (SchemaStore schema)', () => {
      const workflow = parse(readFileSync(join(repoRoot, '.github', 'workflows', 'tei.yml'), 'utf8')) as Record<
        string,
        unknown
      >;
      const validate = jsonSchema('github-workflow');
      expect(validate(workflow)).toEqual([]);
      expect(validate({ ...workflow, jobs: undefined }).length).toBeGreaterThan(0);
    });
  },
);
