import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildEdition } from '../../pipeline/build.js';
import { staleOutputs } from '../../pipeline/commit.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { LineIndex } from '../../core/line-index.js';
import { projectPath } from '../../core/project.js';
import { findLeftovers, projectTempDirs } from '../../pipeline/leftovers.js';
import { WarmTools } from '../../pipeline/warm-tools.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';
import { staleDiff } from '../stale-diff.js';
import { cliContext } from '../context.js';

// A short diff for each of the first stale files; past that, a count (output stays bounded).
const MAX_DIFFS = 20;

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
  const project = editionFor(options);
  if (!project) return 1;
  // A proof, not a shortcut: everything is validated and rendered afresh, the cache is not read.
  const tools = new WarmTools(project, { schemas: options.schemas });
  const build = await buildEdition(project, tools, { force: true });
  await tools.keepLearned();
  const out = projectPath(project, project.outDir);
  const problems: Diagnostic[] = [];
  const diffs: string[] = [];
  const stale = (file: string, at: { line: number; column: number }, message: string) =>
    problems.push(
      diagnostic({
        file: `${out}/${file}`,
        at,
        severity: 'error',
        source: 'transform',
        ruleId: 'build/stale',
        message,
      }),
    );
  for (const [path, fresh] of [...build.outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bytes = await readFile(join(project.outDir, path)).catch(() => null);
    if (typeof fresh !== 'string') {
      // A copied file (a picture): the same bytes, or stale.
      if (bytes === null || !bytes.equals(fresh))
        stale(
          path,
          { line: 1, column: 1 },
          bytes === null
            ? 'Unexpected missing copy, expected it to be built and committed: run `npm run build`'
            : 'Unexpected stale copy: it differs from the file it was copied from; run `npm run build` and commit out/',
        );
      continue;
    }
    const committed = bytes === null ? null : bytes.toString('utf8');
    if (committed === null)
      stale(
        path,
        { line: 1, column: 1 },
        'Unexpected missing output, expected it to be built and committed: run `npm run build`',
      );
    else if (committed !== fresh) {
      stale(
        path,
        firstDifference(committed, fresh),
        'Unexpected stale output: it differs from a fresh build from this line on; run `npm run build` and commit out/',
      );
      diffs.push(staleDiff(`${out}/${path}`, committed, fresh));
    }
  }
  for (const path of await staleOutputs(project.outDir, build))
    stale(
      path,
      { line: 1, column: 1 },
      'Unexpected output that no document produces any more: run `npm run build` to remove it',
    );
  for (const l of await findLeftovers(projectTempDirs(project))) {
    problems.push(
      diagnostic({
        file: projectPath(project, l.path) + (l.kind === 'folder' ? '/' : ''),
        at: { line: 1, column: 1 },
        severity: 'error',
        source: 'transform',
        ruleId: 'build/leftover',
        message: `Unexpected temporary ${l.kind} left by process ${l.pid}, which was interrupted and is no longer running: the next \`build\` or \`deposit\` removes it`,
      }),
    );
  }
  const report = makeReport(build.docs, [...build.diagnostics, ...problems]);
  printReport(report, options, project.root);
  // How each stale file differs, after the diagnostics (human format: the others are for machines).
  if (options.format === 'human' && diffs.length > 0) {
    const shown = diffs.slice(0, MAX_DIFFS);
    cliContext().stderr.write(
      '\n' +
        shown.join('\n') +
        (diffs.length > shown.length ? `\n… and ${diffs.length - shown.length} more stale file(s)\n` : ''),
    );
  }
  return report.summary.errors > 0 ? 1 : 0;
}
