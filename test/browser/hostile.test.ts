import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSuite,
  fileUrl,
  guardedContext,
  haveChromium,
  launchBrowser,
  type GuardedContext,
} from './support/browser.js';
import { tabThrough } from './support/page-checks.js';
import { HOSTILE_ID, renderHostile, type HostileBuild } from './support/hostile.js';
import { serve, type StaticServer } from './support/server.js';

// test/fixtures/hostile-content: javascript:, vbscript: and data: links, text that looks like
// markup, attribute values with quotes and angle brackets. Rendered by the stylesheets alone
// (support/hostile.ts), every page must show it as text, link nowhere dangerous and run nothing.
const RECORD = `${HOSTILE_ID}.html`;
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'ping',
  'srcdoc',
];

/** What would let a page run script or load something: offending elements and attributes. */
function dangers(page: Page) {
  return page.evaluate((urlAttributes) => {
    const found: string[] = [];
    const scheme = /^(javascript|vbscript|data):/i;
    for (const e of document.querySelectorAll('*')) {
      const tag = e.tagName.toLowerCase();
      if (
        [
          'script',
          'iframe',
          'frame',
          'object',
          'embed',
          'img',
          'svg',
          'math',
          'form',
          'base',
          'template',
          'style',
          'video',
          'audio',
          'source',
          'noscript',
        ].includes(tag)
      )
        found.push(`<${tag}> element`);
      if (tag === 'meta' && e.hasAttribute('http-equiv'))
        found.push(`<meta http-equiv="${e.getAttribute('http-equiv')}">`);
      if (tag === 'link' && !['stylesheet', 'alternate', 'schema.DC'].includes(e.getAttribute('rel') ?? ''))
        found.push(`<link rel="${e.getAttribute('rel')}">`);
      for (const a of e.attributes) {
        if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
        // Browsers drop whitespace and control characters before reading a scheme.
        if (urlAttributes.includes(a.name) && scheme.test(a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')))
          found.push(`${tag}[${a.name}="${a.value}"]`);
      }
    }
    return found;
  }, URL_ATTRIBUTES);
}

describe.skipIf(!haveChromium)(browserSuite('hostile content'), () => {
  let build: HostileBuild;
  let browser: Browser;
  let server: StaticServer;
  let guard: GuardedContext;
  let page: Page;

  beforeAll(async () => {
    [build, browser] = await Promise.all([renderHostile(), launchBrowser()]);
    server = await serve(build.out);
    guard = await guardedContext(browser);
    page = await guard.open(`${server.origin}/html/${RECORD}`);
  });
  afterEach(() => {
    expect(guard.dialogs, 'a dialog opened: script ran').toEqual([]);
    expect(guard.problems()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    build?.remove();
  });

  const attr = (selector: string, name: string) => page.locator(selector).first().getAttribute(name);
  const text = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((e) => e.textContent?.replace(/\s+/g, ' ').trim());

  it('the stylesheets render the record and the corpus pages', () => {
    expect(build.pages).toEqual(['events.html', RECORD, 'index.html', 'orgs.html', 'persons.html', 'places.html']);
  });

  it('no page has a javascript:, vbscript: or data: URL, an event handler, or any element that runs or loads something', async () => {
    const found: string[] = [];
    for (const p of build.pages) {
      const other = await guard.open(`${server.origin}/html/${p}`);
      found.push(...(await dangers(other)).map((d) => `${p}: ${d}`));
      expect(await other.evaluate(() => document.scripts.length), p).toBe(0);
      await other.close();
    }
    expect(found).toEqual([]);
  });

  it('links to javascript:, vbscript: and data: URIs are plain text', async () => {
    for (const label of ['a javascript: link', 'the same in mixed case', 'the same after spaces', 'a vbscript: link']) {
      expect(await page.locator('#links span.ref', { hasText: label }).count(), label).toBe(1);
      expect(await page.locator('#links a', { hasText: label }).count(), label).toBe(0);
    }
    // A ptr has no text of its own: its target is shown, as text.
    const shown = await text('#links');
    expect(shown).toContain("data:text/html,%3Cscript%3Ealert('data')%3C/script%3E");
    expect(shown).toContain('data:text/html;base64,PHNjcmlwdD5hbGVydCgnYjY0Jyk8L3NjcmlwdD4=');
  });

  it('a same-page target with quotes names no id of the page: it is shown as text, not a link, and adds no attribute', async () => {
    // Since links go only to ids the document has (or out of the edition to nothing), this target is no link.
    expect(await page.locator('#links a', { hasText: 'tries to add an attribute' }).count()).toBe(0);
    expect(await text('#links')).toContain('tries to add an attribute');
    expect(await page.locator('[onmouseover]').count()).toBe(0);
  });

  it('text that looks like markup is shown as text, in the body, the title, headings, names, notes and metadata', async () => {
    expect(await page.title()).toContain(`Hostile content </title><script>alert("title")</script> & "quotes" 'too'`);
    expect(await text('h1')).toBe(`Hostile content </title><script>alert("title")</script> & "quotes" 'too'`);
    expect(await text('#text h3')).toBe('RECORD <script>alert("head")</script>');
    const p = await text('#markup-as-text');
    for (const s of [
      '<script>alert("p")</script>',
      '<img src=x onerror=alert("img")>',
      `<a href="javascript:alert('a')">a link</a>`,
      '<!-- a comment -->',
    ])
      expect(p).toContain(s);
    expect(await text('#markup-as-text a.name')).toBe(`<b onmouseover="alert('name')">Vance</b>`);
    expect(
      await page
        .locator('#markup-as-text b, #markup-as-text img, #markup-as-text a:not(.name):not(.permalink)')
        .count(),
    ).toBe(0);
    expect(await text('#note-1')).toContain(
      'An editorial note with <script>alert("note")</script> in it, about NATO & "friends".',
    );
    expect(await text('#about')).toContain('Written for the tests: <img src=x onerror=alert("bibl")>.');
    expect(await text('#about')).toContain('Fixture written: <script>alert("change")</script>.');
    // The licence's javascript: target is refused; its words remain.
    expect(await page.locator('.licence a').count()).toBe(0);
    expect(await text('.licence')).toBe('A licence whose target is a javascript: URI.');
  });

  it('attribute values with quotes and angle brackets arrive intact, as attribute values', async () => {
    expect(await attr('#attributes [data-label]', 'data-label')).toBe(`X"><script>alert('seg')</script>`);
    expect(await text('#attributes [data-label]')).toBe('a typed segment');
    expect(await attr('#attributes q.said', 'data-speaker')).toBe(`per:carter"><script>alert('who')</script>`);
    expect(await attr('#attributes q.said', 'title')).toBe(`Words of per:carter"><script>alert('who')</script>`);
    expect(await attr('#attributes .choice .reading', 'title')).toBe(`The source reads: "<by>" 'sic'`);
    expect(await attr('#attributes .choice .original', 'title')).toBe(
      'Corrected reading: but <script>alert("corr")</script>',
    );
    expect(await attr('#attributes .ellipsis', 'title')).toBe(
      'Not reproduced in the source, which marks the omission “"<gone>"”.',
    );
    expect(await attr('#stamp-alone', 'aria-label')).toBe('Stamp: X"<y>');
    expect(await page.locator('#attributes script, #attributes b, #stamp-alone script').count()).toBe(0);
  });

  it('a page break with a hostile number keeps it as its id and text, and its link finds it', async () => {
    const hostile = `3"><script>alert('pb')</script>`;
    const marker = page.locator('a.pb').nth(1);
    expect(await marker.getAttribute('id')).toBe(`page-${hostile}`);
    expect(await marker.textContent()).toBe(`[p. ${hostile}]`);
    await marker.click();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`page-${hostile}`);
  });

  it('the corpus pages show the hostile title as text and link back to the paragraphs', async () => {
    for (const p of ['index.html', 'persons.html']) {
      const other = await guard.open(`${server.origin}/html/${p}`);
      const title = other.locator(`a[href="${RECORD}"]`).first();
      expect(await title.textContent(), p).toBe(
        `Hostile content </title><script>alert("title")</script> & "quotes" 'too'`,
      );
      await other.close();
    }
    const persons = await guard.open(`${server.origin}/html/persons.html`);
    expect(await persons.locator(`#vance a.mention[href="${RECORD}#markup-as-text"]`).count()).toBe(1);
    await persons.close();
  });

  it('nothing runs while a reader uses the page: both views, hovering, tabbing through every link, from http and from file://', async () => {
    await page.getByLabel('As in the source').check();
    expect(await page.locator('#attributes .choice').innerText()).toBe(`"<by>" 'sic'`);
    await page.getByLabel('Reading text').check();
    for (const selector of [
      '#attributes q.said',
      '#attributes .choice',
      '#markup-as-text a.name',
      '#links a[href^="#"]',
    ])
      await page.locator(selector).first().hover();
    const { candidates, stops } = await tabThrough(page);
    expect(stops.length).toBe(candidates.length);
    const fromFile = await guard.open(fileUrl(RECORD, `${build.out}/html`));
    await fromFile.getByLabel('As in the source').check();
    await fromFile.waitForTimeout(200);
    expect(await dangers(fromFile)).toEqual([]);
    await fromFile.close();
  });
});

// The listener these tests rely on does hear a dialog, and the router does stop a request
// leaving the machine: without this, "no dialog" could mean "not listening".
describe.skipIf(!haveChromium)(browserSuite('hostile content: the guards work'), () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('a dialog from script and a request to another host are recorded', async () => {
    const guard = await guardedContext(browser);
    const page = await guard.context.newPage();
    await page.setContent(
      '<p>control</p><script>alert("control")</script><img src="http://example.invalid/x.png" alt="">',
    );
    await page.waitForTimeout(100);
    expect(guard.dialogs).toEqual(['alert: control']);
    expect(guard.problems()).toEqual(
      expect.arrayContaining(['request left 127.0.0.1/file://: http://example.invalid/x.png']),
    );
    await guard.close();
  });
});
