/**
 * A worker thread that runs a grammar's embedded Schematron (schematron-thread.ts): its own saxon-js,
 * loaded at once while the main thread loads the grammar, then one document at a time: parsed for
 * saxon-js here, every query run on it, the findings sent back as lines.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allowReadsUnder } from '../core/read-gate.js';
import { parseForSaxon, saxonJs } from '../transform/saxon.js';
import { SchematronQuery, type SchematronQueryData } from './schematron-query.js';
import type { SchematronJob, SchematronReply } from './schematron-thread.js';

export interface SchematronSetup {
  queries: SchematronQueryData[];
  /** The main thread's read gate: a doc() in a constraint reads exactly what it may on the main thread. */
  readRoots: string[];
}

const setup = workerData as SchematronSetup;
allowReadsUnder(setup.readRoots);
const queries = setup.queries.map((data) => SchematronQuery.fromData(data));
saxonJs();

parentPort!.on('message', async (job: SchematronJob) => {
  let reply: SchematronReply;
  try {
    const saxonDoc = await parseForSaxon(job.text, job.path);
    const names = new Set(job.names);
    reply = { id: job.id, findings: queries.map((q) => q.run(saxonDoc, names)) };
  } catch (e) {
    reply = { id: job.id, failure: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
