import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { buildEdition, stampOutputs, staleOutputs, type EditionBuild } from './build.js';
import { loadCache, saveCache, type BuildCache } from './build-cache.js';
import { toolFingerprint } from '../core/fingerprint.js';
import { removeOutputs, writeOutputs, type WriteResult } from './outputs.js';
import type { Project } from '../core/project.js';
import { serve, type LiveServer } from './serve.js';
import { Workbench } from './workbench.js';

export interface Rebuild {
  build: EditionBuild;
  written: WriteResult;
  /** Milliseconds from the first change noticed to the outputs written. */
  ms: number;
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

// Saves arrive as bursts of events (editors write, rename, touch): wait this long for quiet.
const SETTLE_MS = 30;

/**
 * Keep the stylesheets and schemas compiled in one process, rebuild what a saved change affects,
 * serve out/html with live reload. Invalid saves keep the last good outputs and show their
 * diagnostics in the open pages.
 */
export async function watchEdition(project: Project, options: WatchOptions): Promise<EditionWatcher> {
  const bench = new Workbench(project, { schemas: options.extraSchemas ?? [] });
  bench.keepParsed = true;
  let cache: BuildCache = await loadCache(project.buildCacheFile, toolFingerprint());
  const server = await serve(join(project.outDir, 'html'), options.port);
  let running: Promise<void> | null = null;
  let pending = false;
  let since = 0;
  let timer: NodeJS.Timeout | undefined;

  const rebuild = async () => {
    const started = since || performance.now();
    since = 0;
    const build = await buildEdition(project, bench, { cache });
    const written = await writeOutputs(project.outDir, build.outputs);
    await removeOutputs(project.outDir, await staleOutputs(project.outDir, build));
    await stampOutputs(project.outDir, build.cache);
    cache = build.cache;
    await saveCache(project.buildCacheFile, cache);
    const problems = build.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error');
    server.showDiagnostics(problems);
    if (written.written.length > 0) server.reload();
    options.onBuild({ build, written, ms: performance.now() - started });
  };
  const schedule = () => {
    if (running) {
      pending = true;
      return;
    }
    running = rebuild()
      .catch((e: unknown) => options.onError(e instanceof Error ? e : new Error(String(e))))
      .finally(() => {
        running = null;
        if (pending) {
          pending = false;
          schedule();
        }
      });
  };
  const changed = (resetCompiled: boolean) => () => {
    if (!since) since = performance.now();
    if (resetCompiled) bench.reset();
    clearTimeout(timer);
    timer = setTimeout(schedule, SETTLE_MS);
  };

  schedule();
  const watchers: FSWatcher[] = [
    // Schemas live in tei/schema/: a change there recompiles them too.
    watch(join(project.root, project.teiDir), { recursive: true }, (_e, name) => changed(String(name ?? '').startsWith('schema'))()),
    watch(join(project.packageDir, 'xslt'), { recursive: true }, changed(true)),
  ];
  return {
    server,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      while (running) await running;
      await server.close();
    },
  };
}
