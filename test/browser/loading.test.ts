import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSuite,
  fileUrl,
  guardedContext,
  haveChromium,
  launchBrowser,
  OUT,
  PAGES,
  type GuardedContext,
} from './support/browser.js';
import { serve, type StaticServer } from './support/server.js';

// Every page of the committed build, over http from 127.0.0.1 and from file://: it loads its
// stylesheet and nothing else, logs no error, and nothing leaves the machine.
describe.skipIf(!haveChromium)(browserSuite('pages load cleanly'), () => {
  let browser: Browser;
  let server: StaticServer;
  let guard: GuardedContext;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serve(OUT)]);
    guard = await guardedContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the record and the corpus pages in out/html', () => {
    expect(PAGES).toEqual(
      expect.arrayContaining([
        'dobrynin-vance-1977-02-26.html',
        'index.html',
        'persons.html',
        'places.html',
        'orgs.html',
      ]),
    );
  });

  for (const [how, url] of [
    ['over http from 127.0.0.1', (p: string) => `${server.origin}/html/${p}`],
    ['from file://', (p: string) => fileUrl(p)],
  ] as const) {
    it(`${how}: no console error, no failed request, no request beyond 127.0.0.1 and file://, styled`, async () => {
      const before = guard.requests.length;
      for (const page of PAGES) {
        const p = await guard.open(url(page));
        // The stylesheet applied: the body has the edition's paper colour, not the default white.
        expect(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), page).toBe(
          'rgb(255, 253, 248)',
        );
        expect(await p.evaluate(() => document.querySelectorAll('script').length), `${page}: script elements`).toBe(0);
        await p.close();
      }
      // Each page, its stylesheet, and nothing else (no fonts, icons, scripts, images).
      const requested = new Set(guard.requests.slice(before).map((r) => r.replace(/^.*\/html\//, '')));
      expect(requested).toEqual(new Set([...PAGES, 'assets/edition.css']));
      expect(guard.problems()).toEqual([]);
    });
  }

  it('the server answers 404 for a missing file and for a path that climbs out of out/', async () => {
    // Raw paths: fetch() would normalise the dots away before sending.
    for (const path of [
      '/html/no-such-page.html',
      '/../package.json',
      '/html/../../package.json',
      '/html/..%2f..%2fpackage.json',
      '/%2e%2e/README.md',
    ]) {
      expect(await rawStatus(server.origin, path), path).toBe(404);
    }
    expect(await rawStatus(server.origin, '/html/../html/index.html')).toBe(200);
    const css = await fetch(`${server.origin}/html/assets/edition.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});

function rawStatus(origin: string, path: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    })
      .on('error', fail)
      .end();
  });
}
