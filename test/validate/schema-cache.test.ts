import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChecked, writeChecked } from '../../src/transform/load-saxon-js.js';
import { SchemaCache } from '../../src/validate/schema-cache.js';
import { repoRoot } from '../support/cli.js';

const entries = (dir: string) => readdirSync(join(dir, 'schema')).map((f) => join(dir, 'schema', f));

describe('the schema cache', () => {
  it('derives once per schema text, then reads the stored result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-cache-'));
    let derived = 0;
    const derive = () => ({ n: ++derived });
    expect(new SchemaCache(dir).get('kind', 'text A', derive)).toEqual({ n: 1 });
    // Another process (a new cache object) reads what the first stored.
    expect(new SchemaCache(dir).get('kind', 'text A', derive)).toEqual({ n: 1 });
    expect(new SchemaCache(dir).get('kind', 'text B', derive)).toEqual({ n: 2 });
    expect(new SchemaCache(dir).get('other kind', 'text A', derive)).toEqual({ n: 3 });
    expect(derived).toBe(3);
    // Written whole, no temp file left.
    expect(entries(dir).every((f) => f.endsWith('.json'))).toBe(true);
  });

  it('ignores an entry that is truncated, not JSON, or under another key, and writes it again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-cache-'));
    const cache = new SchemaCache(dir);
    cache.get('kind', 'text', () => 'first');
    const [file] = entries(dir);
    for (const damage of ['{"key":"', 'not json', JSON.stringify({ key: 'another key', value: 'stale' })]) {
      writeFileSync(file!, damage);
      expect(cache.get('kind', 'text', () => 'again')).toBe('again');
      expect(JSON.parse(readFileSync(file!, 'utf8')).value).toBe('again');
    }
  });

  it('removes the entries of a kind that another build of the tool wrote, when this build writes one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-cache-'));
    new SchemaCache(dir).get('kind', 'text A', () => 'a');
    const [mine] = entries(dir);
    // As an upgrade leaves them: the same kind under another tool fingerprint, and another kind.
    const older = join(dir, 'schema', 'kind@0123456789ab@feed.json');
    const otherKind = join(dir, 'schema', 'other@0123456789ab@feed.json');
    for (const f of [older, otherKind]) writeFileSync(f, '{}');
    // Reading leaves everything as it is; writing a new entry of the kind removes the other build's.
    new SchemaCache(dir).get('kind', 'text A', () => 'not derived');
    expect(entries(dir).sort()).toEqual([older, mine!, otherKind].sort());
    new SchemaCache(dir).get('kind', 'text B', () => 'b');
    expect(entries(dir)).toHaveLength(3);
    expect(entries(dir)).not.toContain(older);
    expect(entries(dir)).toContain(mine);
    expect(entries(dir)).toContain(otherKind);
  });

  it('stores nothing without a folder (validate outside an edition)', () => {
    let derived = 0;
    const cache = new SchemaCache(null);
    cache.get('kind', 'text', () => ++derived);
    cache.get('kind', 'text', () => ++derived);
    expect(derived).toBe(2);
  });
});

describe("saxon-js's code cache file", () => {
  it('gives back what was written, and nothing when a byte changed or the file is cut short', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'code-cache-')), 'sub', 'cache.bin');
    const payload = Buffer.from('compiled code '.repeat(100));
    writeChecked(file, payload);
    expect(readChecked(file)?.equals(payload)).toBe(true);
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(file, bytes);
    expect(readChecked(file)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, 20));
    expect(readChecked(file)).toBeUndefined();
    expect(readChecked(join(file, 'absent'))).toBeUndefined();
  });

  // V8 refuses code cached under other flags, and the command line sets one for the commands that render
  // (core/heap-growth.ts): were the caches one file, each kind of process would throw the other's away.
  it("is named by the V8 flags the process set: a paced command's kept from run to run, apart from validate's and a library host's", () => {
    const cache = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const env = { ...process.env, TEI_PIPELINE_CACHE: cache };
    const record = join(repoRoot, 'tei', 'dobrynin-vance-1977-02-26.xml');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin', 'tei-pipeline.js'), ...args, '--quiet'], {
        env,
        cwd: repoRoot,
      });
    const code = join(cache, 'code');
    // validate sets no flag: the cache a library host would use.
    expect(cli('validate', record).status).toBe(0);
    const [unpaced] = readdirSync(code);
    expect(unpaced).toMatch(/^saxon-js-.*\.bin$/);
    expect(unpaced).not.toMatch(/-flags-/);
    // check renders, paced: a cache of its own.
    expect(cli('check').status).toBe(0);
    const own = readdirSync(code).find((f) => f !== unpaced)!;
    expect(own).toMatch(/-flags-[0-9a-f]{8}(-xslt)?\.bin$/);
    const written = statSync(join(code, own)).mtimeMs;
    const unpacedWritten = statSync(join(code, unpaced!)).mtimeMs;
    // A host that loads the pipeline as a library (no flags set) takes validate's.
    const host = `import(${JSON.stringify(join(repoRoot, 'dist', 'transform', 'saxon.js'))}).then((m) => m.saxonJs())`;
    expect(spawnSync(process.execPath, ['-e', host], { env }).status).toBe(0);
    expect(readdirSync(code).sort()).toEqual([own, unpaced].sort());
    // Each was accepted by the next run of its kind, not thrown away and written again.
    expect(cli('check').status).toBe(0);
    expect(cli('validate', record).status).toBe(0);
    expect(statSync(join(code, own)).mtimeMs).toBe(written);
    expect(statSync(join(code, unpaced!)).mtimeMs).toBe(unpacedWritten);
  });

  // A long build's cache written at its end is small (V8 has flushed most bytecode by then) and made later
  // builds slower and larger: a thread that transforms writes it once it has run a few transforms.
  it('is written by a thread that runs XSLT after its first few transforms, not at its end, and preferred after', () => {
    const cache = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const env = { ...process.env, TEI_PIPELINE_CACHE: cache };
    const code = join(cache, 'code');
    const loader = JSON.stringify(join(repoRoot, 'dist', 'transform', 'load-saxon-js.js'));
    const saxon = JSON.stringify(join(repoRoot, 'dist', 'transform', 'saxon.js'));
    // XPath only: the plain cache, at the end.
    const xpath = `import(${saxon}).then((m) => m.saxonJs().XPath.evaluate('1 + 1'))`;
    expect(spawnSync(process.execPath, ['-e', xpath], { env }).status).toBe(0);
    const plain = readdirSync(code);
    expect(plain).toHaveLength(1);
    // Transforms: after the fourth, before the process ends, the XSLT cache is there.
    const transforms = `Promise.all([import(${saxon}), import(${loader})]).then(([s, l]) => {
      s.saxonJs();
      const seen = () => require('node:fs').readdirSync(${JSON.stringify(code)}).length;
      for (let i = 0; i < 4; i++) l.noteTransform();
      const before = seen();
      l.noteTransform();
      process.stdout.write(before + ' ' + seen());
    })`;
    const run = spawnSync(process.execPath, ['-e', transforms], { env, encoding: 'utf8' });
    expect(run.stdout).toBe('1 2');
    const xslt = readdirSync(code).find((f) => f.endsWith('-xslt.bin'))!;
    expect(xslt).toBe(plain[0]!.replace(/\.bin$/, '-xslt.bin'));
    // Loaded first from then on: a process that transforms again writes nothing.
    const written = statSync(join(code, xslt)).mtimeMs;
    expect(spawnSync(process.execPath, ['-e', transforms], { env, encoding: 'utf8' }).stdout).toBe('2 2');
    expect(statSync(join(code, xslt)).mtimeMs).toBe(written);
  });
});
