/**
 * A worker thread that runs grammars' embedded Schematron (schematron-thread.ts): its own saxon-js,
 * loaded at once, then one document at a time, parsed for saxon-js and queried.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allowReadsUnder } from '../core/read-gate.js';
import { parseForSaxon, saxonJs } from '../transform/saxon.js';
import { SchematronQuery, type SchematronQueryData } from './schematron-query.js';

export interface SchematronWorkerSetup {
  /** The main thread's read gate: a query's doc() reads exactly what it would read there. */
  readRoots: string[];
  /** Each grammar's queries, in the order findings are answered. */
  queries: SchematronQueryData[];
}

export interface SchematronJob {
  id: number;
  path: string;
  text: string;
}

/** Per grammar, its findings' lines (SchematronQuery.run); or why the document could not be queried. */
export type SchematronReply = { id: number; findings: string[][] } | { id: number; error: string };

const setup = workerData as SchematronWorkerSetup;
allowReadsUnder(setup.readRoots);
const queries = setup.queries.map((data) => SchematronQuery.fromData(data));
// Loaded now, while the main thread reads the schema and parses: the first document need not wait for it.
saxonJs();

parentPort!.on('message', (job: SchematronJob) => {
  parseForSaxon(job.text, job.path).then(
    (saxonDoc) => {
      const reply: SchematronReply = { id: job.id, findings: queries.map((q) => q.run(saxonDoc)) };
      parentPort!.postMessage(reply);
    },
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
