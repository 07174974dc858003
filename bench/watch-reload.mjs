// node bench/watch-reload.mjs [--saves N]: what an editor waits for under `watch`: from saving the
// record (a rename-replace, as vim, VS Code and sed -i save) to the open page being told to reload
// (the server-sent event arriving at a client, as a browser's EventSource receives it). Runs on a
// temporary copy of tei/, with the compiled stylesheets of .cache/ (a first build compiles them).
// Prints each save's time and the median. Not part of `npm test`.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { saves: { type: 'string' } } });
const saves = Number(values.saves ?? 7);
const { openProject } = await import(join(repo, 'dist', 'core', 'project.js'));
const { watchEdition } = await import(join(repo, 'dist', 'pipeline', 'watch.js'));

const root = mkdtempSync(join(tmpdir(), 'tei-watch-reload-'));
cpSync(join(repo, 'tei'), join(root, 'tei'), { recursive: true });
const project = { ...openProject(root), cacheDir: join(repo, '.cache', 'tei-pipeline') };
const doc = join(root, 'tei', 'dobrynin-vance-1977-02-26.xml');
const original = readFileSync(doc, 'utf8');

let built = 0;
const watcher = await watchEdition(project, {
  port: 0,
  onBuild: () => built++,
  onError: (e) => {
    console.error(e);
    process.exit(2);
  },
});
while (built === 0) await new Promise((r) => setTimeout(r, 50));

// A client of the live-reload stream, timing each reload event.
const reloads = [];
const res = await fetch(watcher.server.url + '__tei-pipeline/events');
const reader = res.body.getReader();
void (async () => {
  for (let text = ''; ;) {
    const { value, done } = await reader.read();
    if (done) return;
    text += new TextDecoder().decode(value);
    for (let i; (i = text.indexOf('\n\n')) !== -1; text = text.slice(i + 2))
      if (text.slice(0, i).startsWith('event: reload')) reloads.push(performance.now());
  }
})();

const times = [];
for (let i = 1; i <= saves; i++) {
  const before = reloads.length;
  const tmp = join(root, 'tei', `.save-${i}.tmp`);
  writeFileSync(tmp, original.replace('asked him to pass on as directed', `asked him to pass on as directed (${i})`));
  const saved = performance.now();
  renameSync(tmp, doc);
  while (reloads.length === before) await new Promise((r) => setTimeout(r, 5));
  times.push(reloads[before] - saved);
  await new Promise((r) => setTimeout(r, 300));
}
await reader.cancel();
await watcher.close();
rmSync(root, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log(`save to reload, ${saves} saves (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
console.log(
  `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`,
);
