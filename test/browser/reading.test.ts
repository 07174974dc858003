import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, RECORD_PAGE, servedEdition } from './support/browser.js';
import { axeViolations } from './support/page-checks.js';

// The record read as a historian reads it: interventions visible without hover and open to touch
// and keyboard; the page-break marker at the word where the page turns; register back-links that
// say where they lead; labels that label only what they label; "As in the source" without the
// editors' apparatus.
const CORRECTION = '#letter-p10'; // the source's "by", corrected to "but"

describe.skipIf(!haveChromium)(browserSuite('the reading edition'), () => {
  const edition = servedEdition({ viewport: { width: 1280, height: 900 } });
  let page: Page;
  beforeAll(async () => {
    page = await edition.guard.context.newPage();
  });
  const open = async (width: number) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(edition.url(RECORD_PAGE));
  };

  for (const width of [390, 1280]) {
    it(`${width} px: every intervention has a visible marker, and the marker opens both forms by click, tap and keyboard`, async () => {
      await open(width);
      const marks = page.locator('.choice + .choice-mark');
      expect(await page.locator('.choice').count()).toBe(await marks.count());
      expect(await marks.count()).toBeGreaterThanOrEqual(4);
      for (const m of await marks.all()) {
        const box = (await m.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
        expect(await m.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"°"');
      }
      const mark = page.locator(`${CORRECTION} .choice-mark`);
      const note = page.locator(`${CORRECTION} .choice-note`);
      expect(await mark.getAttribute('aria-label')).toBe('Corrected by the editors: the source reads “by”');
      expect(await note.isVisible()).toBe(false);
      // Keyboard: Tab reaches it, Enter opens it, Escape closes it and focus stays on the marker.
      await page
        .locator(`${CORRECTION}`)
        .evaluate((p) => (p.previousElementSibling as HTMLElement | null)?.scrollIntoView());
      await mark.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => note.isVisible()).toBe(true);
      expect((await note.innerText()).replace(/\s+/g, ' ')).toBe(
        'Corrected by the editors. The source reads “by”; the reading text gives “but”.',
      );
      expect(await note.evaluate((e) => e.matches(':popover-open'))).toBe(true);
      const found = await axeViolations(page);
      expect(found, 'axe with the note open').toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => note.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('choice-mark');
      // Click (and a tap is a click), in the source view too.
      await page.getByLabel('As in the source').check();
      await mark.click();
      await expect.poll(() => note.isVisible()).toBe(true);
      await page.mouse.click(2, 2); // light dismiss
      await expect.poll(() => note.isVisible()).toBe(false);
    });
  }

  it('a tap on a touch screen opens the note', async () => {
    const touch = await edition.guard.context
      .browser()!
      .newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const p = await touch.newPage();
    await p.goto(edition.url(RECORD_PAGE));
    await p.locator(`${CORRECTION} .choice-mark`).tap();
    await expect.poll(() => p.locator(`${CORRECTION} .choice-note`).isVisible()).toBe(true);
    await touch.close();
  });

  for (const width of [390, 1280]) {
    it(`${width} px: each page-break marker stands at the word where the page turns`, async () => {
      await open(width);
      const markers = await page.$$eval('a.pb', (pbs) =>
        pbs.map((pb) => {
          // The last letter before the marker and the first after it, in the text as laid out.
          const letter = (from: Node | null, dir: 'previous' | 'next') => {
            const walker = document.createTreeWalker(document.querySelector('.text-body')!, NodeFilter.SHOW_TEXT);
            walker.currentNode = from!;
            for (
              let n = dir === 'previous' ? walker.previousNode() : walker.nextNode();
              n;
              n = dir === 'previous' ? walker.previousNode() : walker.nextNode()
            ) {
              if (pb.contains(n) || !n.parentElement?.checkVisibility()) continue;
              const t = n.textContent ?? '';
              const i = dir === 'previous' ? t.trimEnd().length - 1 : t.length - t.trimStart().length;
              if (i < 0 || i >= t.length) continue;
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              return r.getBoundingClientRect();
            }
            return null;
          };
          const before = letter(pb, 'previous');
          const after = letter(pb.lastChild ?? pb, 'next');
          const mark = pb.getBoundingClientRect();
          const label = pb.querySelector('.pb-label')!.getBoundingClientRect();
          const column = pb.closest('p, div')!.getBoundingClientRect();
          return { id: pb.id, mark, label, before, after, column, text: pb.textContent };
        }),
      );
      expect(markers.length).toBe(4);
      for (const m of markers) {
        expect(m.text).toMatch(/^\[p\. \d+\]$/);
        // The marker is in a line of text, beside the word before it or the word after it (where the
        // page turns at a line end, the words are on two lines), and between them on its line.
        const onLine = (r: DOMRect | null) =>
          !!r && Math.abs(m.mark.top + m.mark.height / 2 - (r.top + r.height / 2)) < r.height;
        expect(onLine(m.before) || onLine(m.after), `${m.id} on the line of its words`).toBe(true);
        const line = onLine(m.before) ? m.before! : m.after!;
        if (m.before && Math.abs(m.before.top - m.mark.top) < m.before.height)
          expect(m.mark.left, `${m.id} after the word before`).toBeGreaterThanOrEqual(m.before.right - 1);
        if (m.after && Math.abs(m.after.top - m.mark.top) < m.after.height)
          expect(m.mark.right, `${m.id} before the word after`).toBeLessThanOrEqual(m.after.left + 1);
        expect(m.mark.left).toBeGreaterThanOrEqual(m.column.left - 1);
        // The label: in the margin, on that line, at 1280 px; in the line itself at 390 px.
        if (width === 1280) {
          expect(m.label.right, `${m.id} label in the margin`).toBeLessThanOrEqual(m.column.left);
          expect(Math.abs(m.label.top - m.mark.top)).toBeLessThan(line.height);
          expect(m.mark.width, `${m.id}: a thin rule, not the label`).toBeLessThan(12);
        } else {
          expect(m.label.left).toBeGreaterThanOrEqual(m.mark.left);
          expect(m.label.right).toBeLessThanOrEqual(m.mark.right);
        }
      }
    });
  }

  it('register back-links are labelled with the document’s short title and the paragraph number', async () => {
    await page.goto(edition.url('persons.html'));
    const links = await page.$$eval('a.mention', (as) =>
      as.map((a) => ({
        text: (a as HTMLElement).innerText,
        name: a.getAttribute('aria-label'),
        title: a.getAttribute('title'),
        href: a.getAttribute('href')!,
      })),
    );
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) {
      expect(l.text).toMatch(/^¶ \d+$/);
      expect(l.name).toBe(`Record of the Conversation with the USA Secretary of State C. Vance, ${l.text}`);
      expect(l.title).toBe(
        `Record of the Conversation with the USA Secretary of State C. Vance, paragraph ${l.text.slice(2)}`,
      );
    }
    expect(links.some((l) => /para-|p\d/.test(l.text))).toBe(false);
    // The number is the paragraph's place in the record: "para-N" is the N-th.
    for (const l of links.filter((x) => /#para-\d+$/.test(x.href)))
      expect(l.text).toBe(`¶ ${/para-(\d+)$/.exec(l.href)![1]}`);
  });

  it('a segment’s label stands over that segment only, apart from what shares its line', async () => {
    await open(1280);
    const seg = page.locator('.seg-classification');
    expect(await seg.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"Classification: "');
    expect(await seg.evaluate((e) => getComputedStyle(e, '::before').display)).toBe('block');
    expect((await seg.innerText()).replace(/\s+/g, ' ').trim()).toBe('TOP SECRET, copy No. 1');
    // The date and the registration number on the same line of the source stand outside its box.
    const outside = await seg.evaluate((e) => {
      const box = e.getBoundingClientRect();
      const line = e.closest('.line')!;
      const rects: { what: string; r: DOMRect }[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (e.contains(n) || !n.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        rects.push({ what: n.textContent!.trim(), r: range.getBoundingClientRect() });
      }
      return rects.map(({ what, r }) => ({ what, outside: r.left >= box.right || r.top >= box.bottom }));
    });
    expect(outside.map((o) => o.what).join(' ')).toBe('May 13, 1977 Original # 405');
    expect(outside.filter((o) => !o.outside)).toEqual([]);
    expect(await seg.evaluate((e) => parseFloat(getComputedStyle(e).borderLeftWidth))).toBeGreaterThan(0);
  });

  it('“As in the source” shows no editorial note numbers; the reading text does', async () => {
    await open(1280);
    const refs = page.locator('.noteref');
    expect(await refs.count()).toBeGreaterThan(0);
    expect(await refs.evaluateAll((rs) => rs.every((r) => r.checkVisibility()))).toBe(true);
    await page.getByLabel('As in the source').check();
    expect(await refs.evaluateAll((rs) => rs.some((r) => r.checkVisibility()))).toBe(false);
    await page.getByLabel('Reading text').check();
    expect(await refs.evaluateAll((rs) => rs.every((r) => r.checkVisibility()))).toBe(true);
  });
});
