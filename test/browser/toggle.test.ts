import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSuite,
  fileUrl,
  guardedContext,
  haveChromium,
  launchBrowser,
  OUT,
  RECORD_PAGE,
  type GuardedContext,
} from './support/browser.js';
import { serve, type StaticServer } from './support/server.js';

// The reading / diplomatic switch: two radio buttons and CSS, no script. A known pair of the
// record: the source reads "not only in words by also in fact", the editors correct "by" to "but"
// (letter-p10).
const PARAGRAPH = '#letter-p10';
const READING = 'not only in words but also in fact';
const SOURCE = 'not only in words by also in fact';

/** The paragraph's text as shown (innerText follows the CSS), with whitespace collapsed. */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' '));

/** For every intervention: is the reading form shown, is the source's form shown. */
const choices = (page: Page) =>
  page.$$eval('.choice', (cs) =>
    cs.map((c) => ({
      reading: !!c.querySelector('.reading')?.checkVisibility(),
      original: !!c.querySelector('.original')?.checkVisibility(),
    })),
  );

describe.skipIf(!haveChromium)(browserSuite('reading and diplomatic views'), () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serve(OUT)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [how, javaScriptEnabled, from] of [
    ['with JavaScript', true, 'http'],
    ['with JavaScript disabled', false, 'http'],
    ['with JavaScript disabled, from file://', false, 'file'],
  ] as const) {
    describe(how, () => {
      let guard: GuardedContext;
      let page: Page;
      beforeAll(async () => {
        guard = await guardedContext(browser, { javaScriptEnabled });
        page = await guard.open(from === 'http' ? `${server.origin}/html/${RECORD_PAGE}` : fileUrl(RECORD_PAGE));
      });
      afterEach(() => expect(guard.problems()).toEqual([]));
      afterAll(() => guard?.close());

      it(`the page's own scripts ${javaScriptEnabled ? 'run' : 'do not run'} in this context`, async () => {
        const probe = await page.addScriptTag({ content: 'document.documentElement.dataset.scriptRan = "yes";' });
        expect(await page.evaluate(() => document.documentElement.dataset['scriptRan'] === 'yes')).toBe(
          javaScriptEnabled,
        );
        await probe.evaluate((e: Element) => {
          e.remove();
          delete document.documentElement.dataset['scriptRan'];
        });
      });

      it('shows the reading text by default: the correction, not the source’s slip', async () => {
        expect(await page.getByLabel('Reading text').isChecked()).toBe(true);
        const text = await shown(page, PARAGRAPH);
        expect(text).toContain(READING);
        expect(text).not.toContain(SOURCE);
        const all = await choices(page);
        expect(all.length).toBeGreaterThanOrEqual(4);
        expect(all.every((c) => c.reading && !c.original)).toBe(true);
      });

      it('clicking “As in the source” shows what the source reads, everywhere', async () => {
        await page.getByText('As in the source', { exact: true }).click();
        expect(await page.getByLabel('As in the source').isChecked()).toBe(true);
        const text = await shown(page, PARAGRAPH);
        expect(text).toContain(SOURCE);
        expect(text).not.toContain(READING);
        expect((await choices(page)).every((c) => !c.reading && c.original)).toBe(true);
      });

      it('clicking “Reading text” switches back', async () => {
        await page.getByText('Reading text', { exact: true }).click();
        expect(await shown(page, PARAGRAPH)).toContain(READING);
        expect((await choices(page)).every((c) => c.reading && !c.original)).toBe(true);
      });

      it('the keyboard switches too: Tab to the switch, arrow keys between the views', async () => {
        await page.getByLabel('Reading text').focus();
        await page.keyboard.press('ArrowRight');
        expect(await page.getByLabel('As in the source').isChecked()).toBe(true);
        expect(await shown(page, PARAGRAPH)).toContain(SOURCE);
        await page.keyboard.press('ArrowLeft');
        expect(await page.getByLabel('Reading text').isChecked()).toBe(true);
        expect(await shown(page, PARAGRAPH)).toContain(READING);
      });
    });
  }
});
