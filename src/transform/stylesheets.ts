import { join } from 'node:path';
import type { Project } from '../core/project.js';
import { compileStylesheet, type Sef } from './compile-stylesheet.js';
import { editionParams } from './edition-params.js';
import type { StylesheetParams } from './render.js';

/** The output formats, each one entry stylesheet under xslt/<format>/ (CONVENTIONS.md §1, §4). */
export const FORMATS = ['html', 'text', 'cite'] as const;
export type Format = (typeof FORMATS)[number];

export type CompiledStylesheets = Record<Format, Sef>;

/** The format's entry stylesheet: the edition's override (configuration "stylesheets") or the shipped one. */
export function entryStylesheet(project: Project, format: Format): string {
  return project.stylesheets[format] ?? join(project.packageDir, 'xslt', format, `${format}.xsl`);
}

/** The formats the edition writes (configuration "output.formats"), in the order of FORMATS. */
export function projectFormats(project: Project): Format[] {
  return FORMATS.filter((f) => project.formats.includes(f));
}

/** What the stylesheets are told of the edition (its configured facts), per format. */
export function stylesheetParams(project: Project): StylesheetParams {
  const facts = editionParams(project.edition);
  const title = project.edition.title ?? '';
  return { html: { ...facts, ...(title ? { 'edition-title': title } : {}) }, text: facts, cite: facts };
}

/** Compile every format's stylesheet once per run (from the SEF cache when unchanged), in parallel. */
export async function compileStylesheets(project: Project): Promise<CompiledStylesheets> {
  const sefs = await Promise.all(FORMATS.map((f) => compileStylesheet(entryStylesheet(project, f), project.cacheDir)));
  return Object.fromEntries(FORMATS.map((f, i) => [f, sefs[i]!])) as CompiledStylesheets;
}
