import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { depositDocument, depositDir, type DepositContext } from '../../deposit/deposit-document.js';
import { depositStylesheet } from '../../deposit/metadata.js';
import { readBag, verifyBag } from '../../deposit/verify.js';
import { humanSize } from '../../deposit/bag-info.js';
import { buildEdition, isRegisterFile } from '../../pipeline/build.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { openProject, projectPath } from '../../core/project.js';
import { Workbench } from '../../pipeline/workbench.js';
import { compileStylesheet } from '../../transform/compile-stylesheet.js';
import { documentPool } from '../../transform/render.js';
import type { CliOptions } from '../options.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';
import { UsageError } from '../usage.js';
import { toolVersion } from '../version.js';

const seconds = (started: bigint) => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);

/**
 * `tei-pipeline deposit [id…]`: a BagIt bag and its zip per document in out/deposit/ (every
 * document of tei/ when no id is given). `tei-pipeline deposit --verify PATH`: check a bag folder
 * or zip. Exit 1 when a document is refused or a bag does not verify.
 */
export async function depositCommand(options: CliOptions): Promise<number> {
  if (options.verify !== undefined) {
    if (options.paths.length > 0) throw new UsageError(`Unexpected ids with --verify (${options.paths.join(' ')}), expected only the bag to verify`);
    return verifyCommand(options.verify, options);
  }
  const started = process.hrtime.bigint();
  const project = openProject(process.cwd(), options.out);
  const ids = options.paths.map((p) => p.replace(/^.*[\\/]/, '').replace(/\.xml$/i, ''));
  const bench = new Workbench(project, { schemas: options.schemas });
  // Like `check`, a proof rather than a shortcut: everything is validated and rendered afresh (no
  // build cache), so the bag holds exactly what this run checked, byte for byte.
  const [build, sef] = await Promise.all([
    buildEdition(project, bench, { only: ids, force: true, jobs: options.jobs }),
    compileStylesheet(depositStylesheet(project), project.cacheDir),
  ]);
  const registers = build.docs.filter((d) => isRegisterFile(project, d.file));
  const documents = build.docs.filter((d) => !isRegisterFile(project, d.file));
  const problems: Diagnostic[] = [...build.diagnostics];
  const targets = ids.length === 0 ? documents : documents.filter((d) => ids.includes(d.id));
  for (const id of ids.filter((i) => !documents.some((d) => d.id === i))) {
    const register = registers.some((r) => r.id === id);
    problems.push(diagnostic(`${project.teiDir}/${id}.xml`, { line: 1, column: 1 }, 'error', 'deposit', 'deposit/unknown-id',
      register ? `Unexpected register "${id}" to deposit alone, expected a document id: registers go into every document's bag`
        : `Unexpected document id "${id}", expected one of: ${documents.map((d) => d.id).join(', ') || 'none (tei/ holds no documents)'}`));
  }
  const ctx: DepositContext = {
    project, sef, pool: documentPool(build.docs), outputs: build.outputs, registers,
    extraSchemas: options.schemas.map((s) => resolve(project.root, s)), agent: `tei-pipeline ${toolVersion()}`,
  };
  const written: string[] = [];
  const refused: string[] = [];
  for (const doc of targets) {
    const done = await depositDocument(ctx, doc);
    if (!done) {
      refused.push(`refused ${doc.file}: see the errors above; nothing was written for it`);
      continue;
    }
    let size = 0;
    for (const b of done.bag.values()) size += b.length;
    written.push(`wrote ${projectPath(project, done.folder)}/ (${done.bag.size} files, ${humanSize(size)})`);
    written.push(`wrote ${projectPath(project, done.zipFile)} (${humanSize(done.zip.length)})`);
  }
  const report = makeReport([...targets, ...registers], problems);
  printReport(report, options);
  if (!options.quiet && options.format === 'human') {
    for (const line of [...written, ...refused]) process.stdout.write(line + '\n');
    process.stdout.write(`deposited ${written.length / 2} of ${targets.length} document(s) in ${projectPath(project, depositDir(project))}/ in ${seconds(started)} s\n`);
  }
  return report.summary.errors > 0 ? 1 : 0;
}

/** `deposit --verify PATH`: recompute every checksum of a bag folder or zip, report what differs. */
async function verifyCommand(path: string, options: CliOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const absolute = resolve(process.cwd(), path);
  const shown = relative(process.cwd(), absolute).split(sep).join('/') || '.';
  if (!existsSync(absolute)) {
    const report = makeReport([], [diagnostic(shown, { line: 1, column: 1 }, 'error', 'deposit', 'io/not-found', `Unexpected path "${shown}": no such bag folder or zip`)]);
    printReport({ ...report, summary: { ...report.summary, files: 1 } }, options);
    return 1;
  }
  const result = verifyBag(await readBag(absolute, shown));
  const base = makeReport([], result.diagnostics);
  // The summary counts the bag's files (the human format says "no documents" for none).
  printReport({ ...base, summary: { ...base.summary, files: Math.max(1, result.files) }, sources: result.sources }, options);
  if (!options.quiet && options.format === 'human' && base.summary.errors === 0) {
    process.stdout.write(`verified ${shown}: every file the manifests (${result.algorithms.join(', ')}) and the tag manifest list is there and unchanged, in ${seconds(started)} s\n`);
  }
  return base.summary.errors > 0 ? 1 : 0;
}
