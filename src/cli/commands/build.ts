import { buildEdition, stampOutputs, staleOutputs } from '../../pipeline/build.js';
import { saveCache } from '../../pipeline/build-cache.js';
import { removeOutputs, writeOutputs } from '../../pipeline/outputs.js';
import { openProject, projectPath } from '../../pipeline/project.js';
import { Workbench } from '../../pipeline/workbench.js';
import type { CliOptions } from '../options.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';

/**
 * `tei-pipeline build [paths…]`: validate the edition, then write out/ for the documents that
 * validate; a document that fails keeps its last good outputs. Unchanged documents are skipped
 * (build cache; `--force` ignores it). Exit 1 if any document has errors.
 */
export async function buildCommand(options: CliOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const project = openProject(process.cwd(), options.out);
  const bench = new Workbench(project, { extraSchemas: options.schemas });
  const build = await buildEdition(project, bench, { only: options.paths, force: options.force });
  const written = await writeOutputs(project.outDir, build.outputs);
  const stale = options.paths.length === 0 ? await staleOutputs(project.outDir, build) : [];
  await removeOutputs(project.outDir, stale);
  await stampOutputs(project.outDir, build.cache);
  await saveCache(project.buildCacheFile, build.cache);
  const report = makeReport(build.docs, build.diagnostics);
  printReport(report, options);
  if (!options.quiet && options.format === 'human') {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const out = projectPath(project, project.outDir);
    for (const p of written.written) process.stdout.write(`wrote ${out}/${p}\n`);
    for (const p of stale) process.stdout.write(`removed ${out}/${p}\n`);
    const { validated, rendered, skipped } = build.stats;
    process.stdout.write(
      `built ${written.written.length} file(s), ${written.unchanged.length} unchanged, ${stale.length} removed; ` +
        `${validated} validated, ${rendered} rendered, ${skipped} up to date in ${(ms / 1000).toFixed(2)} s\n`,
    );
  }
  return report.summary.errors > 0 ? 1 : 0;
}
