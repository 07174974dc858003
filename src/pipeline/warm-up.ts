import { readFile } from 'node:fs/promises';
import { SourceDocument } from '../core/document.js';
import type { Project } from '../core/project.js';
import { documentPool, renderDocument } from '../transform/render.js';
import { parseForSaxon } from '../transform/saxon.js';
import { stylesheetParams } from '../transform/stylesheets.js';
import { decode } from '../validate/decode.js';
import { isRegisterFile } from './stages/read-sources.js';
import type { WarmTools } from './warm-tools.js';

/**
 * How many renders warm the HTML path. V8 optimises a function once it has run it often enough, and the
 * render path is long: the record's save → reload under watch took 210–250 ms for the 2nd to 4th save
 * after start and 160–190 ms from the 7th on; after 8 renders made beforehand, 170–195 ms from the 2nd.
 */
export const WARM_RENDERS = 8;

/**
 * In the idle time after watch's first build, render the HTML of one document of the edition again, in
 * memory, and throw it away, until the HTML path has run WARM_RENDERS times (the first build's own
 * renders count): the first saves then find it compiled. It yields between renders and ends as soon as
 * `stop()` says a change came, so a save waits at most for the one render under way (the record's:
 * ~140 ms). Anything that fails ends it quietly: the saves' own builds report what is wrong.
 */
export async function warmRenderPath(
  project: Project,
  tools: WarmTools,
  docs: readonly SourceDocument[],
  rendered: number,
  stop: () => boolean,
): Promise<void> {
  if (!project.formats.includes('html') || rendered >= WARM_RENDERS) return;
  const target = docs.find((d) => !isRegisterFile(project, d.file) && !d.hasErrors);
  if (!target) return;
  const idle = () => new Promise<boolean>((resolve) => setImmediate(() => resolve(!stop())));
  try {
    const registers = await Promise.all(
      docs.filter((d) => isRegisterFile(project, d.file)).map((d) => copyParsed(d.path, d.file)),
    );
    const doc = await copyParsed(target.path, target.file);
    const sefs = await tools.stylesheets();
    const pool = documentPool(registers);
    const params = stylesheetParams(project);
    for (let i = rendered; i < WARM_RENDERS && (await idle()); i++)
      renderDocument(doc, sefs, pool, ['html'], params, false);
  } catch {
    // Warming is an optimisation: a file gone or a stylesheet that fails leaves it to the next build.
  }
}

/** A document read and parsed for saxon-js afresh: the build's own documents stay as they are. */
async function copyParsed(path: string, file: string): Promise<SourceDocument> {
  const text = decode(await readFile(path)).text;
  const doc = new SourceDocument(path, file, text);
  doc.saxonDoc = await parseForSaxon(text, path);
  return doc;
}
