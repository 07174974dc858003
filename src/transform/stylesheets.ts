import { join } from 'node:path';
import type { Project } from '../core/project.js';
import { compileStylesheet, type Sef } from './compile-stylesheet.js';

/** The output formats, each one entry stylesheet under xslt/<format>/ (CONVENTIONS.md §1, §4). */
export const FORMATS = ['html', 'text', 'cite'] as const;
export type Format = (typeof FORMATS)[number];

export type CompiledStylesheets = Record<Format, Sef>;

export function entryStylesheet(project: Project, format: Format): string {
  return join(project.packageDir, 'xslt', format, `${format}.xsl`);
}

/** Compile every format's stylesheet once per run (from the SEF cache when unchanged), in parallel. */
export async function compileStylesheets(project: Project): Promise<CompiledStylesheets> {
  const sefs = await Promise.all(FORMATS.map((f) => compileStylesheet(entryStylesheet(project, f), project.cacheDir)));
  return Object.fromEntries(FORMATS.map((f, i) => [f, sefs[i]!])) as CompiledStylesheets;
}
