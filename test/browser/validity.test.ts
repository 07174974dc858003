import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { OUT_HTML } from './support/browser.js';
import { renderHostile, type HostileBuild } from './support/hostile.js';

// The W3C Nu HTML Checker (vnu-jar's vnu.jar on the machine's Java): every generated page, once.
const VNU = join(repoRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const haveJava = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;
const title = haveJava
  ? 'every generated page passes the W3C Nu HTML Checker'
  : 'every generated page passes the W3C Nu HTML Checker — SKIPPED: no java; install a JRE (apt-get install -y openjdk-17-jre-headless; .ci/run does)';

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

/** vnu's messages, by file; it writes its JSON report on stderr. */
function vnu(files: string[]): Promise<Map<string, VnuMessage[]>> {
  return new Promise((ok, fail) => {
    const child = spawn('java', ['-Xss4m', '-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', () => {
      try {
        const report = JSON.parse(out.slice(out.indexOf('{'))) as { messages: VnuMessage[] };
        const byFile = new Map<string, VnuMessage[]>(files.map((f) => [pathToFileURL(f).href, []]));
        for (const m of report.messages) {
          const key = m.url?.replace(/^file:\/(?!\/)/, 'file:///') ?? '';
          byFile.set(key, [...(byFile.get(key) ?? []), m]);
        }
        ok(byFile);
      } catch (e) {
        fail(new Error(`vnu gave no JSON report: ${out.slice(0, 2000)}`, { cause: e }));
      }
    });
  });
}

describe.skipIf(!haveJava)(title, () => {
  let hostile: HostileBuild;
  let scratch: string;
  let control: string;
  let results: Map<string, VnuMessage[]>;
  const pages: string[] = [];

  beforeAll(async () => {
    hostile = await renderHostile();
    scratch = mkdtempSync(join(tmpdir(), 'tei-pipeline-vnu-'));
    // A page with known errors: shows that the checker ran and that its errors reach the test.
    control = join(scratch, 'control-invalid.html');
    writeFileSync(
      control,
      '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p id="a">1</p><p id="a">2</p><a href="#x y">z</a></body></html>\n',
    );
    pages.push(
      ...readdirSync(OUT_HTML)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(OUT_HTML, f)),
      ...hostile.pages.map((f) => join(hostile.out, 'html', f)),
      ...readdirSync(join(repoRoot, 'test', 'fixtures'))
        .filter((d) => d.startsWith('golden-'))
        .flatMap((d) =>
          readdirSync(join(repoRoot, 'test', 'fixtures', d, 'expected', 'html')).map((f) =>
            join(repoRoot, 'test', 'fixtures', d, 'expected', 'html', f),
          ),
        ),
    );
    results = await vnu([...pages, control]);
  });
  afterAll(() => {
    hostile?.remove();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('the checker reports the errors of a page known to be invalid', () => {
    const errors = results.get(pathToFileURL(control).href) ?? [];
    expect(errors.map((m) => m.message).join('\n')).toMatch(/Duplicate ID/);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  it('0 errors on every page: out/html, the hostile-content pages, the golden HTML', () => {
    expect(pages.length).toBeGreaterThanOrEqual(11);
    const found: string[] = [];
    for (const page of pages) {
      const name = page.startsWith(hostile.out) ? `(hostile) ${relative(hostile.out, page)}` : relative(repoRoot, page);
      for (const m of results.get(pathToFileURL(page).href) ?? [])
        found.push(
          `${name}:${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.type}: ${m.message}`,
        );
    }
    const unattributed = [...results.keys()].filter(
      (k) => k !== pathToFileURL(control).href && !pages.some((p) => pathToFileURL(p).href === k),
    );
    expect(unattributed, 'messages vnu gave for no page of the list').toEqual([]);
    expect(found).toEqual([]);
  });
});
