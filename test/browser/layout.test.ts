import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { browserSuite, haveChromium, PAGES, RECORD_PAGE, servedEdition } from './support/browser.js';

/**
 * Screenshots for people to look at (never compared; test-results/ is not committed), taken when asked:
 * `npm run test:screenshots`. A full-page PNG of the record costs seconds, and nothing reads them in CI.
 */
export const SCREENSHOTS = join(repoRoot, 'test-results', 'screenshots');
const TAKE_SCREENSHOTS = process.env['TEI_PIPELINE_SCREENSHOTS'] === '1';
const shotFile = (page: string, suffix: string) => join(SCREENSHOTS, `${page.replace(/\.html$/, '')}-${suffix}.png`);
/** Where a test's screenshot goes, for its title: empty when none is taken. */
const shotTitle = (page: string, suffix: string) =>
  TAKE_SCREENSHOTS ? ` (screenshot ${shotFile(page, suffix).slice(repoRoot.length + 1)})` : '';
async function screenshot(page: Page, name: string, suffix: string): Promise<void> {
  if (TAKE_SCREENSHOTS) await page.screenshot({ path: shotFile(name, suffix), fullPage: true });
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  text: string;
}

/** The page-break markers and, apart from them, every line box of text in the text column. */
function markersAndText(page: Page, selector = 'a.pb'): Promise<{ markers: Box[]; text: Box[]; column: Box | null }> {
  return page.evaluate((selector) => {
    const box = (r: DOMRect, text: string) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, text });
    const body = document.querySelector('.text-body');
    const markers = [...document.querySelectorAll(selector)];
    const text = [];
    if (body) {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || markers.some((m) => m.contains(n))) continue;
        range.selectNodeContents(n);
        for (const r of range.getClientRects())
          if (r.width > 0 && r.height > 0) text.push(box(r, n.textContent.trim().slice(0, 40)));
      }
    }
    const first = body?.querySelector('p');
    return {
      markers: markers.map((m) => box(m.getBoundingClientRect(), m.closest('a.pb')?.id ?? m.id)),
      text,
      column: first ? box(first.getBoundingClientRect(), 'first paragraph') : null,
    };
  }, selector);
}

// Tolerance for boxes that touch (inline neighbours share an edge, rounded to sub-pixels).
const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

describe.skipIf(!haveChromium)(browserSuite('layout on a phone, a desktop and paper'), () => {
  const edition = servedEdition();
  const url = edition.url;
  let page: Page;

  beforeAll(async () => {
    if (TAKE_SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    page = await edition.guard.context.newPage();
  });

  for (const name of PAGES) {
    it(`${name} at 390 px: no horizontal scroll${shotTitle(name, '390')}`, async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(url(name));
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, 'page wider than the screen').toBeLessThanOrEqual(innerWidth);
      // No single element sticks out either (an overflow hidden by the body would not scroll but be cut off).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter(
            (e) =>
              e.getBoundingClientRect().right > innerWidth + 1 &&
              e.checkVisibility() &&
              !e.closest('.visually-hidden, .skip'),
          )
          .map((e) => e.tagName + (e.id ? '#' + e.id : '')),
      );
      expect(wide).toEqual([]);
      await screenshot(page, name, '390');
    });

    it(`${name} at 1280 px: no horizontal scroll${shotTitle(name, '1280')}`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url(name));
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, name, '1280');
    });
  }

  // The rule at the word where the page turns is reading.test.ts's; here, its label.
  it('at 1280 px the page-break labels stand in the margin, left of the text, overlapping none of it', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url(RECORD_PAGE));
    const { markers, text, column } = await markersAndText(page, 'a.pb .pb-label');
    expect(markers.length).toBe(4);
    expect(text.length).toBeGreaterThan(100);
    expect(
      markers
        .filter((m) => m.left < 0 || m.right > column!.left)
        .map((m) => `${m.text}: ${m.left}-${m.right}, text from ${column!.left}`),
      'markers outside the margin',
    ).toEqual([]);
    const hits = markers.flatMap((m) =>
      text.filter((t) => overlaps(m, t)).map((t) => `${m.text} overlaps "${t.text}"`),
    );
    expect(hits).toEqual([]);
  });

  it('at 390 px the page-break markers stand in the line, apart from the words beside them', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url(RECORD_PAGE));
    const { markers, text, column } = await markersAndText(page);
    expect(markers.length).toBe(4);
    expect(markers.every((m) => m.left >= column!.left && m.right <= column!.right)).toBe(true);
    // "reduction of [p. 3] the levels", not "[p. 3]the levels": a gap on either side within the line.
    const sameLine = (a: Box, b: Box) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const close = markers.flatMap((m) =>
      text
        .filter((t) => sameLine(m, t) && Math.max(t.left - m.right, m.left - t.right) < 2)
        .map((t) => `${m.text} touches "${t.text}"`),
    );
    expect(close).toEqual([]);
  });

  for (const name of PAGES) {
    it(`${name} in print: navigation and the view switch hidden, the text shown`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url(name));
      await page.emulateMedia({ media: 'print' });
      try {
        const state = await page.evaluate(() => {
          const visible = (sel: string) =>
            [...document.querySelectorAll(sel)]
              .filter((e) => e.checkVisibility())
              .map((e) => sel + (e.id ? '#' + e.id : ''));
          return {
            shown: [
              'nav',
              '.skip',
              '.site-header',
              '.site-footer',
              '.view-input',
              '.view-label',
              '.view-hint',
              '.permalink',
            ].flatMap(visible),
            main: (document.querySelector('main') as HTMLElement).innerText.length,
            h1: document.querySelector('h1')?.checkVisibility() ?? false,
            text: document.querySelector('#text')?.checkVisibility() ?? null,
            notes: document.querySelector('#notes')?.checkVisibility() ?? null,
            paragraphs: [...document.querySelectorAll('#text p')].filter((p) => !p.checkVisibility()).length,
          };
        });
        expect(state.shown, 'visible in print').toEqual([]);
        expect(state.h1).toBe(true);
        expect(state.main).toBeGreaterThan(100);
        if (name === RECORD_PAGE) {
          expect(state).toMatchObject({ text: true, notes: true, paragraphs: 0 });
          expect(state.main).toBeGreaterThan(10_000);
          expect(await page.locator('#letter-p10').innerText()).toContain('not only in words but also in fact');
          await screenshot(page, name, 'print');
        }
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });
  }
});
