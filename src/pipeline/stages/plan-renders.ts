import type { SourceDocument } from '../../core/document.js';
import { sha256 } from '../../core/fingerprint.js';
import type { Project } from '../../core/project.js';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { projectFormats, stylesheetParams, type Format } from '../../transform/stylesheets.js';
import type { BuildCache, OutputStamp } from '../build-cache.js';
import type { WarmTools } from '../warm-tools.js';
import { outputName } from '../../tei/output-name.js';
import { picturesOf, type Picture } from './pictures.js';
import { isRegisterFile } from './read-sources.js';
import type { RegisterEntries } from './register-entries.js';

/** One document to render, in the formats whose outputs are out of date, with each format's new key. */
export interface RenderJob {
  doc: SourceDocument;
  formats: Format[];
  keys: Record<string, string>;
  /** The pictures its page shows, copied with it when HTML is rendered. */
  pictures: Picture[];
  /** HTML only: what its summary depends on (OutputRecord.summaryKey). */
  summaryKey?: string;
  /**
   * The summary its last HTML render made, when its summaryKey is unchanged: the corpus pages see nothing
   * new, so the new render makes none (an editor's save of words gets its page ~20 % sooner).
   */
  summary?: string;
}

export interface RenderPlan {
  jobs: RenderJob[];
  /** Documents whose outputs are current (or not asked for, with `only`): they appear in the corpus pages. */
  current: SourceDocument[];
  /**
   * Documents with errors, by file, with the name their outputs carry (outputName): they are not
   * rendered and keep their last good outputs.
   */
  failed: Map<string, string>;
  /** How many documents were up to date in every format. */
  upToDate: number;
  /** The HTML key each valid document's outputs have now, by file: a kept summary is current when its
   *  HTML record carries this key. */
  htmlKeys: Map<string, string>;
}

/**
 * Stage 4: decide what to render. A format of a document is rendered again when its key (the document,
 * the format's stylesheets, the state of what it points to, the tool) changed or one of its outputs is
 * no longer on disk as written. `only` limits rendering to the documents named (paths or ids).
 */
export async function planRenders(
  project: Project,
  tools: WarmTools,
  docs: readonly SourceDocument[],
  registers: RegisterEntries,
  next: BuildCache,
  tool: string,
  only: readonly string[] = [],
): Promise<RenderPlan> {
  const planner = await renderPlanner(project, tools, registers, next, tool, only);
  for (const doc of docs) await planner.add(doc);
  return planner.plan;
}

/**
 * A plan made document by document, as documents are validated: a large build starts rendering the first
 * batches while the next are validated. `add` takes a document once its cache record in `next` is written.
 */
export async function renderPlanner(
  project: Project,
  tools: WarmTools,
  registers: RegisterEntries,
  next: BuildCache,
  tool: string,
  only: readonly string[] = [],
): Promise<{ plan: RenderPlan; add: (doc: SourceDocument) => Promise<void> }> {
  const stylesheetHashes = await tools.stylesheetHashes();
  const params = stylesheetParams(project);
  const onlyIds = new Set(only.map((p) => p.replace(/^.*\//, '').replace(/\.xml$/i, '')));
  const plan: RenderPlan = { jobs: [], current: [], failed: new Map(), upToDate: 0, htmlKeys: new Map() };
  const add = async (doc: SourceDocument): Promise<void> => {
    if (isRegisterFile(project, doc.file)) return;
    if (doc.hasErrors) {
      plan.failed.set(doc.file, outputName(doc));
      return;
    }
    const entry = next.documents[doc.file]!;
    const state = registers.dependencyState(entry.deps);
    // What a format's outputs depend on, given what they see of the document (its bytes, or for the
    // summary only its corpus fingerprint).
    const keyOf = (seen: string, format: Format) =>
      sha256(seen, stylesheetHashes[format], state, tool, JSON.stringify(params[format] ?? {}));
    const keys: Record<string, string> = {};
    for (const format of projectFormats(project)) keys[format] = keyOf(entry.hash, format);
    if (keys['html']) plan.htmlKeys.set(doc.file, keys['html']);
    const summaryKey = keys['html'] ? keyOf(entry.corpusHash, 'html') : undefined;
    const recordedHtml = entry.outputs['html'];
    const summary =
      summaryKey !== undefined && recordedHtml?.summaryKey === summaryKey ? recordedHtml.summary : undefined;
    if (onlyIds.size > 0 && !onlyIds.has(doc.id)) {
      plan.current.push(doc);
      return;
    }
    const outOfDate: Format[] = [];
    for (const format of projectFormats(project)) {
      const recorded = entry.outputs[format];
      if (!recorded || recorded.key !== keys[format] || !(await stampsHold(project.outDir, recorded.files)))
        outOfDate.push(format);
    }
    if (outOfDate.length === 0) {
      plan.upToDate++;
      plan.current.push(doc);
    } else
      plan.jobs.push({
        doc,
        formats: outOfDate,
        keys,
        pictures: outOfDate.includes('html') ? picturesOf(project, doc) : [],
        ...(summaryKey !== undefined ? { summaryKey } : {}),
        ...(summary !== undefined ? { summary } : {}),
      });
  };
  return { plan, add };
}

/**
 * The plan in two parts, `first` formats and the rest, sharing `failed`; with no `first`, the whole plan and
 * nothing. A document with only later formats to render is already current for the corpus pages (which
 * render between the parts): what they show does not depend on those formats.
 */
export function splitPlan(plan: RenderPlan, first?: readonly Format[]): [RenderPlan, RenderPlan] {
  const rest: RenderPlan = { ...plan, jobs: [], current: [] };
  if (!first) return [plan, rest];
  const early: RenderJob[] = [];
  for (const job of plan.jobs) {
    const now = job.formats.filter((f) => first.includes(f));
    const later = job.formats.filter((f) => !first.includes(f));
    if (now.length > 0) early.push({ ...job, formats: now });
    else plan.current.push(job.doc);
    if (later.length > 0) rest.jobs.push({ ...job, formats: later });
  }
  return [{ ...plan, jobs: early }, rest];
}

/** Whether outputs are on disk as the cache recorded them (size and time of the write). */
export async function stampsHold(outDir: string, files: Record<string, OutputStamp>): Promise<boolean> {
  for (const [path, s] of Object.entries(files)) {
    const st = await stat(join(outDir, path)).catch(() => null);
    if (!st || st.size !== s.size || st.mtimeMs !== s.mtimeMs) return false;
  }
  return true;
}
