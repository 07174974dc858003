import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { SourceDocument } from '../core/document.js';
import { projectPath, type Project } from '../core/project.js';
import { buildEdition } from '../pipeline/build.js';
import { isRegisterFile } from '../pipeline/stages/read-sources.js';
import { projectTempDirs, removeLeftovers } from '../pipeline/leftovers.js';
import { WarmTools } from '../pipeline/warm-tools.js';
import { compileStylesheet } from '../transform/compile-stylesheet.js';
import { documentPool } from '../transform/render.js';
import { humanSize } from './bag-info.js';
import { depositDocument, depositDir, type DepositContext } from './deposit-document.js';
import { depositStylesheet } from './metadata.js';

export interface DepositOptions {
  /** Document ids to deposit; empty: every document of tei/. */
  ids: readonly string[];
  /** Extra RELAX NG schemas (--schema), relative to the project root or absolute. */
  schemas: readonly string[];
  jobs?: number;
  /** "tei-pipeline 0.1.0", for Bag-Software-Agent and the README. */
  agent: string;
}

export interface DepositRun {
  /** The documents deposited (or refused) and the registers: the files the report counts. */
  files: SourceDocument[];
  /** Diagnostics that belong to no document's own list (unknown ids, build problems). */
  diagnostics: Diagnostic[];
  /** One line per folder or zip written, one per document refused. */
  lines: string[];
  /** "deposited 1 of 1 document(s) in out/deposit/". */
  summary: string;
}

/**
 * `deposit`: validate and render the whole edition afresh, then write for each document named
 * (default: every document) a bag and its zip into out/deposit/. Like `check`, a proof rather
 * than a shortcut: no build cache, so the bag holds exactly what this run checked, byte for byte.
 */
export async function depositEdition(project: Project, options: DepositOptions): Promise<DepositRun> {
  const ids = options.ids.map((p) => p.replace(/^.*[\\/]/, '').replace(/\.xml$/i, ''));
  const tools = new WarmTools(project, { schemas: [...options.schemas] });
  // Half-written bags and files of a deposit or build that was killed go first.
  const leftovers = await removeLeftovers([...projectTempDirs(project), project.cacheDir]);
  const [build, sef] = await Promise.all([
    buildEdition(project, tools, {
      only: ids,
      force: true,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    }),
    compileStylesheet(depositStylesheet(project), project.cacheDir),
  ]);
  const registers = build.docs.filter((d) => isRegisterFile(project, d.file));
  const documents = build.docs.filter((d) => !isRegisterFile(project, d.file));
  const diagnostics: Diagnostic[] = [...build.diagnostics];
  const targets = ids.length === 0 ? documents : documents.filter((d) => ids.includes(d.id));
  for (const id of ids.filter((i) => !documents.some((d) => d.id === i))) {
    const register = registers.some((r) => r.id === id);
    diagnostics.push(
      diagnostic({
        file: `${project.teiDir}/${id}.xml`,
        at: { line: 1, column: 1 },
        severity: 'error',
        source: 'deposit',
        ruleId: 'deposit/unknown-id',
        message: register
          ? `Unexpected register "${id}" to deposit alone, expected a document id: registers go into every document's bag`
          : `Unexpected document id "${id}", expected one of: ${documents.map((d) => d.id).join(', ') || 'none (tei/ holds no documents)'}`,
      }),
    );
  }
  const ctx: DepositContext = {
    project,
    sef,
    pool: documentPool(build.docs),
    outputs: build.outputs,
    registers,
    documents,
    extraSchemas: options.schemas.map((s) => resolve(project.root, s)),
    agent: options.agent,
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
  const summary = `deposited ${written.length / 2} of ${targets.length} document(s) in ${projectPath(project, depositDir(project))}/`;
  const removed = leftovers.map(
    (l) =>
      `removed ${projectPath(project, l.path)}${l.kind === 'folder' ? '/' : ''}: left by process ${l.pid}, which was interrupted`,
  );
  return { files: [...targets, ...registers], diagnostics, lines: [...removed, ...written, ...refused], summary };
}
