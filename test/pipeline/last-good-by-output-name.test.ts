import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, expectNoCrash } from '../support/cli.js';

const OUTPUTS = [
  'html/letter-a.html',
  'text/letter-a.txt',
  'text/letter-a.diplomatic.txt',
  'cite/letter-a.csl.json',
  'cite/letter-a.bib',
  'cite/letter-a.ris',
  'cite/letter-a.cff',
];

/**
 * An edition that does not name files by id (idEqualsFileName false): Letter-A.xml has outputs named
 * letter-a.*, as the stylesheets name them (its xml:id, or its file name in lower case). The build's
 * bookkeeping is by file, its outputs by that name: both must agree on which outputs are the document's.
 */
describe('a document whose outputs are not named as its file', async () => {
  it('keeps its last good outputs while it fails (build, build --force, check), updates them when fixed, removes them when deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-lastgood-'));
    expect((await runCli(dir, ['init', '.', '--quiet'])).code).toBe(0);
    const configFile = join(dir, 'tei-pipeline.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, idEqualsFileName: false }, null, 2));
    const letter = join(dir, 'tei', 'Letter-A.xml');
    renameSync(join(dir, 'tei', 'sample-letter.xml'), letter);
    const good = readFileSync(letter, 'utf8').replace('xml:id="sample-letter"', 'xml:id="letter-a"');
    expect(good).toContain('xml:id="letter-a"');
    writeFileSync(letter, good);
    const out = (p: string) => join(dir, 'out', p);

    const first = await runCli(dir, ['build']);
    expectNoCrash(first);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const p of OUTPUTS) expect(existsSync(out(p)), p).toBe(true);
    const lastGood = readFileSync(out('html/letter-a.html'), 'utf8');

    // Broken: a date that is no calendar day (tei/date-iso, an error) in a new paragraph.
    writeFileSync(letter, good.replace('<p xml:id="p1">', '<p xml:id="p1">On <date when="1977-02-30">a day</date> '));
    for (const args of [['build'], ['build', '--force']]) {
      const broken = await runCli(dir, args);
      expectNoCrash(broken);
      expect(broken.code, args.join(' ')).toBe(1);
      expect(broken.stderr).toMatch(/^tei\/Letter-A\.xml:\d+:\d+: error: .*\[tei\/date-iso\]/m);
      expect(broken.stdout).not.toMatch(/^removed /m);
      for (const p of OUTPUTS) expect(existsSync(out(p)), `${args.join(' ')}: ${p}`).toBe(true);
      expect(readFileSync(out('html/letter-a.html'), 'utf8')).toBe(lastGood);
    }
    // check builds without the cache: the kept outputs are the document's, not outputs nothing produces.
    const checked = await runCli(dir, ['check']);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/\[tei\/date-iso\]/);
    expect(checked.stderr).not.toMatch(/\[build\/stale\]/);

    // Fixed, with a new word: the outputs are rendered again.
    writeFileSync(letter, good.replace('<p xml:id="p1">', '<p xml:id="p1">Zanzibar. '));
    const fixed = await runCli(dir, ['build']);
    expect(fixed.code).toBe(0);
    expect(readFileSync(out('html/letter-a.html'), 'utf8')).toContain('Zanzibar.');
    expect(readFileSync(out('text/letter-a.txt'), 'utf8')).toContain('Zanzibar.');
    expect((await runCli(dir, ['check'])).code).toBe(0);

    // Deleted: its outputs go.
    rmSync(letter);
    const deleted = await runCli(dir, ['build']);
    expect(deleted.code).toBe(0);
    for (const p of OUTPUTS) expect(existsSync(out(p)), p).toBe(false);
    expect(deleted.stdout).toContain('removed out/html/letter-a.html');
  }, 240_000);
});
