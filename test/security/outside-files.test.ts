import fs, { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/pipeline/build.js';
import { openProject } from '../../src/core/project.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { runCli, expectNoCrash, repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

// A register-shaped file outside the edition: if any of its names reaches an output, the build leaked it.
const SECRET_NAME = 'Zzzq Secretperson';
const SECRET = `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="secret"><teiHeader><fileDesc><titleStmt><title>s</title></titleStmt><publicationStmt><p>s</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><listPerson><person xml:id="zzzq"><persName>${SECRET_NAME}</persName></person></listPerson></body></text></TEI>`;

// Compiled stylesheets are shared with the other tests (the projects here are temporary).
process.env['TEI_PIPELINE_CACHE'] ??= join(repoRoot, '.cache', 'tei-pipeline');

const record = readFileSync(join(repoRoot, 'tei', `${RECORD_ID}.xml`), 'utf8');

/** The record with one more, unused, prefix declaration whose replacement pattern is `pattern`. */
function recordWithPrefix(pattern: string): string {
  const def = `<prefixDef ident="zzz" matchPattern="(zzzq)" replacementPattern="${pattern}"/>`;
  const withDef = record.replace(/<listPrefixDef[^>]*>/, (open) => open + def);
  if (withDef === record) throw new Error('the record has no listPrefixDef to extend');
  return withDef;
}

/** An edition in <tmp>/edition with a secret beside it in <tmp>/outside/secret.xml. */
function editionBesideSecret(pattern: string): { root: string; secret: string } {
  const root = join(
    tempProject({ [`edition/tei/${RECORD_ID}.xml`]: recordWithPrefix(pattern), 'outside/secret.xml': SECRET }),
    'edition',
  );
  fs.cpSync(join(repoRoot, 'tei', 'schema'), join(root, 'tei', 'schema'), { recursive: true });
  fs.cpSync(join(repoRoot, 'tei', 'register'), join(root, 'tei', 'register'), { recursive: true });
  return { root, secret: resolve(root, '..', 'outside', 'secret.xml') };
}

/** Every path the process opens through node:fs while `run` runs (main thread). */
async function opensDuring<T>(run: () => Promise<T>): Promise<{ result: T; opened: string[] }> {
  const opened: string[] = [];
  const note = (p: unknown) => {
    if (typeof p === 'string' || p instanceof URL || Buffer.isBuffer(p))
      opened.push(resolve(p instanceof URL ? p.pathname : String(p)));
  };
  type Fn = (...args: unknown[]) => unknown;
  const spied: [object, string, Fn][] = [];
  const spy = (target: Record<string, unknown>, name: string) => {
    const original = target[name] as Fn;
    spied.push([target, name, original]);
    target[name] = (...args: unknown[]) => (note(args[0]), original.apply(target, args));
  };
  for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream', 'existsSync', 'statSync'])
    spy(fs as unknown as Record<string, unknown>, name);
  for (const name of ['readFile', 'open']) spy(fs.promises as unknown as Record<string, unknown>, name);
  syncBuiltinESMExports();
  try {
    return { result: await run(), opened };
  } finally {
    for (const [target, name, original] of spied) (target as Record<string, unknown>)[name] = original;
    syncBuiltinESMExports();
  }
}

const isUnder = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/** What was opened outside the edition at `root`, the package (its stylesheets, node_modules) and Node itself. */
function outsiders(opened: readonly string[], root: string): string[] {
  const cache = resolve(process.env['TEI_PIPELINE_CACHE']!);
  return opened.filter(
    (p) =>
      !isUnder(p, root) &&
      !isUnder(p, repoRoot) &&
      !isUnder(p, cache) &&
      !isUnder(p, dirname(dirname(process.execPath))),
  );
}

describe('no file outside the edition is read or published', () => {
  afterEach(() => {
    openProject(repoRoot); // leave the read gate as the other tests expect it
  });

  it('an unused prefixDef pointing outside: exit 1 at the attribute, the secret in no output (CLI)', async () => {
    const { root } = editionBesideSecret('../../outside/secret.xml#$1');
    const r = await runCli(root, ['build', '--format', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as {
      diagnostics: { ruleId: string; line: number; column: number; file: string }[];
    };
    const found = diagnostics.filter((d) => d.ruleId === 'tei/prefix-def-inside');
    expect(found).toHaveLength(1);
    const line =
      recordWithPrefix('../../outside/secret.xml#$1')
        .split('\n')
        .findIndex((l) => l.includes('ident="zzz"')) + 1;
    expect(found[0]).toMatchObject({ file: `tei/${RECORD_ID}.xml`, line });
    for (const e of readdirSync(join(root, 'out'), { recursive: true, withFileTypes: true })) {
      if (e.isFile()) expect(readFileSync(join(e.parentPath, e.name), 'utf8'), e.name).not.toContain(SECRET_NAME);
    }
  });

  it.each([
    ['an absolute path', (secret: string) => `${secret}#$1`],
    ['a file: URI', (secret: string) => `file://${secret}#$1`],
    ['dots as %2e%2e', () => '%2e%2e/%2e%2e/outside/secret.xml#$1'],
    ['Windows separators', () => '..\\..\\outside\\secret.xml#$1'],
    ['a symlink inside tei/ that leads out', () => 'register/link.xml#$1'],
  ])(
    '%s: refused at the attribute; validation opens nothing outside the edition and the package',
    async (_name, pattern) => {
      const { root, secret } = editionBesideSecret('PLACEHOLDER');
      writeFileSync(join(root, 'tei', `${RECORD_ID}.xml`), recordWithPrefix(pattern(secret)));
      symlinkSync(secret, join(root, 'tei', 'register', 'link.xml'));
      const project = openProject(root);
      const validator = await new WarmTools(project).validator();
      const { result: docs, opened } = await opensDuring(() =>
        validator.validate([join(root, 'tei', `${RECORD_ID}.xml`)]),
      );
      const found = docs.flatMap((d) => d.diagnostics).filter((d) => d.ruleId === 'tei/prefix-def-inside');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toMatch(/^Unexpected @replacementPattern /);
      expect(outsiders(opened, root)).toEqual([]);
      expect(opened).not.toContain(secret);
    },
  );

  it('a full build of the record opens only files of the edition and the package', async () => {
    const root = tempProject({}, { withRecord: true });
    const project = openProject(root);
    const { result, opened } = await opensDuring(() => buildEdition(project, new WarmTools(project), { force: true }));
    expect(result.outputs.get(`html/${RECORD_ID}.html`)).toBeDefined();
    expect(opened.length).toBeGreaterThan(0);
    expect(outsiders(opened, root)).toEqual([]);
  });

  it('a document cannot make the stylesheets read a file outside the edition, even without a rule (the gate alone)', async () => {
    const { root, secret } = editionBesideSecret('../../outside/secret.xml#$1');
    const project = openProject(root);
    const tools = new WarmTools(project);
    const sefs = await tools.stylesheets();
    const { SourceDocument } = await import('../../src/core/document.js');
    const { renderCorpus, documentPool } = await import('../../src/transform/render.js');
    const { parseForSaxon } = await import('../../src/transform/saxon.js');
    const path = join(root, 'tei', `${RECORD_ID}.xml`);
    const doc = new SourceDocument(path, `tei/${RECORD_ID}.xml`, readFileSync(path, 'utf8'));
    doc.saxonDoc = await parseForSaxon(doc.text, path);
    const { watchReads } = await import('../../src/core/read-gate.js');
    const asked: [string, boolean][] = [];
    const stop = watchReads((target, allowed) => asked.push([target, allowed]));
    const { result: outputs, opened } = await opensDuring(async () =>
      renderCorpus({ documents: [doc] }, sefs, documentPool([]), doc),
    );
    stop();
    expect(opened).not.toContain(secret);
    expect(outputs, JSON.stringify(doc.diagnostics)).not.toBeNull();
    expect(asked).toContainEqual([secret, false]);
    for (const [name, content] of outputs!) expect(content, name).not.toContain(SECRET_NAME);
    expect(outputs!.get('html/persons.html')).toContain('Brezhnev');
  });
});
