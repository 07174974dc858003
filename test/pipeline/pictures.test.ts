import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localLinks } from '../../src/deposit/payload.js';
import { openEdition } from '../../src/config/open-edition.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { runCli, expectNoCrash, repoRoot } from '../support/cli.js';

// A picture's bytes as a PNG starts, with a NUL: copied as bytes, never as text.
const PLATE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x01]);
const SECRET = 'outside-secret-picture-content';

const FIGURES = [
  '<figure><head>Plate one</head><graphic url="images/plate-1.png"/><figDesc>The first plate</figDesc></figure>',
  '<p>A loose picture: <graphic url="images/plate%202.png"/></p>',
  '<figure><graphic url="images/missing.png"/></figure>',
  '<figure><graphic url="../../secret.png"/></figure>',
  '<figure><graphic url="images/link.png"/></figure>',
  '<figure><graphic url="https://example.org/plate.png"/><figDesc>A plate elsewhere</figDesc></figure>',
].join('\n');

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): string {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** Every file under a folder, relative to it. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => posix.relative(dir, join(e.parentPath, e.name)));

describe('pictures (figure/graphic)', async () => {
  it('copies the files of the edition next to the page, links web addresses, shows nothing for any other and says where', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tei-pipeline-pictures-'));
    const dir = join(parent, 'edition');
    expect((await runCli(parent, ['init', 'edition', '--quiet'])).code).toBe(0);
    // No schema: the project schema has no figure; the rules still run.
    const configFile = join(dir, 'tei-pipeline.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, schemas: [], schematron: [] }, null, 2));
    mkdirSync(join(dir, 'tei', 'images'));
    writeFileSync(join(dir, 'tei', 'images', 'plate-1.png'), PLATE);
    writeFileSync(join(dir, 'tei', 'images', 'plate 2.png'), PLATE.subarray(0, 8));
    // Outside the edition, and a link inside it that leads there.
    writeFileSync(join(parent, 'secret.png'), SECRET);
    symlinkSync(join(parent, 'secret.png'), join(dir, 'tei', 'images', 'link.png'));
    const docFile = join(dir, 'tei', 'sample-letter.xml');
    const original = readFileSync(docFile, 'utf8');
    const doc = original.replace('<p xml:id="p1">', `${FIGURES}\n<p xml:id="p1">`);
    expect(doc).not.toBe(original);
    writeFileSync(docFile, doc);

    const built = await runCli(dir, ['build']);
    expectNoCrash(built);
    expect(built.code).toBe(0);
    // Each picture that is not published is a warning at its @url.
    for (const [url, reason] of [
      ['images/missing.png', 'no such file images/missing.png in the edition'],
      ['../../secret.png', "it leads outside the edition's documents folder tei/"],
      ['images/link.png', 'no such file images/link.png in the edition'],
    ])
      expect(built.stderr).toContain(
        `tei/sample-letter.xml:${at(doc, `url="${url}"`)}: warning: Unexpected graphic URL "${url}": ${reason}`,
      );
    expect(built.stderr.match(/\[tei\/graphic-resolves\]/g)).toHaveLength(3);

    const out = join(dir, 'out');
    const copy = join(out, 'html', 'images', 'sample-letter', 'images', 'plate-1.png');
    expect(readFileSync(copy)).toEqual(PLATE);
    expect(readFileSync(join(out, 'html', 'images', 'sample-letter', 'images', 'plate 2.png'))).toEqual(
      PLATE.subarray(0, 8),
    );
    const html = readFileSync(join(out, 'html', 'sample-letter.html'), 'utf8');
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs).toEqual([
      '<img class="tei-graphic" src="images/sample-letter/images/plate-1.png" alt="The first plate">',
      '<img class="tei-graphic" src="images/sample-letter/images/plate%202.png" alt="" role="presentation">',
    ]);
    // Every picture and link of the page is there; the web picture is a link, not loaded.
    for (const link of localLinks(html, 'html')) expect(existsSync(join(out, link)), link).toBe(true);
    expect(html).toContain('<a class="tei-graphic" href="https://example.org/plate.png">A plate elsewhere</a>');
    expect(html).not.toMatch(/missing\.png|secret|link\.png/);
    for (const f of filesUnder(out)) expect(readFileSync(join(out, f), 'utf8'), f).not.toContain(SECRET);

    // check knows the copies: up to date, then stale when the picture changes, until built again.
    expect((await runCli(dir, ['check'])).code).toBe(0);
    writeFileSync(join(dir, 'tei', 'images', 'plate-1.png'), Buffer.concat([PLATE, PLATE]));
    const stale = await runCli(dir, ['check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /out\/html\/images\/sample-letter\/images\/plate-1\.png:1:1: error: Unexpected stale copy.*\[build\/stale\]/,
    );
    const rebuilt = await runCli(dir, ['build']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('wrote out/html/images/sample-letter/images/plate-1.png');
    expect(readFileSync(copy)).toEqual(Buffer.concat([PLATE, PLATE]));
    expect((await runCli(dir, ['check'])).code).toBe(0);

    // A bag holds the picture twice: beside the page, and beside the TEI document where its @url leads.
    const deposited = await runCli(dir, ['deposit']);
    expectNoCrash(deposited);
    expect(deposited.code).toBe(0);
    const bag = join(out, 'deposit', 'sample-letter', 'data');
    expect(readFileSync(join(bag, 'html', 'images', 'sample-letter', 'images', 'plate-1.png'))).toEqual(
      Buffer.concat([PLATE, PLATE]),
    );
    expect(readFileSync(join(bag, 'tei', 'images', 'plate-1.png'))).toEqual(Buffer.concat([PLATE, PLATE]));
    const bagHtml = readFileSync(join(bag, 'html', 'sample-letter.html'), 'utf8');
    for (const link of localLinks(bagHtml, 'html')) expect(existsSync(join(bag, link)), link).toBe(true);
    const manifest = readFileSync(join(out, 'deposit', 'sample-letter', 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain('data/html/images/sample-letter/images/plate 2.png');

    // While the document fails, its page and its pictures keep their last good version.
    writeFileSync(docFile, doc.replace('<p xml:id="p1">', '<p xml:id="p1"><date when="1977-02-30">x</date>'));
    for (const args of [['build'], ['build', '--force']]) {
      expect((await runCli(dir, args)).code, args.join(' ')).toBe(1);
      expect(existsSync(copy), args.join(' ')).toBe(true);
    }
    // A picture the document no longer shows is removed with the next good build.
    writeFileSync(docFile, doc.replace('<graphic url="images/plate-1.png"/>', ''));
    const without = await runCli(dir, ['build']);
    expect(without.code).toBe(0);
    expect(without.stdout).toContain('removed out/html/images/sample-letter/images/plate-1.png');
    expect(existsSync(copy)).toBe(false);
    // The folders it leaves empty go with it; the other picture's stay.
    expect(existsSync(join(out, 'html', 'images', 'sample-letter', 'images', 'plate 2.png'))).toBe(true);
    expect(readFileSync(join(out, 'html', 'sample-letter.html'), 'utf8')).not.toContain('plate-1.png');
    // With no picture left, no folder of pictures is left either.
    writeFileSync(docFile, original);
    expect((await runCli(dir, ['build'])).code).toBe(0);
    expect(existsSync(join(out, 'html', 'images'))).toBe(false);
    expect(existsSync(join(out, 'html', 'sample-letter.html'))).toBe(true);
  }, 400_000);

  it('gives each document rendered on worker threads its own pictures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-pictures-workers-'));
    expect((await runCli(dir, ['init', '.', '--quiet'])).code).toBe(0);
    const configFile = join(dir, 'tei-pipeline.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, schemas: [], schematron: [] }, null, 2));
    const sample = readFileSync(join(dir, 'tei', 'sample-letter.xml'), 'utf8');
    mkdirSync(join(dir, 'tei', 'images'));
    // Enough documents that the build renders them on worker threads (render-documents.ts WORKERS_FROM).
    const ids = Array.from({ length: 8 }, (_, i) => `letter-${i + 1}`);
    for (const [i, id] of ids.entries()) {
      writeFileSync(join(dir, 'tei', 'images', `${id}.png`), Buffer.concat([PLATE, Buffer.from([i])]));
      writeFileSync(
        join(dir, 'tei', `${id}.xml`),
        sample
          .replaceAll('sample-letter', id)
          .replace(
            '<p xml:id="p1">',
            `<p><graphic url="images/${id}.png"><desc>Plate ${i}</desc></graphic></p>\n<p xml:id="p1">`,
          ),
      );
    }
    process.env['TEI_PIPELINE_CACHE'] ??= join(repoRoot, '.cache', 'tei-pipeline');
    const { project } = openEdition(dir)!;
    const build = await buildEdition(project, new WarmTools(project), { force: true, jobs: 2 });
    expect(build.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity !== 'info')).toEqual([]);
    for (const [i, id] of ids.entries()) {
      expect(build.outputs.get(`html/images/${id}/images/${id}.png`), id).toEqual(
        new Uint8Array(Buffer.concat([PLATE, Buffer.from([i])])),
      );
      expect(build.outputs.get(`html/${id}.html`), id).toContain(
        `<img class="tei-graphic" src="images/${id}/images/${id}.png" alt="Plate ${i}">`,
      );
    }
  }, 400_000);
});
