// node bench/watch-reload.mjs [--saves N] [--profile FILE.cpuprofile]
// What an editor waits for under `watch`, measured as ratios to a cold build with compiled stylesheets
// (P1.compiled: a new `tei-pipeline build --force` process, no build cache, stylesheets already compiled).
// Two figures per save of the record (a rename-replace, as vim, VS Code and sed -i save):
// - save → reload: until the live-reload event reaches a client of the server-sent event stream, as a
//   browser's EventSource receives it (the open page then reloads);
// - save → all outputs: until watch reports the build done (onBuild), every format written and the cache
//   saved; the bench checks that the text and citation outputs then hold the save.
// Cold builds and saves alternate (one of each per round) on two copies of tei/, so that both see the same
// load on a shared machine. --profile records a CPU profile of the saves alone (main thread), for
// https://www.speedscope.app or Chrome's DevTools. Also run by `npm run bench` (P2), through measureWatch().
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = 'dobrynin-vance-1977-02-26';
const PHRASE = 'asked him to pass on as directed';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const HOW = {
  cold:
    'cold: `tei-pipeline build --force --quiet` in a new process on a copy of tei/, no build cache, ' +
    'stylesheets and Schematron already compiled (as P1.compiled); wall time of the process',
  reload:
    'save → reload: rename-replace of the record, until the `reload` server-sent event reaches a client ' +
    'of /__tei-pipeline/events (as the open page receives it)',
  outputs:
    'save → all outputs: the same save, until watch reports the build done (every format written ' +
    'atomically, cache saved); checked against the reading text on disk',
};

/** A copy of the repository's tei/ in a new temporary folder. */
function copyEdition(name) {
  const root = mkdtempSync(join(tmpdir(), `tei-watch-${name}-`));
  cpSync(join(repo, 'tei'), join(root, 'tei'), { recursive: true });
  return root;
}

/** Wall time (ms) of a cold build with compiled stylesheets, in a new process. */
function coldBuild(root, sefCache) {
  rmSync(join(root, '.cache'), { recursive: true, force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'tei-pipeline.js'), 'build', '--force', '--quiet'], {
    cwd: root,
    env: { ...process.env, CI: '1', TEI_PIPELINE_CACHE: sefCache },
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`cold build failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return ms;
}

/** Times of events as they come, and a promise of the next one (no polling: it would load the thread measured). */
function arrivals() {
  const times = [];
  let wake = () => {};
  return {
    times,
    add: () => {
      times.push(performance.now());
      wake();
    },
    /** Resolves once there are more than `count` arrivals. */
    after: (count) =>
      times.length > count ? Promise.resolve() : new Promise((r) => (wake = () => times.length > count && r())),
  };
}

/** A client of the live-reload stream: the time each reload event arrives. */
async function reloadListener(url) {
  const events = arrivals();
  const res = await fetch(url + '__tei-pipeline/events');
  const reader = res.body.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    for (let text = ''; ;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
      for (let i; (i = text.indexOf('\n\n')) !== -1; text = text.slice(i + 2))
        if (text.slice(0, i).startsWith('event: reload')) events.add();
    }
  })().catch(() => {});
  return { ...events, stop: () => reader.cancel() };
}

/**
 * Measure `saves` saves of the record under watch and as many cold builds, alternating.
 * Returns medians in ms and every sample.
 */
export async function measureWatch({ saves = 7, profile } = {}) {
  const sefCache = mkdtempSync(join(tmpdir(), 'tei-watch-sef-'));
  const coldRoot = copyEdition('cold');
  const watchRoot = copyEdition('watch');
  const doc = join(watchRoot, 'tei', `${RECORD}.xml`);
  const original = readFileSync(doc, 'utf8');
  coldBuild(coldRoot, sefCache); // compiles what the package does not ship (the Schematron), untimed
  const watch = profile ? await watchInProcess(watchRoot, sefCache) : await watchProcess(watchRoot, sefCache);
  await watch.builds.after(0);
  const reloads = await reloadListener(watch.url);
  const session = profile ? await startProfile() : null;
  const samples = { cold: [], reload: [], outputs: [] };
  try {
    for (let i = 1; i <= saves; i++) {
      // With a profile, the cold builds (another process) stay out of it: they come after the saves.
      if (!session) samples.cold.push(coldBuild(coldRoot, sefCache));
      const [reloadsBefore, buildsBefore] = [reloads.times.length, watch.builds.times.length];
      const marker = `(save ${i})`;
      const tmp = join(watchRoot, 'tei', `.save-${i}.tmp`);
      writeFileSync(tmp, original.replace(PHRASE, `${PHRASE} ${marker}`));
      const saved = performance.now();
      renameSync(tmp, doc);
      await Promise.all([reloads.after(reloadsBefore), watch.builds.after(buildsBefore)]);
      samples.reload.push(reloads.times[reloadsBefore] - saved);
      samples.outputs.push(watch.builds.times[buildsBefore] - saved);
      // The reading text is the last format written (citations hold no body text, so are unchanged).
      if (!readFileSync(join(watchRoot, 'out', 'text', `${RECORD}.txt`), 'utf8').includes(marker))
        throw new Error(`save ${i}: out/text/${RECORD}.txt does not hold the save once watch reported the build`);
      await sleep(300); // quiet between saves, as between an editor's saves
    }
    if (session) await stopProfile(session, profile);
    if (session) for (let i = 0; i < saves; i++) samples.cold.push(coldBuild(coldRoot, sefCache));
  } finally {
    await reloads.stop();
    await watch.stop();
    for (const dir of [sefCache, coldRoot, watchRoot]) rmSync(dir, { recursive: true, force: true });
  }
  return {
    cold: median(samples.cold),
    reload: median(samples.reload),
    outputs: median(samples.outputs),
    samples,
  };
}

/**
 * `tei-pipeline watch` in a process of its own, as an editor runs it: the reload event then reaches this
 * process as it reaches a browser, while watch goes on rendering. A build is done when it prints "rebuilt".
 */
async function watchProcess(root, sefCache) {
  const builds = arrivals();
  const child = spawn(process.execPath, [join(repo, 'bin', 'tei-pipeline.js'), 'watch', '--quiet'], {
    cwd: root,
    env: { ...process.env, CI: '1', TEI_PIPELINE_PORT: '0', TEI_PIPELINE_CACHE: sefCache },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let url = null;
  let served = () => {};
  const serving = new Promise((r) => (served = r));
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    for (text += chunk; text.includes('\n'); text = text.slice(text.indexOf('\n') + 1)) {
      const line = text.slice(0, text.indexOf('\n'));
      if (line.startsWith('rebuilt in')) builds.add();
      const at = / at (http:\/\/127\.0\.0\.1:\d+\/);/.exec(line);
      if (at) served((url = at[1]));
    }
  });
  const exited = new Promise((r) => child.once('exit', r));
  await Promise.race([serving, exited]);
  if (!url) throw new Error('tei-pipeline watch ended before serving');
  return {
    url,
    builds,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** watchEdition in this process, for a CPU profile of the saves alone. */
async function watchInProcess(root, sefCache) {
  const { openProject } = await import(join(repo, 'dist', 'core', 'project.js'));
  const { watchEdition } = await import(join(repo, 'dist', 'pipeline', 'watch.js'));
  const builds = arrivals();
  const watcher = await watchEdition(
    { ...openProject(root), cacheDir: sefCache },
    {
      port: 0,
      onBuild: builds.add,
      onError: (e) => {
        console.error(e);
        process.exit(2);
      },
    },
  );
  return { url: watcher.server.url, builds, stop: () => watcher.close() };
}

async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session, file) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { saves: { type: 'string' }, profile: { type: 'string' } } });
  const saves = Number(values.saves ?? 7);
  const m = await measureWatch({ saves, profile: values.profile });
  const list = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
  console.log(`${saves} rounds (ms), each one cold build and one save, alternating:`);
  console.log(`  cold build, compiled stylesheets: ${list(m.samples.cold)}`);
  console.log(`  save → reload event:              ${list(m.samples.reload)}`);
  console.log(`  save → all outputs written:       ${list(m.samples.outputs)}`);
  console.log('medians:');
  console.log(`  cold ${m.cold.toFixed(0)} ms`);
  console.log(`  save → reload ${m.reload.toFixed(0)} ms = ${(m.reload / m.cold).toFixed(3)}× cold (target ≤ 0.1×)`);
  console.log(`  save → outputs ${m.outputs.toFixed(0)} ms = ${(m.outputs / m.cold).toFixed(3)}× cold (target ≤ 0.2×)`);
  console.log('how each figure was obtained:');
  for (const how of Object.values(HOW)) console.log(`  ${how}`);
  if (values.profile) console.log(`CPU profile of the saves (main thread): ${values.profile}`);
}
