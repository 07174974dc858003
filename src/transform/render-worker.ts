/**
 * A worker thread that renders documents: its own saxon-js, the compiled stylesheets and the
 * registers it is handed once, then one document at a time (memory stays bounded per worker).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allowReadsUnder } from '../core/read-gate.js';
import { SourceDocument } from '../core/document.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { documentPool, renderDocument, type StylesheetParams } from './render.js';
import { parseForSaxon } from './saxon.js';
import type { CompiledStylesheets, Format } from './stylesheets.js';

export interface WorkerSetup {
  sefs: CompiledStylesheets;
  /** The main thread's read gate: a worker reads exactly what the main thread may. */
  readRoots: string[];
  registers: { path: string; file: string; text: string }[];
  params: StylesheetParams;
}

export interface RenderJob {
  id: number;
  path: string;
  file: string;
  text: string;
  formats: Format[];
  /** This document's own parameters, when it has any (the pictures its page shows). */
  params?: StylesheetParams;
  /** false: its HTML render makes no summary (the one kept is still current). */
  makeSummary?: boolean;
}

export type RenderReply =
  | { id: number; outputs: [string, string | Uint8Array][]; summary?: string }
  | { id: number; diagnostics: Diagnostic[] };

const setup = workerData as WorkerSetup;
allowReadsUnder(setup.readRoots);
// Listen at once (messages must not arrive before a listener); jobs wait for the registers.
const ready = Promise.all(
  setup.registers.map(async (r) => {
    const doc = new SourceDocument(r.path, r.file, r.text);
    doc.saxonDoc = await parseForSaxon(r.text, r.path);
    return doc;
  }),
).then(documentPool);

// One document at a time: a job that arrives while one renders waits its turn (render-pool.ts may send two).
let turn: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: RenderJob) => {
  turn = turn.then(() => render(job));
});

async function render(job: RenderJob): Promise<void> {
  const pool = await ready;
  const doc = new SourceDocument(job.path, job.file, job.text);
  doc.saxonDoc = await parseForSaxon(job.text, job.path);
  const rendered = renderDocument(doc, setup.sefs, pool, job.formats, job.params ?? setup.params, job.makeSummary);
  const reply: RenderReply = rendered
    ? { id: job.id, outputs: [...rendered.outputs], summary: rendered.summary }
    : { id: job.id, diagnostics: doc.diagnostics };
  parentPort!.postMessage(reply);
}
