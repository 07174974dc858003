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
  PAGES,
  RECORD_PAGE,
  type GuardedContext,
} from './support/browser.js';
import { serve, type StaticServer } from './support/server.js';

const REGISTERS = ['persons.html', 'places.html', 'orgs.html', 'events.html'];
// The page numbers of the source, from the TEI: <pb n="…"/>.
const PAGE_BREAKS = [
  ...readFileSync(join(repoRoot, 'tei', RECORD_PAGE.replace(/\.html$/, '.xml')), 'utf8').matchAll(
    /<pb\b[^>]*\bn="([^"]+)"/g,
  ),
].map((m) => m[1]!);

interface NameLink {
  /** The register page and the entry's id. */
  page: string;
  id: string;
  /** The id of the paragraph (output block) the name stands in: where the back-link must lead. */
  block: string | null;
  /** Part of the page it is in: apparatus, text, notes, or elsewhere (header, metadata). */
  section: string;
  text: string;
}

interface Entry {
  id: string;
  /** Its first name form, the standard name: the tooltip of every name that points to it. */
  standard: string;
  /** Back-links: [record page, fragment]. */
  mentions: [string, string][];
}

// Following links the way a reader does: from the record to the registers and back, to the
// footnotes and back, permalinks and page breaks.
describe.skipIf(!haveChromium)(browserSuite('links'), () => {
  let browser: Browser;
  let server: StaticServer;
  let guard: GuardedContext;
  let record: Page;
  let names: NameLink[];
  const entries = new Map<string, Map<string, Entry>>();
  const ids = new Map<string, Set<string>>();

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serve(OUT)]);
    guard = await guardedContext(browser);
    for (const p of PAGES) {
      const page = await guard.open(`${server.origin}/html/${p}`);
      ids.set(p, new Set(await page.$$eval('[id]', (es) => es.map((e) => e.id))));
      if (REGISTERS.includes(p)) {
        const list = await page.$$eval('article.entry', (articles) =>
          articles.map((a) => ({
            id: a.id,
            standard: a.querySelector('.name-forms li')?.firstChild?.textContent?.trim() ?? '',
            mentions: [...a.querySelectorAll<HTMLAnchorElement>('.mentions a.mention')].map((m) => {
              const u = new URL(m.href);
              return [u.pathname.replace(/^.*\//, ''), decodeURIComponent(u.hash.slice(1))] as [string, string];
            }),
          })),
        );
        entries.set(p, new Map(list.map((e) => [e.id, e])));
      }
      if (p === RECORD_PAGE) record = page;
      else await page.close();
    }
    names = await record.$$eval('a[href]', (links) => {
      // The output block a node stands in: the nearest ancestor with an id; a footnote stands in
      // the paragraph of its reference.
      const blockOf = (e: Element): Element | null => {
        const b = e.parentElement?.closest('[id]') ?? null;
        if (b?.matches('li.footnote')) {
          const ref = document.getElementById(b.id.replace(/^note-/, 'noteref-'));
          return ref ? blockOf(ref) : null;
        }
        return b;
      };
      return links
        .map((a) => ({ a: a as HTMLAnchorElement, u: new URL((a as HTMLAnchorElement).href) }))
        .filter(({ u }) => /\/(persons|places|orgs|events)\.html$/.test(u.pathname) && u.hash.length > 1)
        .map(({ a, u }) => {
          const section = a.closest('section')?.id ?? 'elsewhere';
          const inText = ['apparatus', 'text', 'notes'].includes(section);
          return {
            page: u.pathname.replace(/^.*\//, ''),
            id: decodeURIComponent(u.hash.slice(1)),
            block: inText ? (blockOf(a)?.id ?? null) : null,
            section,
            text: a.textContent ?? '',
          };
        });
    });
  });
  afterEach(() => expect(guard.problems()).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the record has name links into every register', () => {
    expect(names.filter((n) => n.section === 'text').length).toBeGreaterThan(50);
    expect(new Set(names.map((n) => n.page))).toEqual(new Set(REGISTERS));
  });

  it('every name link on the record page lands on an existing register entry', () => {
    const broken = names.filter((n) => !entries.get(n.page)?.has(n.id)).map((n) => `${n.text} -> ${n.page}#${n.id}`);
    expect(broken).toEqual([]);
  });

  it('every name in the apparatus, the text and the notes stands in a paragraph that its entry links back to', () => {
    const blocks = names.filter((n) => ['apparatus', 'text', 'notes'].includes(n.section));
    expect(
      blocks
        .filter((n) => !n.block || !/^(para-\d+|p\d+|letter-p\d+)$/.test(n.block))
        .map((n) => `${n.text}: block ${n.block}`),
      'names outside a paragraph with an id',
    ).toEqual([]);
    const missing = blocks
      .filter(
        (n) =>
          !entries
            .get(n.page)
            ?.get(n.id)
            ?.mentions.some(([doc, frag]) => doc === RECORD_PAGE && frag === n.block),
      )
      .map((n) => `${n.page}#${n.id} has no back-link to ${RECORD_PAGE}#${n.block} ("${n.text.replace(/\s+/g, ' ')}")`);
    expect(missing).toEqual([]);
  });

  it('every back-link of every entry returns to a paragraph of the record that mentions the entry', async () => {
    const problems: string[] = [];
    for (const [page, list] of entries) {
      for (const entry of list.values()) {
        for (const [doc, frag] of entry.mentions) {
          if (doc !== RECORD_PAGE) {
            problems.push(`${page}#${entry.id}: back-link to another document ${doc}`);
            continue;
          }
          const mentions = await record.evaluate(
            ([frag, href, id, standard]) => {
              const block = document.getElementById(frag);
              if (!block) return null;
              // The paragraph and its footnotes hold a link to the entry, a name inside another name
              // (a span with the entry's standard name as tooltip), or speech by the person.
              const notes = [...block.querySelectorAll('a[role="doc-noteref"]')].map((r) =>
                document.getElementById(r.getAttribute('href')!.slice(1)),
              );
              return [block, ...notes].some(
                (b) =>
                  !!b &&
                  [...b.querySelectorAll('a[href], [data-who], .name[title]')].some(
                    (e) =>
                      e.getAttribute('href') === href ||
                      e.getAttribute('data-who') === id ||
                      (e.matches('.name') && e.getAttribute('title') === standard),
                  ),
              );
            },
            [frag, `${page}#${entry.id}`, entry.id, entry.standard] as const,
          );
          if (mentions === null)
            problems.push(`${page}#${entry.id}: back-link to ${doc}#${frag}, which is not on the page`);
          else if (!mentions)
            problems.push(`${page}#${entry.id}: back-link to ${doc}#${frag}, which does not mention the entry`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(
      [...entries.values()].reduce((n, l) => n + [...l.values()].reduce((m, e) => m + e.mentions.length, 0), 0),
    ).toBeGreaterThan(30);
  });

  it('clicking a name, then its back-link, takes the reader to the entry and back to the paragraph', async () => {
    const page = await guard.open(`${server.origin}/html/${RECORD_PAGE}`);
    await page.locator('#p1 a.name[href="persons.html#vance"]').click();
    await page.waitForURL(/persons\.html#vance$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('vance');
    await page.locator(`#vance a.mention[href="${RECORD_PAGE}#p1"]`).click();
    await page.waitForURL(new RegExp(`${RECORD_PAGE}#p1$`));
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p1');
    await page.close();
  });

  it('footnote references and footnotes link to each other, and clicking goes there and back', async () => {
    const refs = await record.$$eval('a[role="doc-noteref"]', (as) =>
      as.map((a) => ({ id: a.id, href: a.getAttribute('href') ?? '' })),
    );
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const [i, ref] of refs.entries()) {
      expect(ref.href).toBe(`#note-${i + 1}`);
      const back = await record.$$eval(`${ref.href} a[role="doc-backlink"]`, (as) =>
        as.map((a) => a.getAttribute('href')),
      );
      expect(back, ref.href).toEqual([`#${ref.id}`]);
      await record.locator(`#${ref.id}`).click();
      expect(await record.evaluate(() => [location.hash, document.querySelector(':target')?.id])).toEqual([
        ref.href,
        ref.href.slice(1),
      ]);
      await record.locator(`${ref.href} a[role="doc-backlink"]`).click();
      expect(await record.evaluate(() => document.querySelector(':target')?.id)).toBe(ref.id);
    }
  });

  it('every permalink resolves to its own paragraph', async () => {
    const links = await record.$$eval('a.permalink', (as) =>
      as.map((a) => ({ href: a.getAttribute('href') ?? '', parent: a.parentElement?.id ?? '' })),
    );
    expect(links.length).toBeGreaterThan(30);
    expect(links.filter((l) => l.href !== `#${l.parent}`)).toEqual([]);
    // As a URL, the way a reader shares one: the fragment names the paragraph.
    for (const { href } of links) {
      const target = await record.evaluate((h) => {
        location.hash = h;
        return document.querySelector(':target')?.id;
      }, href);
      expect(target, href).toBe(href.slice(1));
    }
  });

  it('page-break anchors exist for every page break of the source, in order', async () => {
    expect(PAGE_BREAKS).toEqual(['2', '3', '4', '5']);
    const markers = await record.$$eval('a.pb', (as) =>
      as.map((a) => ({ id: a.id, href: a.getAttribute('href'), text: a.textContent })),
    );
    expect(markers).toEqual(PAGE_BREAKS.map((n) => ({ id: `page-${n}`, href: `#page-${n}`, text: `[p. ${n}]` })));
  });

  it('every link within a page, and every id, resolves on every page (ids are unique)', async () => {
    const problems: string[] = [];
    for (const p of PAGES) {
      const page = await guard.open(`${server.origin}/html/${p}`);
      const { fragments, duplicates } = await page.evaluate(() => {
        const seen = new Set<string>();
        const duplicates: string[] = [];
        for (const e of document.querySelectorAll('[id]'))
          (seen.has(e.id) ? duplicates : (seen.add(e.id), [])).push(e.id);
        const fragments = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
          .map((a) => decodeURIComponent(a.hash.slice(1)))
          .filter((f) => !document.getElementById(f));
        return { fragments, duplicates };
      });
      problems.push(
        ...fragments.map((f) => `${p}: #${f} does not exist`),
        ...duplicates.map((d) => `${p}: id ${d} twice`),
      );
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('every link to another file of the edition resolves (pages and their fragments, citation files)', async () => {
    const targets = new Set<string>();
    for (const p of PAGES) {
      const page = await guard.open(`${server.origin}/html/${p}`);
      for (const href of await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        const u = new URL(href);
        if (u.origin === server.origin && u.pathname !== `/html/${p}`) targets.add(u.href);
      }
      await page.close();
    }
    expect(targets.size).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const t of targets) {
      const u = new URL(t);
      const r = await fetch(u.origin + u.pathname, { method: 'HEAD' });
      if (r.status !== 200) problems.push(`${t}: HTTP ${r.status}`);
      const file = u.pathname.replace(/^\/html\//, '');
      if (u.hash && !ids.get(file)?.has(decodeURIComponent(u.hash.slice(1)))) problems.push(`${t}: no such id`);
    }
    expect(problems).toEqual([]);
  });
});
