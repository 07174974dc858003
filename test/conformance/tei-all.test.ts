import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { repoRoot } from '../support/cli.js';

// The official TEI P5 schema is not ours to commit: its path comes from TEI_ALL_RNG.
const teiAll = resolve(repoRoot, process.env['TEI_ALL_RNG'] ?? '../shared/tei/tei_all.rng');
const haveTeiAll = existsSync(teiAll);
const haveJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
const projectRng = join(repoRoot, 'tei', 'schema', 'tei-project.rng');

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Files each schema accepts, by one xmllint-wasm batch per schema. */
async function accepted(schemaPath: string, files: string[]): Promise<Set<string>> {
  const names = files.map((_, i) => `f${i}.xml`);
  const result = await validateXML({
    xml: files.map((f, i) => ({ fileName: names[i]!, contents: readFileSync(f, 'utf8') })),
    schema: [{ fileName: 'schema.rng', contents: readFileSync(schemaPath, 'utf8') }],
    extension: 'relaxng',
    initialMemoryPages: 64 * memoryPages.MiB,
    maxMemoryPages: memoryPages.GiB,
  });
  const failed = new Set(result.errors.map((e) => e.loc?.fileName ?? e.rawMessage.split(' ')[0]));
  return new Set(files.filter((_, i) => !failed.has(names[i]!)));
}

const edition = xmlFiles(join(repoRoot, 'tei'));
// Well-formed fixtures in the TEI namespace; the deliberately broken ones fail before any schema.
const fixtures = xmlFiles(join(repoRoot, 'test', 'fixtures')).filter((f) => {
  const t = readFileSync(f, 'utf8');
  return t.includes('xmlns="http://www.tei-c.org/ns/1.0"') && !t.includes('<!DOCTYPE');
});

const title = haveTeiAll
  ? `conformance with the official TEI P5 schema (${relative(repoRoot, teiAll)})`
  : `conformance with the official TEI P5 schema — SKIPPED: no ${teiAll}; set TEI_ALL_RNG to the path of tei_all.rng (TEI P5 4.12.0)`;

describe.skipIf(!haveTeiAll)(title, () => {
  it('every file of the edition is valid against the project schema and against tei_all', async () => {
    expect(edition.length).toBeGreaterThanOrEqual(4);
    const project = await accepted(projectRng, edition);
    const official = await accepted(teiAll, edition);
    expect(edition.filter((f) => !project.has(f)).map((f) => relative(repoRoot, f))).toEqual([]);
    expect(edition.filter((f) => !official.has(f)).map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it('nothing the project schema accepts is rejected by tei_all (every fixture)', async () => {
    const all = [...edition, ...fixtures];
    const project = await accepted(projectRng, all);
    const official = await accepted(teiAll, all);
    const looser = [...project].filter((f) => !official.has(f)).map((f) => relative(repoRoot, f));
    expect(looser).toEqual([]);
    expect(project.size).toBeGreaterThanOrEqual(edition.length);
  });

  it.skipIf(!haveJing)('jing, the reference validator, agrees on the edition', () => {
    for (const schema of [projectRng, teiAll]) {
      const out = spawnSync('jing', [schema, ...edition], { encoding: 'utf8' });
      expect(out.stdout, schema).toBe(''); // Debian's jing wrapper warns about optional jars on stderr
      expect(out.status).toBe(0);
    }
  });
});

// The project schema must be strict: it refuses what the edition does not use.
const haveXmllint = !spawnSync('xmllint', ['--version']).error;

describe('the project schema is a strict subset', () => {
  it.skipIf(!haveXmllint)(
    `refuses an element the edition does not use, and an unknown attribute${haveXmllint ? '' : ' — SKIPPED: xmllint is not installed (apt-get install -y libxml2-utils)'}`,
    () => {
      const record = readFileSync(join(repoRoot, 'tei', 'dobrynin-vance-1977-02-26.xml'), 'utf8');
      for (const bad of [
        record.replace('<p xml:id="p1"', '<p xml:id="p1"><app/></p><p'),
        record.replace('<p xml:id="p1"', '<p xml:id="p1" colour="red"'),
      ]) {
        const r = spawnSync('xmllint', ['--noout', '--relaxng', projectRng, '-'], { input: bad, encoding: 'utf8' });
        expect(r.status).not.toBe(0);
      }
    },
  );
});
