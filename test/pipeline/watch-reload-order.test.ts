import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { watchEdition, type EditionWatcher, type Rebuild } from '../../src/pipeline/watch.js';
import { repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

// What the editor looks at comes first: on a save, watch writes the HTML, tells the open pages to reload,
// and only then renders the text and citations. A save with an error reloads nothing, keeps every last
// good output and shows its diagnostic.
const root = tempProject({}, { withRecord: true });
const project = { ...openProject(root), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
const doc = join(root, 'tei', `${RECORD_ID}.xml`);
const original = readFileSync(doc, 'utf8');
const PHRASE = 'asked him to pass on as directed';
const outputs = {
  html: join(root, 'out', 'html', `${RECORD_ID}.html`),
  text: join(root, 'out', 'text', `${RECORD_ID}.txt`),
  cite: join(root, 'out', 'cite', `${RECORD_ID}.csl.json`),
};
const read = (file: string) => readFileSync(file, 'utf8');

const builds: Rebuild[] = [];
let watcher: EditionWatcher;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function buildAfter(count: number): Promise<Rebuild> {
  for (let i = 0; i < 1200 && builds.length <= count; i++) await sleep(50);
  expect(builds.length, `a rebuild after build ${count}`).toBeGreaterThan(count);
  return builds[count]!;
}

interface Seen {
  event: string;
  data: string;
  /** The HTML and reading text on disk when the event arrived, read at once. */
  html: string;
  text: string;
}

/** A client of the live-reload stream, as a browser's EventSource; it reads the outputs as each event arrives. */
async function listen(url: string) {
  const seen: Seen[] = [];
  const controller = new AbortController();
  const res = await fetch(url + '__tei-pipeline/events', { signal: controller.signal });
  const reader = res.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for (let buffer = ''; ;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let i; (i = buffer.indexOf('\n\n')) !== -1; buffer = buffer.slice(i + 2)) {
          const block = buffer.slice(0, i);
          seen.push({
            event: /^event: (.*)$/m.exec(block)?.[1] ?? '',
            data: /^data: (.*)$/m.exec(block)?.[1] ?? '',
            html: read(outputs.html),
            text: read(outputs.text),
          });
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return { seen, stop: () => controller.abort() };
}

beforeAll(async () => {
  watcher = await watchEdition(project, {
    port: 0,
    onBuild: (b) => builds.push(b),
    onError: (e) => {
      throw e;
    },
  });
  await buildAfter(0);
}, 300_000);
afterAll(async () => {
  await watcher?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('watch on a save', () => {
  it('reloads the page once its HTML is written, before the text is written', async () => {
    const sse = await listen(watcher.server.url);
    const n = builds.length;
    writeFileSync(doc, original.replace(PHRASE, `${PHRASE} (first the page)`));
    const b = await buildAfter(n);
    for (let i = 0; i < 100 && !sse.seen.some((e) => e.event === 'reload'); i++) await sleep(50);
    sse.stop();
    const reloads = sse.seen.filter((e) => e.event === 'reload');
    expect(reloads).toHaveLength(1);
    // The page it reloads to holds the save; the reading text did not, yet.
    expect(reloads[0]!.html).toContain('(first the page)');
    expect(reloads[0]!.text).not.toContain('(first the page)');
    // Then every format is written.
    expect(read(outputs.text)).toContain('(first the page)');
    expect(b.written.written).toEqual(
      expect.arrayContaining([`html/${RECORD_ID}.html`, `text/${RECORD_ID}.txt`, `text/${RECORD_ID}.diplomatic.txt`]),
    );
    expect(b.reloadMs).not.toBeNull();
    expect(b.reloadMs!).toBeLessThan(b.ms);
  }, 120_000);

  it('keeps the last good outputs of a save with an error, reloads nothing and shows its diagnostic', async () => {
    const sse = await listen(watcher.server.url);
    const good = Object.fromEntries(Object.entries(outputs).map(([k, f]) => [k, read(f)]));
    const n = builds.length;
    // Valid XML, but an element the schema does not allow, on the phrase's line.
    const line = original.slice(0, original.indexOf(PHRASE)).split('\n').length;
    writeFileSync(doc, original.replace(PHRASE, `${PHRASE} <oops/>`));
    const b = await buildAfter(n);
    expect(b.written.written).toEqual([]);
    expect(b.reloadMs).toBeNull();
    for (const [k, f] of Object.entries(outputs)) expect(read(f), `out/${k}`).toBe(good[k]);
    for (let i = 0; i < 100 && !sse.seen.some((e) => e.event === 'diagnostics' && e.data.includes('oops')); i++)
      await sleep(50);
    sse.stop();
    expect(sse.seen.filter((e) => e.event === 'reload')).toEqual([]);
    const shown = JSON.parse(sse.seen.filter((e) => e.event === 'diagnostics').at(-1)!.data) as {
      file: string;
      line: number;
      column: number;
      severity: string;
      ruleId: string;
      message: string;
    }[];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown[0]).toMatchObject({ file: `tei/${RECORD_ID}.xml`, line, severity: 'error', source: 'schema' });
    expect(shown[0]!.message).toContain('oops');
    expect(shown[0]!.column).toBeGreaterThan(0);
  }, 120_000);
});
