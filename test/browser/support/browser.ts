import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { repoRoot } from '../../support/cli.js';

/** Debian's chromium, never a downloaded browser (CONVENTIONS.md §5). */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/** A describe title that says why the suite is skipped, or the plain title. */
export function browserSuite(title: string): string {
  return haveChromium
    ? title
    : `${title} — SKIPPED: no ${CHROMIUM}; install it with apt-get install -y chromium (.ci/run does)`;
}

// CONVENTIONS.md §5: nothing in the background talks to the network.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One browser per test file: launch in beforeAll, close in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** The committed build the browser tests read: out/ (html/ and its sibling cite/). */
export const OUT = join(repoRoot, 'out');
export const OUT_HTML = join(OUT, 'html');
export const RECORD_PAGE = 'dobrynin-vance-1977-02-26.html';
/** Every generated page of the committed build: the record and the corpus pages. */
export const PAGES = readdirSync(OUT_HTML)
  .filter((f) => f.endsWith('.html'))
  .sort();

/** out/html/<page> as a file:// URL. */
export function fileUrl(page: string, folder = OUT_HTML): string {
  return pathToFileURL(join(folder, page)).href;
}

/**
 * A browser context that lets requests go only to http://127.0.0.1 and file:// (everything
 * else is aborted and recorded), and records what a reader should never meet: console errors,
 * uncaught exceptions, failed requests and HTTP errors, and dialogs (alert, confirm, prompt:
 * dismissed at once).
 */
export interface GuardedContext {
  context: BrowserContext;
  /** Every URL the pages requested, in order. */
  requests: string[];
  /** Dialogs opened by any page: a dialog means script ran. */
  dialogs: string[];
  /** What went wrong, one line each; empty when all is well. */
  problems(): string[];
  /** A new page in the context, loaded from url. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export function isAllowedUrl(url: string): boolean {
  if (url.startsWith('file://') || url === 'about:blank') return true;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export async function guardedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ reducedMotion: 'reduce', colorScheme: 'light', ...options });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  const blocked = new Set<string>();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isAllowedUrl(url)) return route.continue();
    blocked.add(url);
    problems.push(`request left 127.0.0.1/file://: ${url}`);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    requests.push(r.url());
    // Requests the router does not see (file:// pages reaching out) are checked here too.
    if (!isAllowedUrl(r.url()) && !blocked.has(r.url())) problems.push(`request left 127.0.0.1/file://: ${r.url()}`);
  });
  context.on('requestfailed', (r) => {
    if (!blocked.has(r.url())) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      problems.push(`dialog (${d.type()}) on ${page.url()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
  };
  context.on('page', watch);
  return {
    context,
    requests,
    dialogs,
    problems: () => [...problems],
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    close: () => context.close(),
  };
}

export interface ServedEdition {
  readonly guard: GuardedContext;
  /** A page of out/html over http from 127.0.0.1. */
  url(page: string): string;
}

/**
 * One suite's browser, the committed out/ served on 127.0.0.1 and a guarded context: opened before
 * the suite's tests, closed after them, and every test must leave the guard without problems.
 */
export function servedEdition(options: BrowserContextOptions = {}): ServedEdition {
  let browser: Browser | undefined;
  let server: { origin: string; close(): Promise<void> } | undefined;
  let guard: GuardedContext | undefined;
  beforeAll(async () => {
    const { serve } = await import('./server.js');
    [browser, server] = await Promise.all([launchBrowser(), serve(OUT)]);
    guard = await guardedContext(browser, options);
  });
  afterEach(() => expect(guard!.problems()).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get guard() {
      return guard!;
    },
    url: (page) => `${server!.origin}/html/${page}`,
  };
}
