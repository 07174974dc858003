import { buildEdition, stampOutputs, staleOutputs } from '../../pipeline/build.js';
import { saveCache } from '../../pipeline/build-cache.js';
import { removeOutputs, writeOutputs, type WriteResult } from '../../pipeline/outputs.js';
import type { Outputs } from '../../transform/render.js';
import { openProject, projectPath } from '../../core/project.js';
import { Workbench } from '../../pipeline/workbench.js';
import type { CliOptions } from '../options.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';

/**
 * A progress line on a terminal, for builds of more than 20 documents: never in CI, never with --quiet,
 * never when stderr is a file.
 */
function progressBar(options: CliOptions): ((done: number, total: number) => void) | undefined {
  if (options.quiet || !process.stderr.isTTY || process.env['CI']) return undefined;
  return (done, total) => {
    if (total <= 20) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\rrendering [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

/**
 * `tei-pipeline build [paths…]`: validate the edition, then write out/ for the documents that
 * validate; a document that fails keeps its last good outputs. Unchanged documents are skipped
 * (build cache; `--force` ignores it). Exit 1 if any document has errors.
 */
export async function buildCommand(options: CliOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const project = openProject(process.cwd(), options.out);
  const bench = new Workbench(project, { schemas: options.schemas });
  // Outputs are written as documents are rendered, so a large edition is never held in memory whole.
  const written: WriteResult = { written: [], unchanged: [] };
  const sink = async (outputs: Outputs) => {
    const w = await writeOutputs(project.outDir, outputs);
    written.written.push(...w.written);
    written.unchanged.push(...w.unchanged);
  };
  const build = await buildEdition(project, bench, { only: options.paths, force: options.force, jobs: options.jobs, onProgress: progressBar(options), sink });
  const stale = options.paths.length === 0 ? await staleOutputs(project.outDir, build) : [];
  await removeOutputs(project.outDir, stale);
  await stampOutputs(project.outDir, build.cache);
  await saveCache(project.buildCacheFile, build.cache);
  const report = makeReport(build.docs, build.diagnostics);
  printReport(report, options);
  if (!options.quiet && options.format === 'human') {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const out = projectPath(project, project.outDir);
    for (const p of written.written.sort()) process.stdout.write(`wrote ${out}/${p}\n`);
    for (const p of stale) process.stdout.write(`removed ${out}/${p}\n`);
    const { validated, rendered, skipped } = build.stats;
    process.stdout.write(
      `built ${written.written.length} file(s), ${written.unchanged.length} unchanged, ${stale.length} removed; ` +
        `${validated} validated, ${rendered} rendered, ${skipped} up to date in ${(ms / 1000).toFixed(2)} s\n`,
    );
  }
  return report.summary.errors > 0 ? 1 : 0;
}
