import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { watchEdition, type EditionWatcher, type Rebuild } from '../../src/pipeline/watch.js';
import { repoRoot, tempProject } from '../support/cli.js';
import {
  browserSuite,
  guardedContext,
  haveChromium,
  launchBrowser,
  RECORD_PAGE,
  type GuardedContext,
} from './support/browser.js';

// `watch` as an editor meets it: the page open in the browser shows an invalid save's diagnostics
// over the last good text, and reloads by itself once the save is valid again.
describe.skipIf(!haveChromium)(browserSuite('watch in the browser'), () => {
  const root = tempProject({}, { withRecord: true });
  const project = { ...openProject(root), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
  const doc = join(root, 'tei', RECORD_PAGE.replace(/\.html$/, '.xml'));
  const original = readFileSync(doc, 'utf8');
  const builds: Rebuild[] = [];
  let watcher: EditionWatcher;
  let browser: Browser;
  let guard: GuardedContext;
  const builtAfter = async (n: number) => {
    for (let i = 0; i < 600 && builds.length <= n; i++) await new Promise((r) => setTimeout(r, 50));
    expect(builds.length).toBeGreaterThan(n);
  };

  beforeAll(async () => {
    watcher = await watchEdition(project, {
      port: 0,
      onBuild: (b) => builds.push(b),
      onError: (e) => {
        throw e;
      },
    });
    await builtAfter(0);
    browser = await launchBrowser();
    guard = await guardedContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await watcher?.close();
  });

  it('shows the diagnostics of an invalid save in the open page, then reloads when the save is valid', async () => {
    const page = await guard.open(watcher.server.url + 'html/' + RECORD_PAGE);
    const before = builds.length;
    writeFileSync(doc, original.replace('</TEI>', '<oops></TEI>'));
    await builtAfter(before);
    const box = page.locator('#tei-pipeline-diagnostics');
    await expect.poll(() => box.textContent(), { timeout: 10_000 }).toMatch(/xml\/not-well-formed/);
    expect(await box.getAttribute('role')).toBe('alert');
    // The last good text is still what the page shows.
    expect(await page.locator('#p1').textContent()).toMatch(/asked him to pass on as directed/);

    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    writeFileSync(doc, original.replace('asked him to pass on as directed', 'asked him to pass on, as directed,'));
    await reloaded;
    await expect.poll(() => page.locator('#p1').textContent(), { timeout: 10_000 }).toMatch(/pass on, as directed,/);
    expect(await page.locator('#tei-pipeline-diagnostics').count()).toBe(0);
    // The reload ends the open event stream; that aborted request is the reload itself, not a fault.
    expect(guard.problems().filter((p) => !/__tei-pipeline\/events \(net::ERR_ABORTED\)$/.test(p))).toEqual([]);
  });
});
