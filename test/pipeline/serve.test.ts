import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type LiveServer } from '../../src/pipeline/serve.js';
import { repoRoot } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

// The preview as `watch` serves it: all of out/ under one root, so that every link of every page
// (to the registers, the citation files, the assets) works as it will on a static host.
const out = mkdtempSync(join(tmpdir(), 'tei-pipeline-serve-'));
cpSync(join(repoRoot, 'out'), out, { recursive: true });
// A deposit, when one was built, is served too (out/deposit/ is not committed).
mkdirSync(join(out, 'deposit'), { recursive: true });
writeFileSync(join(out, 'deposit', `${RECORD_ID}.zip`), Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'binary'));
let server: LiveServer;

beforeAll(async () => {
  server = await serve(out, 0, true, 'html/');
});
afterAll(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

/** The links and resources of an HTML page: href and src values, with their fragment. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('the preview server', () => {
  it('opens on the reading edition', async () => {
    const res = await fetch(server.url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/html/');
    expect((await fetch(server.url)).url).toBe(server.url + 'html/');
  });

  it('follows every link of every served page to a 200, and every fragment to an id on its page', async () => {
    const origin = new URL(server.url).origin;
    const seen = new Map<string, number>();
    const pages = new Map<string, string>();
    const queue = [server.url + 'html/'];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const res = await fetch(url);
      seen.set(url, res.status);
      const body = await res.text();
      if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      pages.set(url, body);
      for (const link of linksOf(body)) {
        const target = new URL(link, url);
        if (target.origin !== origin) continue; // the licence, the DC schema: not ours to serve
        const page = target.origin + target.pathname;
        if (target.hash) queue.push(page);
        else queue.push(target.href);
      }
    }
    // Every fragment names an id of the page it points to.
    for (const [url, body] of pages) {
      for (const link of linksOf(body)) {
        const target = new URL(link, url);
        if (target.origin !== origin || !target.hash) continue;
        const page = pages.get(target.origin + target.pathname);
        const id = decodeURIComponent(target.hash.slice(1));
        if (!page?.includes(`id="${id}"`)) broken.push(`${url} -> ${link} (no such id)`);
      }
    }
    const failed = [...seen].filter(([, status]) => status !== 200).map(([u, s]) => `${u}: ${s}`);
    expect(failed).toEqual([]);
    expect(broken).toEqual([]);
    const paths = [...seen.keys()].map((u) => new URL(u).pathname);
    // What the issue found broken: the "Cite this document" links.
    for (const ext of ['bib', 'ris', 'csl.json', 'cff']) expect(paths).toContain(`/cite/${RECORD_ID}.${ext}`);
    expect(paths).toContain('/html/assets/edition.css');
    expect(paths).toContain('/html/persons.html');
  });

  it('serves the plain text and a built deposit', async () => {
    const txt = await fetch(server.url + `text/${RECORD_ID}.txt`);
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const zip = await fetch(server.url + `deposit/${RECORD_ID}.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
  });

  it('serves nothing outside the output folder', async () => {
    for (const path of ['../package.json', '%2e%2e/package.json', '..%2fpackage.json', 'html/../../package.json']) {
      expect((await fetch(server.url + path)).status, path).toBe(404);
    }
  });
});
