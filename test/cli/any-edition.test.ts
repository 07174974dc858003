import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, expectNoCrash, repoRoot } from '../support/cli.js';

const fresh = (prefix: string) => mkdtempSync(join(tmpdir(), `tei-pipeline-${prefix}-`));

describe('init, new, and running from anywhere', () => {
  it('init writes an edition that builds and checks at once; new adds documents that validate', async () => {
    const parent = fresh('init');
    const made = await runCli(parent, ['init', 'my-edition']);
    expectNoCrash(made);
    expect(made.code).toBe(0);
    const dir = join(parent, 'my-edition');
    for (const f of [
      'tei-pipeline.config.json',
      'tei/sample-letter.xml',
      'tei/register/persons.xml',
      'tei/register/places.xml',
      'tei/schema/tei-project.rng',
      '.gitignore',
      'package.json',
      '.github/workflows/tei.yml',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['tei-pipeline']).toMatch(/^\^\d+\.\d+\.\d+$/);
    const built = await runCli(dir, ['build']);
    expectNoCrash(built);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    // A letter: its correspDesc gives the date and the recipient; its dateline and salute are text.
    const html = readFileSync(join(dir, 'out', 'html', 'sample-letter.html'), 'utf8');
    expect(html).not.toContain('Archival apparatus');
    expect(html).toMatch(/<section id="text"[\s\S]*Dear[\s\S]*<\/section>/);
    expect(html).toMatch(
      /class="citation">Given Sender to Given Recipient, “Letter of \(sender\) to \(recipient\), \(date\),” [A-Z][a-z]+ \d+, \d{4}\. Publisher \(name\), sample-letter\.</,
    );
    const csl = JSON.parse(readFileSync(join(dir, 'out', 'cite', 'sample-letter.csl.json'), 'utf8')) as [
      { recipient: unknown; issued: unknown },
    ];
    expect(csl[0].recipient).toEqual([{ family: 'Recipient', given: 'Given' }]);
    expect(csl[0].issued).toBeDefined();
    const text = readFileSync(join(dir, 'out', 'text', 'sample-letter.txt'), 'utf8');
    expect(text).toMatch(/^Written: /m);
    expect(text).not.toMatch(/^Source:/m);

    expect((await runCli(dir, ['new', 'letter', 'second-letter'])).code).toBe(0);
    expect((await runCli(dir, ['new', 'record', 'a-record'])).code).toBe(0);
    const again = await runCli(dir, ['new', 'record', 'a-record']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Unexpected id "a-record": tei\/a-record.xml exists already/);
    expect((await runCli(dir, ['new', 'memo', 'x'])).stderr).toMatch(
      /Unexpected document kind "memo", expected one of letter, record/,
    );
    // From a sub-folder: the edition is found above, and paths are shown relative to where one is.
    const sub = await runCli(join(dir, 'tei', 'register'), ['validate', '--format', 'json']);
    expect(sub.code).toBe(0);
    expect((JSON.parse(sub.stdout) as { summary: { files: number } }).summary.files).toBe(5);
    expect((await runCli(join(dir, 'tei'), ['check'])).code).toBe(1); // the new documents are not built yet: stale
    expect((await runCli(join(dir, 'tei'), ['build'])).code).toBe(0);
    expect((await runCli(join(dir, 'tei'), ['check'])).code).toBe(0);
    expect((await runCli(parent, ['init', 'my-edition'])).code).toBe(2);
  });

  it('prints human diagnostics relative to the working directory, JSON relative to the edition root', async () => {
    const dir = fresh('cwd');
    expect((await runCli(dir, ['init', '.', '--quiet'])).code).toBe(0);
    const doc = readFileSync(join(dir, 'tei', 'sample-letter.xml'), 'utf8').replace(
      '<p xml:id="p1">',
      '<p xml:id="p1"><date when="1977-02-30">x</date>',
    );
    writeFileSync(join(dir, 'tei', 'sample-letter.xml'), doc);
    const human = await runCli(join(dir, 'tei', 'register'), ['validate']);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^\.\.\/sample-letter\.xml:\d+:\d+: error: .*\[tei\/date-iso\]/m);
    const json = await runCli(join(dir, 'tei', 'register'), ['validate', '--format', 'json']);
    expect(json.stdout).toMatch(/"file": "tei\/sample-letter\.xml"/);
  });

  it('lets the configuration turn a rule off or change its severity, and reports a bad configuration at line:column', async () => {
    const dir = fresh('rules');
    expect((await runCli(dir, ['init', '.', '--quiet'])).code).toBe(0);
    const doc = readFileSync(join(dir, 'tei', 'sample-letter.xml'), 'utf8').replace(
      '<p xml:id="p1">',
      '<p xml:id="p1"><persName>Nobody</persName> ',
    );
    writeFileSync(join(dir, 'tei', 'sample-letter.xml'), doc);
    const config = JSON.parse(readFileSync(join(dir, 'tei-pipeline.config.json'), 'utf8')) as {
      rules: Record<string, string>;
    };
    const run = async (rules: Record<string, string>) => {
      writeFileSync(join(dir, 'tei-pipeline.config.json'), JSON.stringify({ ...config, rules }, null, 2));
      return JSON.parse((await runCli(dir, ['validate', '--format', 'json'])).stdout) as {
        diagnostics: { ruleId: string; severity: string }[];
      };
    };
    // persName without @ref is a schema error in the project schema and a names-have-refs warning.
    expect(
      (await run({})).diagnostics.filter((d) => d.ruleId === 'tei/names-have-refs').map((d) => d.severity),
    ).toEqual(['warning']);
    expect(
      (await run({ 'tei/names-have-refs': 'error' })).diagnostics
        .filter((d) => d.ruleId === 'tei/names-have-refs')
        .map((d) => d.severity),
    ).toEqual(['error']);
    expect(
      (await run({ 'tei/names-have-refs': 'off' })).diagnostics.filter((d) => d.ruleId === 'tei/names-have-refs'),
    ).toEqual([]);
    writeFileSync(join(dir, 'tei-pipeline.config.json'), '{\n  "rules": { "tei/names-have-refs": "never" }\n}\n');
    const bad = await runCli(join(dir, 'tei'), ['build']);
    expectNoCrash(bad);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^\.\.\/tei-pipeline\.config\.json:2:37: error: Unexpected "never" for "rules\.tei\/names-have-refs", expected one of "off", "info", "warning", "error" \[config\/invalid\]/m,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('validates files outside any edition and says what it ran; other commands say there is no edition', async () => {
    const dir = fresh('outside');
    // A document from elsewhere: its xml:id need not be its file name, no schema is configured.
    writeFileSync(
      join(dir, 'letter.xml'),
      readFileSync(join(repoRoot, 'templates', 'documents', 'record.xml'), 'utf8').replace(
        /\{\{(\w+)\}\}/g,
        (_, k: string) => (k === 'today' ? '2026-01-02' : 'x'),
      ),
    );
    const r = await runCli(dir, ['validate', 'letter.xml']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /no edition here \(no tei-pipeline\.config\.json\): checked well-formedness, the TEI root, no schema \(give --schema FILE\.rng\) and the rules tei\/id-unique/,
    );
    writeFileSync(join(dir, 'broken.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader></TEI>\n');
    const broken = await runCli(dir, ['validate', 'broken.xml']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^broken\.xml:1:\d+: error: .*\[xml\/not-well-formed\]/m);
    const build = await runCli(dir, ['build']);
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(/no tei-pipeline\.config\.json \(nor tei\/ folder\) here or above/);
  });
});
