import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { depositEdition } from '../../deposit/deposit-edition.js';
import { readBag, verifyBag } from '../../deposit/verify.js';
import { diagnostic } from '../../core/diagnostic.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';
import { UsageError } from '../usage.js';
import { toolVersion } from '../version.js';
import { cliContext } from '../context.js';

const seconds = (started: bigint) => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);

/**
 * `tei-pipeline deposit [id…]`: a BagIt bag and its zip per document in out/deposit/ (every
 * document of tei/ when no id is given). `tei-pipeline deposit --verify PATH`: check a bag folder
 * or zip. Exit 1 when a document is refused or a bag does not verify.
 */
export async function depositCommand(options: CliOptions): Promise<number> {
  if (options.verify !== undefined) {
    if (options.paths.length > 0)
      throw new UsageError(
        `Unexpected ids with --verify (${options.paths.join(' ')}), expected only the bag to verify`,
      );
    return verifyCommand(options.verify, options);
  }
  const started = process.hrtime.bigint();
  const project = editionFor(options);
  if (!project) return 1;
  const run = await depositEdition(project, {
    ids: options.paths,
    schemas: options.schemas,
    jobs: options.jobs,
    agent: `tei-pipeline ${toolVersion()}`,
  });
  const report = makeReport(run.files, run.diagnostics);
  printReport(report, options, project.root);
  if (!options.quiet && options.format === 'human') {
    for (const line of run.lines) cliContext().stdout.write(line + '\n');
    cliContext().stdout.write(`${run.summary} in ${seconds(started)} s\n`);
  }
  return report.summary.errors > 0 ? 1 : 0;
}

/** `deposit --verify PATH`: recompute every checksum of a bag folder or zip, report what differs. */
async function verifyCommand(path: string, options: CliOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const absolute = resolve(cliContext().cwd, path);
  const shown = relative(cliContext().cwd, absolute).split(sep).join('/') || '.';
  if (!existsSync(absolute)) {
    const report = makeReport(
      [],
      [
        diagnostic({
          file: shown,
          at: { line: 1, column: 1 },
          severity: 'error',
          source: 'deposit',
          ruleId: 'io/not-found',
          message: `Unexpected path "${shown}": no such bag folder or zip`,
        }),
      ],
    );
    printReport({ ...report, summary: { ...report.summary, files: 1 } }, options);
    return 1;
  }
  const result = verifyBag(await readBag(absolute, shown));
  const base = makeReport([], result.diagnostics);
  // The summary counts the bag's files (the human format says "no documents" for none).
  printReport(
    { ...base, summary: { ...base.summary, files: Math.max(1, result.files) }, sources: result.sources },
    options,
  );
  if (!options.quiet && options.format === 'human' && base.summary.errors === 0) {
    cliContext().stdout.write(
      `verified ${shown}: every file the manifests (${result.algorithms.join(', ')}) and the tag manifest list is there and unchanged, in ${seconds(started)} s\n`,
    );
  }
  return base.summary.errors > 0 ? 1 : 0;
}
