import { readFile } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import type { SourceDocument } from '../core/document.js';
import type { Project } from '../core/project.js';
import type { Outputs } from '../transform/render.js';
import { outputName } from '../tei/output-name.js';

/** A file of a bag's data/ folder and, for the curators' README, what it is. */
export interface PayloadFile {
  bytes: Uint8Array;
  what: string;
}

/** The payload by path relative to data/, and the outputs it needs that the build did not make. */
export interface Payload {
  files: Map<string, PayloadFile>;
  missing: string[];
}

const REGISTERS: Record<string, string> = {
  persons: 'persons',
  places: 'places',
  orgs: 'organisations',
  events: 'agreements, negotiations and meetings',
};

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
// A page's text; copied files (pictures) hold no links.
const textOf = (content: string | Uint8Array | undefined) => (typeof content === 'string' ? content : '');

/** A link's path as the file is named (a picture "plate%202.png" is the file "plate 2.png"). */
function decoded(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** Relative links (href, src) of an HTML page, resolved against its folder, without fragments. */
export function localLinks(html: string, folder: string): string[] {
  const links = new Set<string>();
  for (const m of html.matchAll(/\b(?:href|src)\s*=\s*"([^"#?]*)/g)) {
    const target = m[1]!;
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    links.add(posix.normalize(posix.join(folder, decoded(target))));
  }
  return [...links].sort();
}

function outputWhat(path: string, id: string): string {
  const name = path.replace(/^.*\//, '');
  if (path === `html/${id}.html`) return 'The reading edition (HTML), made from the TEI document.';
  if (path === 'html/index.html')
    return "The edition's index page (HTML), which the reading edition links to; it lists the documents the edition had when this package was made.";
  if (path.startsWith('html/assets/')) return 'Style sheet or other asset of the HTML pages.';
  if (path.startsWith(`html/images/${id}/`)) return 'A picture the reading edition shows, copied from the edition.';
  const register = /^html\/(persons|places|orgs|events)\.html$/.exec(path);
  if (register)
    return `The register of ${REGISTERS[register[1]!]} as an HTML page, which the reading edition links to.`;
  if (name === `${id}.txt`) return "The reading text (plain text, UTF-8), with the editors' corrections.";
  if (name === `${id}.diplomatic.txt`)
    return 'The diplomatic text (plain text, UTF-8): the text as the source transcription reads, its errors kept.';
  if (name === `${id}.csl.json`) return 'Citations of the document (and of a letter it quotes) in CSL-JSON.';
  if (name === `${id}.bib`) return 'The same citations in BibTeX.';
  if (name === `${id}.ris`) return 'The same citations in RIS.';
  if (name === `${id}.cff`) return 'CITATION.cff (Citation File Format 1.2.0) for the edition.';
  return 'An output of the build for this document.';
}

/**
 * An HTML page as it goes into a bag: every relative link or source that leads to a file the bag
 * does not hold (another document's page, named in the index and the registers) goes to that
 * page in the public edition when its URL is configured (baseUrl + the path under html/), and
 * otherwise loses its href (the text stays, as an <a> without a target): nothing in a bag points
 * into the void. Links inside the page (#…) and absolute URLs are left as they are.
 */
export function selfContained(
  html: string,
  folder: string,
  bag: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  baseUrl: string | undefined,
): string {
  return html.replace(
    /(\s)(href|src)(\s*=\s*")([^"]*)"/g,
    (whole: string, space: string, name: string, eq: string, value: string) => {
      const target = value.replace(/[#?].*$/, '');
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) return whole;
      const path = posix.normalize(posix.join(folder, decoded(target)));
      if (bag.has(path)) return whole;
      if (baseUrl && path.startsWith('html/'))
        return `${space}${name}${eq}${baseUrl}${encodeURI(path.slice('html/'.length))}${value.slice(target.length)}"`;
      return name === 'href' ? '' : whole;
    },
  );
}

/**
 * What goes in data/: the TEI document as validated, the whole registers it points into, the
 * schema and Schematron it was validated with (and any extra --schema), its HTML page with the
 * pages and assets it links to, its texts and citations, all as the build made them in memory.
 * README.txt is added by the caller, since the metadata stylesheet writes it from this list.
 */
export async function depositPayload(
  project: Project,
  doc: SourceDocument,
  registers: readonly SourceDocument[],
  outputs: Outputs,
  extraSchemas: readonly string[],
  otherDocuments: readonly string[] = [],
): Promise<Payload> {
  const baseUrl = project.edition.baseUrl ? project.edition.baseUrl.replace(/\/?$/, '/') : undefined;
  const files = new Map<string, PayloadFile>();
  const missing: string[] = [];
  // Outputs carry the name the stylesheets give them, which need not be the file's (idEqualsFileName false).
  const id = outputName(doc);
  // The text that was validated, not a second read of the file: the same bytes (UTF-8, no BOM).
  files.set(`tei/${doc.id}.xml`, {
    bytes: utf8(doc.text),
    what: 'The TEI P5 document: the edition itself, from which every other file here was made.',
  });
  for (const r of registers) {
    const kind = REGISTERS[r.id] ?? r.id;
    files.set(`tei/register/${basename(r.path)}`, {
      bytes: utf8(r.text),
      what: `The register of ${kind} (TEI), shared by the edition's documents; names in the document point into it.`,
    });
  }
  // An edition may configure no schema of its own (only --schema, or rules alone).
  if (project.schemaRng)
    files.set('tei/schema/tei-project.rng', {
      bytes: await readFile(project.schemaRng),
      what: "The project's RELAX NG schema (a subset of TEI P5) the TEI files were validated against.",
    });
  const sch = project.schemaSch ? await readFile(project.schemaSch).catch(() => null) : null;
  if (sch)
    files.set('tei/schema/tei-project.sch', {
      bytes: sch,
      what: "The project's Schematron rules the TEI files were checked with.",
    });
  for (const extra of extraSchemas)
    files.set(`tei/schema/${basename(extra)}`, {
      bytes: await readFile(extra),
      what: 'A further RELAX NG schema the TEI files were validated against (--schema).',
    });

  // The document's own outputs and what its page links to must all be there (else the document is
  // refused); then every output those pages link to, and so on, except the pages of the edition's
  // other documents: a bag holds one document.
  const own = [
    `html/${id}.html`,
    `text/${id}.txt`,
    `text/${id}.diplomatic.txt`,
    `cite/${id}.csl.json`,
    `cite/${id}.bib`,
    `cite/${id}.ris`,
    `cite/${id}.cff`,
  ];
  const others = new Set(otherDocuments.filter((d) => d !== id).map((d) => `html/${d}.html`));
  const required = new Set([
    ...own,
    ...localLinks(textOf(outputs.get(`html/${id}.html`)), 'html').filter((p) => !others.has(p) && !files.has(p)),
  ]);
  const queue = [...required, ...[...outputs.keys()].filter((p) => p.startsWith('html/assets/'))];
  const included = new Map<string, string | Uint8Array>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (included.has(path) || files.has(path)) continue;
    const content = outputs.get(path);
    if (content === undefined) {
      if (required.has(path) && !missing.includes(path)) missing.push(path);
      continue;
    }
    included.set(path, content);
    if (path.endsWith('.html'))
      queue.push(...localLinks(textOf(content), posix.dirname(path)).filter((p) => !others.has(p)));
  }
  const inBag = new Set([...files.keys(), ...included.keys()]);
  for (const path of [...included.keys()].sort()) {
    const content = included.get(path)!;
    const bytes =
      typeof content !== 'string'
        ? content
        : utf8(path.endsWith('.html') ? selfContained(content, posix.dirname(path), inBag, baseUrl) : content);
    files.set(path, { bytes, what: outputWhat(path, id) });
    // A picture the page shows is one the TEI document shows too: beside it, where its @url leads.
    if (path.startsWith(`html/images/${id}/`) && typeof content !== 'string')
      files.set(`tei/${path.slice(`html/images/${id}/`.length)}`, {
        bytes: content,
        what: 'A picture the TEI document shows (graphic/@url), as the edition holds it.',
      });
  }
  missing.sort();
  return { files, missing };
}
