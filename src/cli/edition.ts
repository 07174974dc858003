import { resolve } from 'node:path';
import type { Project } from '../core/project.js';
import { openEdition } from '../config/open-edition.js';
import type { CliOptions } from './options.js';
import { printReport } from './output.js';
import { makeReport } from './report.js';
import { UsageError } from './usage.js';
import { cliContext } from './context.js';

/**
 * The edition around the working directory, with paths named on the command line made absolute
 * (they are relative to the working directory, wherever the edition's root is). A configuration
 * with errors is reported at its line:column and the command exits 1 (undefined is returned).
 * `allowNone`: validate FILES may run outside any edition.
 */
export function editionFor(options: CliOptions, allowNone = false): Project | undefined {
  const cwd = cliContext().cwd;
  options.paths = options.paths.map((p) => resolve(cwd, p));
  const opened = openEdition(cwd, options.out, allowNone ? options.paths : []);
  if (!opened) {
    throw new UsageError(
      `Unexpected working directory ${cwd}: no tei-pipeline.config.json (nor tei/ folder) here or above, expected to run inside an edition (tei-pipeline init makes one)` +
        (allowNone ? ', or files to validate' : ''),
    );
  }
  if (opened.diagnostics.some((d) => d.severity === 'error')) {
    printReport(makeReport([], opened.diagnostics), { ...options, quiet: true }, opened.project.root);
    return undefined;
  }
  return opened.project;
}
