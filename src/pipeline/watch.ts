import { watch as chokidar } from 'chokidar';
import { join } from 'node:path';
import { buildEdition, type EditionBuild } from './build.js';
import { commitBuild } from './commit.js';
import { loadCache, type BuildCache } from './build-cache.js';
import { toolFingerprint } from '../core/fingerprint.js';
import { writeOutputs, type WriteResult } from './outputs.js';
import type { Project } from '../core/project.js';
import type { SourceDocument } from '../core/document.js';
import { projectTempDirs, removeLeftovers } from './leftovers.js';
import { serve, type LiveServer } from './serve.js';
import { WarmTools } from './warm-tools.js';
import { changeKind, isScratchFile, type ChangeKind } from './watched-files.js';
import { SecondLook } from './second-look.js';
import { warmRenderPath } from './warm-up.js';

export interface Rebuild {
  build: EditionBuild;
  written: WriteResult;
  /** Milliseconds from the first change noticed to the outputs written. */
  ms: number;
  /** Milliseconds from the first change noticed to the open pages told to reload; null when nothing reloaded. */
  reloadMs: number | null;
}

export interface WatchOptions {
  port: number;
  extraSchemas?: readonly string[];
  /** Called after every build, the first one included. */
  onBuild(rebuild: Rebuild): void;
  /** Called when a build fails inside (not for invalid documents, which are diagnostics). */
  onError(error: Error): void;
}

export interface EditionWatcher {
  server: LiveServer;
  close(): Promise<void>;
}

/**
 * Keep the stylesheets and schemas compiled in one process, rebuild what a saved change affects,
 * serve out/ (the reading edition at html/) with live reload. Invalid saves keep the last good outputs and show their
 * diagnostics in the open pages.
 */
export async function watchEdition(project: Project, options: WatchOptions): Promise<EditionWatcher> {
  const tools = new WarmTools(project, { schemas: options.extraSchemas ?? [] });
  tools.keepParsed = true;
  // Temporary files of a build or watch that was killed go first.
  await removeLeftovers([...projectTempDirs(project), project.cacheDir]);
  let cache: BuildCache = await loadCache(project.buildCacheFile, toolFingerprint());
  // All of out/ (html/, text/, cite/, deposit/ when built) under one root, as a static host has it.
  const server = await serve(project.outDir, options.port, true, 'html/');
  let running: Promise<void> | null = null;
  let pending = false;
  let since = 0;
  let timer: NodeJS.Timeout | undefined;
  // The running build, while it has written nothing: a newer change stops it (build.ts, `signal`).
  let stoppable: AbortController | null = null;
  // After the first build, the HTML path is warmed while nothing else happens (warm-up.ts).
  let toWarm: EditionBuild | null = null;
  let warming: Promise<void> = Promise.resolve();
  let first = true;
  let closed = false;

  let shown: string | null = null;
  const showDiagnostics = (docs: readonly SourceDocument[]) => {
    const problems = docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error');
    const json = JSON.stringify(problems);
    if (json !== shown) server.showDiagnostics(problems);
    shown = json;
  };
  const rebuild = async () => {
    const started = since || performance.now();
    since = 0;
    const written: WriteResult = { written: [], unchanged: [] };
    let reloadMs: number | null = null;
    const controller = new AbortController();
    stoppable = controller;
    // Past this point the build runs to its end: it has begun to write, or has nothing left to write.
    // A file changed since it was reported (an editor writing in place is reported when it truncates the
    // file) may have been read half-written: the build stops, and the file is built again as it is now.
    const commit = () => {
      if (stoppable === controller) secondLook.lookNow();
      controller.signal.throwIfAborted();
      stoppable = null;
    };
    // Each document's outputs are written as they are rendered; the HTML and the corpus pages come first,
    // the pages reload, and only then are the text and citations rendered: the editor looks at the page.
    const build = await buildEdition(project, tools, {
      cache,
      signal: controller.signal,
      sink: async (outputs) => {
        commit();
        const r = await writeOutputs(project.outDir, outputs);
        written.written.push(...r.written);
        written.unchanged.push(...r.unchanged);
      },
      first: {
        formats: ['html'],
        then: async (docs) => {
          commit();
          showDiagnostics(docs);
          if (written.written.length === 0) return;
          server.reload();
          reloadMs = performance.now() - started;
        },
      },
    });
    commit();
    await commitBuild(project, build);
    cache = build.cache;
    // A stylesheet that failed on the text or citations, after the reload, still shows on the page.
    showDiagnostics(build.docs);
    if (first) toWarm = build;
    first = false;
    options.onBuild({ build, written, ms: performance.now() - started, reloadMs });
    await tools.keepLearned();
  };
  const schedule = () => {
    if (running) {
      pending = true;
      return;
    }
    running = rebuild()
      .catch((e: unknown) => {
        // Stopped by a newer change, which `pending` rebuilds: not a failure.
        if (e instanceof Error && e.name === 'AbortError') return;
        options.onError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => {
        running = null;
        stoppable = null;
        if (pending) {
          pending = false;
          schedule();
        } else if (toWarm) {
          const build = toWarm;
          toWarm = null;
          const busy = () => closed || running !== null || since !== 0;
          warming = warmRenderPath(project, tools, build.docs, build.stats.rendered, busy);
        }
      });
  };
  // A save is built at once, not after a pause for quiet: the events of one save (editors write, rename,
  // touch) come within a millisecond or two and are taken together, and a later event stops a build that
  // has not written yet, whose bytes it makes stale, so a burst still ends in one build of the last bytes.
  // A pause would only add its length to every save's wait (30 ms, a sixth of a save -> reload).
  const changed = (kind: ChangeKind) => {
    if (kind === 'none') return;
    if (!since) since = performance.now();
    if (kind !== 'document') tools.reset();
    stoppable?.abort();
    clearTimeout(timer);
    timer = setTimeout(schedule, 0);
  };

  // chokidar, not Node's fs.watch: Node 20's recursive watch on Linux loses a file once an editor
  // replaces it by a rename (vim, VS Code and oXygen safe-save, sed -i) and reports nothing for it
  // again. chokidar watches each folder, re-attaches to the new file and, with `atomic`, reports the
  // unlink-then-add of a rename-replace as one change.
  const teiFolder = join(project.root, project.teiDir);
  const xsltFolder = join(project.packageDir, 'xslt');
  const watcher = chokidar([teiFolder, xsltFolder], {
    ignoreInitial: true,
    atomic: true,
    ignored: (p) => isScratchFile(p),
  });
  const onChange = (path: string) => {
    const kind = changeKind(path, teiFolder, xsltFolder);
    if (kind !== 'none') secondLook.changed(path);
    changed(kind);
  };
  const secondLook = new SecondLook(onChange);
  watcher.on('all', (_event, path) => onChange(path));
  watcher.on('error', (e) => options.onError(e instanceof Error ? e : new Error(String(e))));
  // Saves made once watchEdition has returned are seen: the watcher is attached everywhere by then.
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  schedule();
  return {
    server,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      secondLook.close();
      while (running) await running;
      await warming;
      await server.close();
    },
  };
}
