import { parentPort, workerData } from 'node:worker_threads';
import { human } from '../cli/format/human.js';
import { json } from '../cli/format/json.js';
import { makeReport } from '../cli/report.js';
import { openProject } from '../core/project.js';
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
 * Schematron, rules), timing that, renders those that come out without errors, and formats the
 * report as json and human output. Anything thrown is sent back as a crash.
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
  const cpu = process.cpuUsage();
  // The time limit is on validation: the lesser of wall-clock time and the CPU time the process
  // spent (every thread; the parent only waits), since on a machine others load, wall-clock time
  // counts their work too. Rendering is checked for crashes, and for hangs by the parent.
  let ms = 0;
  const stop = () => {
    const used = process.cpuUsage(cpu);
    ms = Math.min(performance.now() - started, (used.user + used.system) / 1000);
  };
  let reply: FuzzReply;
  try {
    const doc = documentFromBytes(project, setup.file, Buffer.from(job.bytes));
    await validator.validateDocuments([doc]);
    stop();
    if (!doc.hasErrors) {
      doc.saxonDoc ??= await parseForSaxon(doc.text, doc.path);
      renderDocument(doc, sefs, pool);
    }
    const report = makeReport([doc]);
    const out = json(report, { color: false, toolVersion: 'fuzz' }).stdout;
    const { stdout, stderr } = human(report, { color: false, toolVersion: 'fuzz' });
    reply = { index: job.index, json: out, humanChars: stdout.length + stderr.length, ms };
  } catch (e) {
    if (!ms) stop();
    reply = { index: job.index, json: '', humanChars: 0, ms, crash: (e as Error)?.stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
