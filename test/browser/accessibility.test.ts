import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, PAGES, RECORD_PAGE, servedEdition } from './support/browser.js';
import { axeViolations, tabThrough } from './support/page-checks.js';

// axe-core in the page (WCAG rules), and the keyboard: every link and control reachable with
// Tab, each with a visible focus indicator.
describe.skipIf(!haveChromium)(browserSuite('accessibility'), () => {
  const edition = servedEdition({ viewport: { width: 1280, height: 900 } });
  const url = edition.url;
  let page: Page;

  beforeAll(async () => {
    page = await edition.guard.context.newPage();
  });

  for (const name of PAGES) {
    it(`${name}: axe-core finds no serious or critical violation (390 and 1280 px wide, light and dark)`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(url(name));
      const found: string[] = [];
      const check = async (state: string) => found.push(...(await axeViolations(page)).map((v) => `${state}: ${v}`));
      await check('1280 px, light');
      if (name === RECORD_PAGE) {
        await page.getByLabel('As in the source').check();
        await check('1280 px, light, as in the source');
        await page.getByLabel('Reading text').check();
      }
      await page.emulateMedia({ colorScheme: 'dark' });
      await check('1280 px, dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 390, height: 844 });
      await check('390 px, light');
      expect(found).toEqual([]);
    });
  }

  for (const name of PAGES) {
    it(`${name}: Tab reaches every link and control, starting with the skip link, and shows where focus is`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url(name));
      const { candidates, stops } = await tabThrough(page);
      expect(candidates.length).toBeGreaterThan(5);
      expect(stops[0]?.what).toBe('a href=#main');
      const reached = new Set(stops.map((s) => s.index));
      expect(
        candidates.filter((_, i) => !reached.has(i)),
        'never reached with Tab',
      ).toEqual([]);
      expect(
        stops.filter((s) => s.index < 0).map((s) => s.what),
        'reached but not a link or control',
      ).toEqual([]);
      const unseen = stops.filter(
        (s) => !s.focusVisible || (s.outline === 'none' && s.boxShadow === 'none') || !s.inViewport,
      );
      expect(
        unseen.map((s) => `${s.what}: outline ${s.outline}, box-shadow ${s.boxShadow}, in viewport ${s.inViewport}`),
        'focus not visible',
      ).toEqual([]);
    });
  }

  it('the skip link moves focus to the main content', async () => {
    await page.goto(url(RECORD_PAGE));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab goes on from there: to the first link inside main, not back to the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });
});
