import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { watchEdition, type EditionWatcher, type Rebuild } from '../../src/pipeline/watch.js';
import { repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

const root = tempProject({}, { withRecord: true });
const project = { ...openProject(root), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
const builds: Rebuild[] = [];
let watcher: EditionWatcher;
const nextBuild = async (after: number) => {
  for (let i = 0; i < 600 && builds.length <= after; i++) await new Promise((r) => setTimeout(r, 50));
  return builds[after]!;
};

/** Server-sent events as they arrive, read from the live server like a browser's EventSource. */
async function listen(url: string) {
  const events: { event: string; data: string }[] = [];
  const controller = new AbortController();
  const res = await fetch(url + '__tei-pipeline/events', { signal: controller.signal });
  const reader = res.body!.getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += new TextDecoder().decode(value);
        let i;
        while ((i = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          events.push({ event: /^event: (.*)$/m.exec(block)?.[1] ?? '', data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { events, stop: () => controller.abort() };
}

afterAll(async () => watcher?.close());

describe('watch', () => {
  it('builds, serves with live reload, rebuilds a saved change, and keeps the last good output on an invalid save', async () => {
    watcher = await watchEdition(project, {
      port: 0,
      onBuild: (b) => builds.push(b),
      onError: (e) => {
        throw e;
      },
    });
    const first = await nextBuild(0);
    expect(first.build.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    const page = await (await fetch(watcher.server.url + `html/${RECORD_ID}.html`)).text();
    expect(page).toContain('<script src="/__tei-pipeline/client.js"></script></body>');
    expect(readFileSync(join(root, 'out', 'html', `${RECORD_ID}.html`), 'utf8')).not.toContain('__tei-pipeline');
    expect((await fetch(watcher.server.url + '../../etc/passwd')).status).toBe(404);
    const sse = await listen(watcher.server.url);

    const doc = join(root, 'tei', `${RECORD_ID}.xml`);
    const original = readFileSync(doc, 'utf8');
    writeFileSync(doc, original.replace('asked him to pass on as directed', 'asked him to pass on, as directed,'));
    const second = await nextBuild(1);
    expect(second.build.stats).toMatchObject({ validated: 1, rendered: 1 });
    expect(readFileSync(join(root, 'out', 'text', `${RECORD_ID}.txt`), 'utf8')).toContain('pass on, as directed,');
    for (let i = 0; i < 40 && !sse.events.some((e) => e.event === 'reload'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(sse.events.some((e) => e.event === 'reload')).toBe(true);

    const good = readFileSync(join(root, 'out', 'html', `${RECORD_ID}.html`));
    writeFileSync(doc, original.replace('</TEI>', '<oops></TEI>'));
    const third = await nextBuild(2);
    expect(third.written.written).toEqual([]);
    expect(readFileSync(join(root, 'out', 'html', `${RECORD_ID}.html`)).equals(good)).toBe(true);
    for (
      let i = 0;
      i < 40 && !sse.events.some((e) => e.event === 'diagnostics' && e.data.includes('not-well-formed'));
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    const shown = sse.events.filter((e) => e.event === 'diagnostics').at(-1)!;
    expect(JSON.parse(shown.data)[0]).toMatchObject({ file: `tei/${RECORD_ID}.xml`, ruleId: 'xml/not-well-formed' });
    sse.stop();
  });
});
