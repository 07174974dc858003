import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { projectPath, type Project } from '../core/project.js';
import { StylesheetCompileError } from '../transform/stylesheet-error.js';

/**
 * A stylesheet of the edition's own (configuration "stylesheets") that does not compile is a fault in
 * the edition, like a bad document: a diagnostic at its place (transform/stylesheet), not an internal
 * error. Null for anything else, which stays an error of the tool.
 */
export function stylesheetFailure(project: Project, e: unknown): Diagnostic | null {
  if (!(e instanceof StylesheetCompileError)) return null;
  const format = Object.entries(project.stylesheets).find(([, p]) => resolve(p) === resolve(e.stylesheet))?.[0];
  if (format === undefined) return null;
  const place = e.place ?? { file: resolve(e.stylesheet), line: 1, column: 1 };
  const code = /^Error (\w+):/.exec(e.detail)?.[1];
  // The compiler's words, without what the diagnostic says better: its code, its (unreliable) line.
  const detail = e.detail
    .replace(/^Error \w+:\s*/, '')
    .replace(/ on line \d+/, '')
    .replace(/\s*Failed to compile stylesheet\.?$/, '');
  return diagnostic({
    file: projectPath(project, place.file),
    at: { line: place.line, column: place.column },
    severity: 'error',
    source: 'transform',
    ruleId: 'transform/stylesheet',
    message: `Unexpected fault in the ${format} stylesheet the configuration names (${projectPath(project, resolve(e.stylesheet))}): ${detail}${code ? ` [${code}]` : ''}`,
  });
}
