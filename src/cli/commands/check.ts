import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildEdition, staleOutputs } from '../../pipeline/build.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { LineIndex } from '../../core/line-index.js';
import { openProject, projectPath } from '../../core/project.js';
import { Workbench } from '../../pipeline/workbench.js';
import type { CliOptions } from '../options.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';

/** Where two texts first differ, as a position in the committed one. */
function firstDifference(committed: string, fresh: string): { line: number; column: number } {
  let i = 0;
  while (i < committed.length && i < fresh.length && committed[i] === fresh[i]) i++;
  return new LineIndex(committed).position(i);
}

/**
 * `tei-pipeline check`: validate, build in memory, and compare with the committed out/. Every
 * output that is missing, different or left over is a diagnostic; any of them means exit 1.
 */
export async function checkCommand(options: CliOptions): Promise<number> {
  const project = openProject(process.cwd(), options.out);
  // A proof, not a shortcut: everything is validated and rendered afresh, the cache is not read.
  const build = await buildEdition(project, new Workbench(project, { schemas: options.schemas }), { force: true });
  const out = projectPath(project, project.outDir);
  const problems: Diagnostic[] = [];
  const stale = (file: string, at: { line: number; column: number }, message: string) =>
    problems.push(diagnostic(`${out}/${file}`, at, 'error', 'transform', 'build/stale', message));
  for (const [path, fresh] of [...build.outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const committed = await readFile(join(project.outDir, path), 'utf8').catch(() => null);
    if (committed === null) stale(path, { line: 1, column: 1 }, 'Unexpected missing output, expected it to be built and committed: run `npm run build`');
    else if (committed !== fresh) stale(path, firstDifference(committed, fresh), 'Unexpected stale output: it differs from a fresh build from this line on; run `npm run build` and commit out/');
  }
  for (const path of await staleOutputs(project.outDir, build)) stale(path, { line: 1, column: 1 }, 'Unexpected output that no document produces any more: run `npm run build` to remove it');
  const report = makeReport(build.docs, [...build.diagnostics, ...problems]);
  printReport(report, options);
  return report.summary.errors > 0 ? 1 : 0;
}
