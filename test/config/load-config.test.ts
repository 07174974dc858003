import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledValidator, standaloneValidator } from '../../src/config/config-validator.js';
import { parseConfig } from '../../src/config/load-config.js';
import { findEditionRoot, openEdition } from '../../src/config/open-edition.js';
import { repoRoot } from '../support/cli.js';

const at = (text: string) =>
  parseConfig(text, 'tei-pipeline.config.json', repoRoot).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);

describe('tei-pipeline.config.json', () => {
  it("accepts the edition's own configuration and fills project.edition from it, inventing nothing", () => {
    const opened = openEdition(join(repoRoot, 'tei', 'register'))!;
    expect(opened.diagnostics).toEqual([]);
    expect(opened.project.root).toBe(repoRoot);
    expect(opened.project.edition).toEqual({
      publisher: { name: 'Edition team', type: 'Organizational' },
      editors: [{ name: 'Edition team', type: 'Organizational' }],
      licence: 'CC-BY-4.0',
    });
    expect(opened.project.edition.baseUrl).toBeUndefined();
    expect(opened.project.schemas).toEqual([join(repoRoot, 'tei', 'schema', 'tei-project.rng')]);
  });

  it('reports an unknown key at the key, naming the keys allowed', () => {
    expect(at('{\n  "documents": "tei",\n  "colour": true\n}')).toEqual([
      '3:3 Unexpected key "colour" in the configuration, expected one of documents, registers, schemas, schematron, rules, idEqualsFileName, output, stylesheets, edition',
    ]);
  });

  it('reports bad values at the value: a rule severity, a type, a base URL, an ORCID, a nested unknown key', () => {
    const text =
      '{\n  "rules": { "tei/pb-sequence": "of" },\n  "idEqualsFileName": "yes",\n  "edition": {\n    "baseUrl": "example.org",\n    "editors": [{ "name": "A", "orcid": "0000" , "mail": "x" }]\n  }\n}';
    expect(at(text)).toEqual([
      '2:33 Unexpected "of" for "rules.tei/pb-sequence", expected one of "off", "info", "warning", "error"',
      '3:23 Unexpected "yes" for "idEqualsFileName", expected boolean',
      '5:16 Unexpected "example.org" for "edition.baseUrl", expected an http(s) URL ending in "/"',
      '6:41 Unexpected "0000" for "edition.editors[0].orcid", expected an ORCID iD as a URL, https://orcid.org/0000-0000-0000-0000',
      '6:50 Unexpected key "mail" in "edition.editors[0]", expected one of name, type, orcid',
    ]);
  });

  it('reports a rule id the pipeline does not have, and a schema file that does not exist', () => {
    expect(at('{\n  "rules": { "tei/nope": "off" },\n  "schemas": ["tei/schema/missing.rng"]\n}')).toEqual([
      '2:14 Unexpected rule "tei/nope", expected a rule id of the pipeline (README, "Validation layers and rules")',
      '3:15 Unexpected schema "tei/schema/missing.rng": no such file or folder',
    ]);
  });

  it('reports JSON syntax errors (a trailing comma, a comment) at their place, once each', () => {
    expect(at('{\n  "documents": "tei",\n}')).toEqual([
      '3:1 Unexpected "}", expected valid JSON (PropertyNameExpected)',
    ]);
    expect(at('// c\n{}')[0]).toMatch(/^1:1 Unexpected "\/\/ c", expected valid JSON/);
    expect(at('')).toEqual(['1:1 Unexpected end of file, expected valid JSON (ValueExpected)']);
  });

  it('finds the edition root by walking up from a sub-folder, and no edition outside one', () => {
    const root = mkdtempSync(join(tmpdir(), 'tei-pipeline-config-'));
    mkdirSync(join(root, 'texts', 'letters', 'deep'), { recursive: true });
    writeFileSync(
      join(root, 'tei-pipeline.config.json'),
      '{ "documents": "texts", "registers": "texts/reg", "schemas": [], "schematron": [], "rules": { "tei/names-have-refs": "off" }, "output": { "dir": "public", "formats": ["html"] } }',
    );
    expect(findEditionRoot(join(root, 'texts', 'letters', 'deep'))).toEqual({
      root,
      config: join(root, 'tei-pipeline.config.json'),
    });
    const { project, diagnostics } = openEdition(join(root, 'texts', 'letters'))!;
    expect(diagnostics).toEqual([]);
    expect(project).toMatchObject({
      root,
      teiDir: 'texts',
      registersDir: 'texts/reg',
      schemas: [],
      outDir: join(root, 'public'),
      formats: ['html'],
      rules: { 'tei/names-have-refs': 'off' },
    });
    const outside = mkdtempSync(join(tmpdir(), 'tei-pipeline-none-'));
    expect(findEditionRoot(outside)).toBeNull();
    expect(openEdition(outside)).toBeNull();
    expect(openEdition(outside, undefined, ['a.xml'])!.project.isEdition).toBe(false);
  });
});

describe('the configuration schema precompiled at install', () => {
  const standalone = standaloneValidator();
  it.skipIf(!standalone)(
    standalone
      ? 'gives the errors ajv gives compiling the schema, on good and bad configurations'
      : 'SKIPPED: no precompiled validator for this schema in dist/ (run `node scripts/precompile.mjs`)',
    () => {
      const compiled = compiledValidator();
      const cases: unknown[] = [
        {},
        { documents: 'tei', rules: { 'tei/pb-sequence': 'off' } },
        { colour: true },
        { rules: { 'tei/pb-sequence': 'of' }, idEqualsFileName: 'yes' },
        { edition: { baseUrl: 'example.org', editors: [{ name: 'A', orcid: '0000', mail: 'x' }] } },
        { output: { formats: ['pdf'] }, schemas: [1] },
        [],
      ];
      for (const config of cases) {
        expect(standalone!(config)).toBe(compiled(config));
        expect(standalone!.errors ?? null).toEqual(compiled.errors ?? null);
      }
      expect(cases.filter((c) => !compiled(c)).length).toBeGreaterThan(3);
    },
  );
});
