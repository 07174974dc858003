import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, expectNoCrash, repoRoot, tempProject } from '../support/cli.js';

const record = readFileSync(join(repoRoot, 'tei', 'dobrynin-vance-1977-02-26.xml'), 'utf8');

function json(r: { stdout: string }) {
  return JSON.parse(r.stdout) as {
    diagnostics: { file: string; line: number; column: number; ruleId: string; severity: string; message: string }[];
    summary: { files: number; errors: number };
  };
}

describe('tei-pipeline validate', () => {
  it('exits 0 on the edition as committed, with no errors and no warnings', async () => {
    const r = await runCli(repoRoot, ['validate', '--format', 'json']);
    expectNoCrash(r);
    const out = json(r);
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.code).toBe(0);
    expect(out.summary.files).toBeGreaterThanOrEqual(4);
  });

  it('says "no documents" on an empty edition and exits 0', async () => {
    const root = tempProject({}, { registers: false });
    const r = await runCli(root, ['validate']);
    expect(r.stdout.trim()).toBe('no documents');
    expect(r.code).toBe(0);
  });

  it('reports a path that does not exist, and a folder without XML, with exit 1', async () => {
    const root = tempProject({ 'notes/readme.txt': 'hello' });
    const missing = await runCli(root, ['validate', 'tei/nope.xml', '--format', 'json']);
    expect(missing.code).toBe(1);
    expect(json(missing).diagnostics[0]).toMatchObject({
      file: 'tei/nope.xml',
      line: 1,
      column: 1,
      ruleId: 'io/not-found',
    });
    const empty = await runCli(root, ['validate', 'notes']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^notes:1:1: error: Unexpected folder "notes" without XML files/m);
  });

  it('locates a dangling pointer, a duplicate id and an impossible date in a copy of the record', async () => {
    const broken = record
      .replace('ref="per:vance"', 'ref="per:nobody"')
      .replace(/when="1977-02-25"/, 'when="1977-02-30"')
      .replace(/xml:id="p1"/, 'xml:id="p2"');
    const root = tempProject({ 'tei/dobrynin-vance-1977-02-26.xml': broken });
    const r = await runCli(root, ['validate', '--format', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const ids = new Set(json(r).diagnostics.map((d) => d.ruleId));
    for (const id of ['tei/ref-resolves', 'tei/date-iso', 'tei/id-unique']) expect(ids).toContain(id);
    for (const d of json(r).diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
      const line = broken.split('\n')[d.line - 1]!;
      if (d.ruleId === 'tei/ref-resolves') expect(line.slice(d.column - 1)).toMatch(/^ref="per:nobody"/);
      if (d.ruleId === 'tei/date-iso') expect(line.slice(d.column - 1)).toMatch(/^when="1977-02-30"/);
    }
  });

  it('points schema errors at the element or attribute at fault', async () => {
    const broken = record
      .replace('<title type="main">', '<bogus/><title type="main">')
      .replace('<persName ref="per:vance"><roleName>', '<persName ref="per:vance" colour="red"><roleName>');
    const root = tempProject({ 'tei/dobrynin-vance-1977-02-26.xml': broken });
    const r = await runCli(root, ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    const lines = broken.split('\n');
    const at = (d: { line: number; column: number }) => lines[d.line - 1]!.slice(d.column - 1);
    const schema = json(r).diagnostics.filter((x) => x.ruleId === 'schema/tei-project');
    // libxml2 names <bogus> itself in the header's fixed sequence...
    expect(schema.some((d) => /^Unexpected element <bogus>/.test(d.message) && at(d).startsWith('<bogus/>'))).toBe(
      true,
    );
    // ...but only an ancestor deep in mixed content: the undeclared attribute is pointed at all the same.
    expect(
      schema.some(
        (d) => /^Unexpected attribute colour on <persName>/.test(d.message) && at(d).startsWith('colour="red"'),
      ),
    ).toBe(true);
  });

  it('reports wrong namespace, non-TEI root and missing teiHeader', async () => {
    const root = tempProject({
      'tei/wrong-ns.xml': '<TEI xmlns="http://example.org/not-tei" xml:id="wrong-ns"/>\n',
      'tei/html-root.xml': '<html xml:id="html-root"/>\n',
      'tei/no-header.xml':
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="no-header">\n  <text><body><p>x</p></body></text>\n</TEI>\n',
    });
    const r = await runCli(root, [
      'validate',
      'tei/wrong-ns.xml',
      'tei/html-root.xml',
      'tei/no-header.xml',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const by = (f: string) =>
      json(r)
        .diagnostics.filter((d) => d.file === f)
        .map((d) => `${d.ruleId}@${d.line}:${d.column}`);
    expect(by('tei/wrong-ns.xml')).toEqual(['tei/namespace@1:1']);
    expect(by('tei/html-root.xml')).toEqual(['tei/root@1:1']);
    expect(by('tei/no-header.xml')).toEqual(
      expect.arrayContaining(['schema/tei-project@2:3', 'tei/header-complete@1:1']),
    );
  });

  it('never reads a file through an external entity or DTD', async () => {
    const secret = join(repoRoot, 'test', 'fixtures', 'secret-file-for-xxe', 'secret.txt');
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file://${secret}">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="xxe"><text><body><p>&xxe;</p></body></text></TEI>\n`;
    const dtd = `<!DOCTYPE TEI SYSTEM "file://${secret}">\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="dtd"/>\n`;
    const root = tempProject({ 'tei/xxe.xml': xxe, 'tei/dtd.xml': dtd });
    for (const format of ['human', 'json', 'github', 'junit', 'sarif']) {
      const r = await runCli(root, ['validate', 'tei/xxe.xml', 'tei/dtd.xml', '--format', format]);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain('SECRET-CONTENT-NEVER-READ');
    }
    const r = await runCli(root, ['build', '--format', 'json']);
    expect(r.stdout + r.stderr).not.toContain('SECRET-CONTENT-NEVER-READ');
    const outDir = join(root, 'out');
    const outputs = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const e of outputs)
      expect(readFileSync(join(e.parentPath, e.name), 'utf8')).not.toContain('SECRET-CONTENT-NEVER-READ');
  });

  it('treats an xml:id like "../../x" as an error, never as a path', async () => {
    const root = tempProject({
      'tei/dobrynin-vance-1977-02-26.xml': record.replace(/<p xml:id="p1"/, '<p xml:id="../../x"'),
    });
    const r = await runCli(root, ['build', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r).diagnostics.some((d) => d.ruleId === 'schema/tei-project' || d.ruleId === 'tei/id-unique')).toBe(
      true,
    );
    expect(readdirSync(join(root, '..')).includes('x')).toBe(false);
  });

  it('usage errors exit 2 with one line and no stack trace', async () => {
    const r = await runCli(repoRoot, ['validate', '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'tei-pipeline: Unexpected --format "yaml", expected one of human, json, github, junit, sarif',
    );
    expect((await runCli(repoRoot, ['frobnicate'])).code).toBe(2);
    expect((await runCli(repoRoot, ['validate', '--nope'])).code).toBe(2);
  });
});

describe('real TEI from other projects', () => {
  const corpus = join(repoRoot, '..', 'shared', 'corpus');
  const haveCorpus = existsSync(corpus);
  it.skipIf(!haveCorpus)(
    `validates every file of ../shared/corpus without an internal error${haveCorpus ? '' : ` — SKIPPED: no ${corpus} beside this checkout`}`,
    async () => {
      const r = await runCli(repoRoot, ['validate', corpus, '--format', 'json']);
      expectNoCrash(r);
      expect([0, 1]).toContain(r.code);
      const out = json(r);
      expect(out.summary.files).toBe(
        readdirSync(corpus, { recursive: true }).filter((f) => String(f).endsWith('.xml')).length,
      );
      for (const d of out.diagnostics) {
        expect(d.line).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
      }
    },
  );
});

describe('schema diagnostics and --schema', () => {
  it('reports cert="very high" at the attribute, with the values the project schema allows', async () => {
    const broken = record.replace('cert="high" xml:id="renegade"', 'cert="very high" xml:id="renegade"');
    expect(broken).not.toBe(record);
    const root = tempProject({ 'tei/dobrynin-vance-1977-02-26.xml': broken });
    const r = await runCli(root, ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    const schema = json(r).diagnostics.filter((d) => d.ruleId.startsWith('schema/'));
    const line = broken.split('\n').findIndex((l) => l.includes('cert="very high"')) + 1;
    const column = broken.split('\n')[line - 1]!.indexOf('cert="very high"') + 1;
    // One finding, at the attribute itself: nothing at <text> or <div> above it.
    expect(schema.map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.message}`)).toEqual([
      `schema/tei-project@${line}:${column} Unexpected value "very high" of attribute cert on <rs>, expected one of "high", "low", "medium", "unknown" (tei-project)`,
    ]);
  });

  it('--schema alone checks well-formedness and that schema only, named by its stem, with its verdict in the summary', async () => {
    const root = tempProject({
      'tei/valid.xml':
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="another-name"><text><body><p>x</p></body></text></TEI>\n',
      'tei/invalid.xml':
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p colour="red">x</p></body></text></TEI>\n',
      'tei/schema/tiny.rng':
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element><anyName/><ref name="any"/></element></start><define name="any"><zeroOrMore><choice><attribute><anyName><except><name>colour</name></except></anyName></attribute><text/><element><anyName/><ref name="any"/></element></choice></zeroOrMore></define></grammar>\n',
    });
    const r = await runCli(root, [
      'validate',
      '--schema',
      'tei/schema/tiny.rng',
      'tei/valid.xml',
      'tei/invalid.xml',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const out = json(r) as ReturnType<typeof json> & { summary: { schemas: unknown } };
    // No teiHeader, a file named unlike its id: the edition's rules and the project schema did not run.
    expect(out.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['tei/invalid.xml schema/tiny']);
    expect(out.summary.schemas).toEqual([{ schema: 'tiny', valid: 1, invalid: 1 }]);
    const human = await runCli(root, [
      'validate',
      '--schema',
      'tei/schema/tiny.rng',
      'tei/valid.xml',
      'tei/invalid.xml',
    ]);
    expect(human.stdout).toContain('tiny: 1 valid, 1 invalid');
  });

  it('bounds the output: a 1 MB @ref gives at most 100 findings of a rule and one "and N more", under 100 KB of JSON', async () => {
    const refs = Array.from({ length: 170_000 }, (_, i) => `x:${i}`).join(' ');
    expect(refs.length).toBeGreaterThan(1_000_000);
    const root = tempProject({
      'tei/dobrynin-vance-1977-02-26.xml': record.replace(
        '<rs type="person" ref="per:sakharov"',
        `<rs type="person" ref="${refs}"`,
      ),
    });
    const r = await runCli(root, ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeLessThan(100_000);
    const refs2 = json(r).diagnostics.filter((d) => d.ruleId === 'tei/ref-resolves');
    expect(refs2).toHaveLength(101);
    // The one that counts the rest stands for errors, so it is an error (an info when it counts only infos).
    expect(refs2.filter((d) => d.message.startsWith('… and')).map((d) => [d.severity, d.message])).toEqual([
      ['error', '… and 169900 more [tei/ref-resolves] findings in this file, not shown'],
    ]);
    for (const d of json(r).diagnostics) expect(d.message.length).toBeLessThan(2000);
  });

  it('never suggests an illegal xml:id for a file name that is not one', async () => {
    const root = tempProject({
      'tei/1980-07-28-white-to-trask.xml':
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>\n',
    });
    const r = await runCli(root, ['validate', 'tei/1980-07-28-white-to-trask.xml', '--format', 'json']);
    const d = json(r).diagnostics.find((x) => x.ruleId === 'tei/file-named-by-id')!;
    expect(d.message).toContain('"1980-07-28-white-to-trask": it is not a legal xml:id');
    expect(d.message).toContain('xml:id="doc-1980-07-28-white-to-trask"');
    expect(d.message).not.toContain('xml:id="1980-07-28-white-to-trask"');
  });
});
