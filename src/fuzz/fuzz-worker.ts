import { parentPort, workerData } from 'node:worker_threads';
import { human } from '../cli/format/human.js';
import { json } from '../cli/format/json.js';
import { makeReport } from '../cli/report.js';
import { openProject } from '../pipeline/project.js';
import { compileStylesheets } from '../transform/stylesheets.js';
import { documentPool, renderDocument } from '../transform/render.js';
import { parseForSaxon } from '../transform/saxon.js';
import { documentFromBytes, loadDocument, Validator } from '../validate/validator.js';
import type { MutantResult } from './check-result.js';

export interface FuzzSetup {
  /** The edition the mutants stand in (read, never written). */
  root: string;
  /** Absolute path the mutant claims to be (its name is its id). */
  file: string;
  /** Registers to load for rendering, absolute. */
  registers: string[];
}

export interface FuzzJob {
  index: number;
  bytes: Uint8Array;
}

export type FuzzReply = MutantResult & { index: number };

/**
 * One fuzzing thread: validates mutants as the build does (bytes → decode → XML → root → RELAX NG,
 * Schematron, rules), renders those that come out without errors, and formats the report as json
 * and human output, timing it all. Anything thrown is sent back as a crash.
 */
const setup = workerData as FuzzSetup;
const project = openProject(setup.root);
const ready = (async () => {
  const validator = await Validator.create(project);
  const registers = await Promise.all(setup.registers.map((r) => loadDocument(project, r)));
  for (const r of registers) r.saxonDoc = await parseForSaxon(r.text, r.path);
  return { validator, sefs: await compileStylesheets(project), pool: documentPool(registers) };
})();

parentPort!.on('message', async (job: FuzzJob) => {
  const { validator, sefs, pool } = await ready;
  const started = performance.now();
  let reply: FuzzReply;
  try {
    const doc = documentFromBytes(project, setup.file, Buffer.from(job.bytes));
    await validator.validateDocuments([doc]);
    if (!doc.hasErrors) {
      doc.saxonDoc ??= await parseForSaxon(doc.text, doc.path);
      renderDocument(doc, sefs, pool);
    }
    const report = makeReport([doc]);
    const out = json(report, { color: false, toolVersion: 'fuzz' }).stdout;
    const { stdout, stderr } = human(report, { color: false, toolVersion: 'fuzz' });
    reply = { index: job.index, json: out, humanChars: stdout.length + stderr.length, ms: performance.now() - started };
  } catch (e) {
    reply = { index: job.index, json: '', humanChars: 0, ms: performance.now() - started, crash: (e as Error)?.stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
