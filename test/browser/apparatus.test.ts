import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import {
  browserSuite,
  guardedContext,
  haveChromium,
  launchBrowser,
  OUT,
  RECORD_PAGE,
  type GuardedContext,
} from './support/browser.js';
import { serve, type StaticServer } from './support/server.js';

// What issue 14 asked the page to show a reader: where the text comes from (copy-text, published witnesses,
// presumed repository), the correspondence the letter belongs to, the sources of each note, the glossary the
// terms link to, and the register of agreements and negotiations the names point into. Expectations are read
// from the TEI where they can be, so the test follows the encoding rather than repeating it.
const TEI = readFileSync(join(repoRoot, 'tei', RECORD_PAGE.replace(/\.html$/, '.xml')), 'utf8');
const idsOf = (listType: string) => {
  const list = TEI.slice(
    TEI.indexOf(`<listBibl xml:id="${listType}"`),
    TEI.indexOf('</listBibl>', TEI.indexOf(`<listBibl xml:id="${listType}"`)),
  );
  return [...list.matchAll(/<bibl xml:id="([^"]+)"/g)].map((m) => m[1]!);
};
const LETTER_DATES = [
  ...TEI.slice(TEI.indexOf('<listBibl xml:id="correspondence"'), TEI.indexOf('<listBibl xml:id="references"')).matchAll(
    /<bibl xml:id="[^"]+"[^>]*><date when="([^"]+)"/g,
  ),
].map((m) => m[1]!);

const text = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

describe.skipIf(!haveChromium)(browserSuite('the scholarly apparatus'), () => {
  let browser: Browser;
  let server: StaticServer;
  let guard: GuardedContext;
  let record: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serve(OUT)]);
    guard = await guardedContext(browser);
    record = await guard.open(`${server.origin}/html/${RECORD_PAGE}`);
  });
  afterEach(() => expect(guard.problems()).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the copy-text first among the published witnesses, with its translator and how certain that is', async () => {
    const ids = await record.$$eval('#witnesses li', (lis) => lis.map((li) => li.id));
    expect(ids).toEqual(idsOf('witnesses'));
    const copyText = await text(record, '#cwihp-bulletin-5');
    expect(copyText).toMatch(/^Copy text: Cold War International History Project Bulletin, no\. 5 \(1995\)/);
    expect(copyText).toContain('Mark H. Doctoroff (attribution: medium certainty)');
    // The FRUS text of the letter is linked where it is published.
    expect(await record.locator('#frus-v06-d12 a').first().getAttribute('href')).toBe(
      'https://history.state.gov/historicaldocuments/frus1977-80v06/d12',
    );
  });

  it('shows the presumed repository as presumed, and keeps it out of the citation', async () => {
    expect(await text(record, '#about > dl:first-of-type')).toContain(
      'Presumed repository Russian Foreign Ministry archives, Moscow (presumed, not confirmed',
    );
    expect(await text(record, '#cite')).not.toContain('Russian Foreign Ministry');
    // No meta tag (Highwire, Dublin Core, Zotero's z.*) names it either.
    const metas = await record.$$eval('meta[content]', (ms) => ms.map((m) => m.getAttribute('content') ?? ''));
    expect(metas.length).toBeGreaterThan(5);
    expect(metas.filter((c) => c.includes('Russian Foreign Ministry'))).toEqual([]);
  });

  it('shows the correspondence in date order, with this letter marked as the current one', async () => {
    const chain = await record.$$eval('#correspondence ol.correspondence-chain > li', (lis) =>
      lis.map((li) => ({
        id: li.id,
        date: li.querySelector('time')?.getAttribute('datetime'),
        current: li.getAttribute('aria-current'),
      })),
    );
    expect(chain.map((c) => c.date)).toEqual([...LETTER_DATES].sort());
    expect(chain.filter((c) => c.current === 'true').map((c) => c.id)).toEqual(['brezhnev-1977-02-25']);
    // The letters the header's correspContext names before and after this one are in the chain.
    const context = [...TEI.matchAll(/<ref type="(prev|next)" target="#([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(context).toEqual([
      ['prev', 'carter-1977-02-14'],
      ['prev', 'brezhnev-1977-02-04'],
      ['next', 'carter-1977-03-04'],
    ]);
    const order = chain.map((c) => c.id);
    for (const [kind, id] of context)
      expect(
        kind === 'prev'
          ? order.indexOf(id!) < order.indexOf('brezhnev-1977-02-25')
          : order.indexOf(id!) > order.indexOf('brezhnev-1977-02-25'),
      ).toBe(true);
  });

  it('every footnote that rests on sources links them, and each link lands on a source list item or a register entry', async () => {
    const links = await record.$$eval('#notes .sources-of a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(10);
    const notesWithSource = [...TEI.matchAll(/<note type="editorial"[^>]*\bsource="/g)].length;
    expect(await record.locator('#notes li.footnote:has(.sources-of)').count()).toBe(notesWithSource);
    for (const href of links) {
      const u = new URL(href);
      if (u.pathname.endsWith(RECORD_PAGE))
        expect(await record.locator(`li[id="${decodeURIComponent(u.hash.slice(1))}"]`).count(), href).toBe(1);
      else expect(u.pathname).toMatch(/\/events\.html$/);
    }
  });

  it('a term links to its glossary entry, and clicking it goes there', async () => {
    const term = record.locator('#letter-p6 a[href="#term-alcm"]');
    expect(await term.innerText()).toBe('ALCM');
    await term.click();
    expect(await record.evaluate(() => document.querySelector(':target')?.textContent?.trim())).toBe('ALCM');
    expect(await text(record, '#term-alcm + dd')).toMatch(/^air-launched cruise missile/);
    const terms = await record.$$eval('#text a[href^="#term-"]', (as) =>
      as.map((a) => a.getAttribute('href')!.slice(1)),
    );
    expect(terms.length).toBeGreaterThanOrEqual(20);
    expect(await record.$$eval('#glossary dt[id]', (dts) => dts.map((d) => d.id))).toEqual(
      expect.arrayContaining([...new Set(terms)]),
    );
  });

  it('agreements and negotiations in the text link into the register of agreements and negotiations, which links back', async () => {
    const names = await record.$$eval('a.name[href^="events.html#"]', (as) => as.map((a) => a.getAttribute('href')!));
    expect(new Set(names)).toEqual(
      new Set(
        [
          'salt-ii',
          'vladivostok-accord',
          'salt',
          'world-treaty-non-use-of-force',
          'mbfr-agreement',
          'mbfr',
          'quadripartite-agreement',
          'kissinger-moscow-1976',
          'vance-moscow-1977',
        ].map((id) => `events.html#${id}`),
      ),
    );
    const page = await guard.open(`${server.origin}/html/events.html#vladivostok-accord`);
    expect(await text(page, '#vladivostok-accord h2')).toMatch(/^Vladivostok accord/);
    expect(await page.$$eval('#vladivostok-accord a.mention', (as) => as.map((a) => a.getAttribute('href')))).toEqual(
      ['letter-p5', 'letter-p10', 'letter-p11'].map((p) => `${RECORD_PAGE}#${p}`),
    );
    // Dates and sources are shown with the entry.
    expect(await text(page, '#vladivostok-accord .event-date')).toContain('November 23, 1974');
    expect(await page.locator('#vladivostok-accord dd a[href^="https://"]').count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it("the recorder's gloss and the gesture stand outside Vance's words", async () => {
    const outside = await record.$$eval('#p3 > .seg-gesture, #p3 > .name', (es) =>
      es.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    expect(outside).toEqual(expect.arrayContaining(['the Soviet Ambassador']));
    expect(await record.locator('#p3 q.said').count()).toBe(2);
    expect(await record.locator('#p3 q.said', { hasText: 'Soviet Ambassador' }).count()).toBe(0);
    expect(await record.locator('#p3 q.said', { hasText: 'waved his hands' }).count()).toBe(0);
  });
});
