import { buildEdition, type EditionBuild } from '../../pipeline/build.js';
import { commitBuild } from '../../pipeline/commit.js';
import { writeOutputs, type WriteResult } from '../../pipeline/outputs.js';
import { projectTempDirs, removeLeftovers } from '../../pipeline/leftovers.js';
import type { Outputs } from '../../transform/render.js';
import { projectPath } from '../../core/project.js';
import { WarmTools } from '../../pipeline/warm-tools.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';
import { buildProgress } from '../progress.js';
import { onCompile } from '../../transform/compile-stylesheet.js';
import { cliContext } from '../context.js';

/**
 * The last line of a build, in counts that add up the same way every run: outputs written and
 * already up to date are parts of all the edition's outputs; files validated and documents rendered
 * are parts of all the files and documents.
 */
export function summaryLine(written: number, build: EditionBuild, removed: number, ms: number): string {
  const outputs = build.expected.size;
  const documents = build.stats.rendered + build.stats.skipped;
  return (
    `wrote ${written} of ${outputs} output(s) (${outputs - written} already up to date), removed ${removed}; ` +
    `validated ${build.stats.validated} of ${build.docs.length} file(s), rendered ${build.stats.rendered} of ${documents} document(s) in ${(ms / 1000).toFixed(2)} s`
  );
}

/**
 * `tei-pipeline build [paths…]`: validate the edition, then write out/ for the documents that
 * validate; a document that fails keeps its last good outputs. Unchanged documents are skipped
 * (build cache; `--force` ignores it). Exit 1 if any document has errors.
 */
export async function buildCommand(options: CliOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const project = editionFor(options);
  if (!project) return 1;
  const tools = new WarmTools(project, { schemas: options.schemas });
  // Temporary files of a run that was killed go first (the compiled-stylesheet cache's too).
  const leftovers = await removeLeftovers([...projectTempDirs(project), project.cacheDir]);
  // Outputs are written as documents are rendered, so a large edition is never held in memory whole.
  const written: WriteResult = { written: [], unchanged: [] };
  const sink = async (outputs: Outputs) => {
    const w = await writeOutputs(project.outDir, outputs);
    written.written.push(...w.written);
    written.unchanged.push(...w.unchanged);
  };
  const progress = buildProgress(cliContext().stderr, { quiet: options.quiet, packageDir: project.packageDir });
  const stopListening = progress ? onCompile(progress.compile) : () => undefined;
  let build;
  try {
    build = await buildEdition(project, tools, {
      only: options.paths,
      force: options.force,
      jobs: options.jobs,
      // Nothing here reads a document's text after the build but to quote its diagnostics.
      letGo: true,
      onProgress: progress?.rendering,
      onValidate: progress?.validating,
      sink,
    });
  } finally {
    stopListening();
  }
  const { removed: stale } = await commitBuild(project, build, { removeStale: options.paths.length === 0 });
  await tools.keepLearned();
  const report = makeReport(build.docs, build.diagnostics);
  printReport(report, options, project.root);
  if (!options.quiet && options.format === 'human') {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const out = projectPath(project, project.outDir);
    for (const p of written.written.sort()) cliContext().stdout.write(`wrote ${out}/${p}\n`);
    for (const p of stale) cliContext().stdout.write(`removed ${out}/${p}\n`);
    for (const l of leftovers)
      cliContext().stdout.write(
        `removed ${projectPath(project, l.path)}${l.kind === 'folder' ? '/' : ''}: left by process ${l.pid}, which was interrupted\n`,
      );
    cliContext().stdout.write(summaryLine(written.written.length, build, stale.length, ms) + '\n');
  }
  return report.summary.errors > 0 ? 1 : 0;
}
