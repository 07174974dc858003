import { describeIoFailure } from '../../core/io-failure.js';
import { projectPath } from '../../core/project.js';
import { watchEdition } from '../../pipeline/watch.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';
import { buildProgress } from '../progress.js';
import { onCompile } from '../../transform/compile-stylesheet.js';
import { cliContext } from '../context.js';

/** `tei-pipeline watch`: rebuild on every save, serve out/ on 127.0.0.1 with live reload. Ends on Ctrl-C. */
export async function watchCommand(options: CliOptions): Promise<number> {
  const project = editionFor(options);
  if (!project) return 1;
  const port = Number(cliContext().env['TEI_PIPELINE_PORT'] ?? 8080);
  // On a fresh checkout the first build compiles the stylesheets: say so, as `build` does.
  const progress = buildProgress(cliContext().stderr, { quiet: options.quiet, packageDir: project.packageDir });
  const stopListening = progress ? onCompile(progress.compile) : () => undefined;
  const watcher = await watchEdition(project, {
    port,
    extraSchemas: options.schemas,
    onBuild: ({ build, written, ms }) => {
      printReport(makeReport(build.docs, build.diagnostics), options, project.root);
      const out = projectPath(project, project.outDir);
      if (!options.quiet) for (const p of written.written) cliContext().stdout.write(`wrote ${out}/${p}\n`);
      cliContext().stdout.write(
        `rebuilt in ${Math.round(ms)} ms (${build.stats.validated} validated, ${build.stats.rendered} rendered); watching for changes…\n`,
      );
    },
    // An output that cannot be written is named, with the cause in words; watching goes on.
    onError: (e) =>
      cliContext().stderr.write(
        `tei-pipeline: ${describeIoFailure(e, cliContext().cwd) ?? `build failed: ${e.message}`}\n`,
      ),
  });
  cliContext().stdout.write(
    `serving ${projectPath(project, project.outDir)}/ at ${watcher.server.url}; the reading edition: ${watcher.server.url}html/\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  stopListening();
  return 0;
}
