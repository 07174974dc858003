import { projectPath } from '../../core/project.js';
import { watchEdition } from '../../pipeline/watch.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';

/** `tei-pipeline watch`: rebuild on every save, serve out/html on 127.0.0.1 with live reload. Ends on Ctrl-C. */
export async function watchCommand(options: CliOptions): Promise<number> {
  const project = editionFor(options);
  if (!project) return 1;
  const port = Number(process.env['TEI_PIPELINE_PORT'] ?? 8080);
  const watcher = await watchEdition(project, {
    port,
    extraSchemas: options.schemas,
    onBuild: ({ build, written, ms }) => {
      printReport(makeReport(build.docs, build.diagnostics), options, project.root);
      const out = projectPath(project, project.outDir);
      if (!options.quiet) for (const p of written.written) process.stdout.write(`wrote ${out}/${p}\n`);
      process.stdout.write(`rebuilt in ${Math.round(ms)} ms (${build.stats.validated} validated, ${build.stats.rendered} rendered); watching for changes…\n`);
    },
    onError: (e) => process.stderr.write(`tei-pipeline: build failed: ${e.message}\n`),
  });
  process.stdout.write(`serving ${projectPath(project, project.outDir)}/html at ${watcher.server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  return 0;
}
