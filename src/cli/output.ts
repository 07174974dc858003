import { relative, resolve, sep } from 'node:path';
import { github } from './format/github.js';
import { human } from './format/human.js';
import { json } from './format/json.js';
import { junit } from './format/junit.js';
import type { Formatter, Report } from './format/report.js';
import { sarif } from './format/sarif.js';
import type { CliOptions } from './options.js';
import { toolVersion } from './version.js';
import { cliContext, type Terminal } from './context.js';

const FORMATTERS: Record<CliOptions['format'], Formatter> = { human, json, github, junit, sarif };

/** Colours only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColor(stream: Terminal): boolean {
  return Boolean(stream.isTTY) && cliContext().env['NO_COLOR'] === undefined;
}

/** Print a report in the chosen format; --quiet keeps the human summary off stdout. */
export function printReport(report: Report, options: CliOptions, root?: string): void {
  // Machine formats keep paths relative to the edition's root (CONVENTIONS.md §3); people read them
  // relative to where they are, so a path can be pasted into the next command.
  const shown = root
    ? (file: string) => relative(cliContext().cwd, resolve(root, file)).split(sep).join('/') || file
    : undefined;
  const { stdout, stderr } = FORMATTERS[options.format](report, {
    color: useColor(cliContext().stderr),
    toolVersion: toolVersion(),
    ...(shown ? { shown } : {}),
  });
  if (stderr) cliContext().stderr.write(stderr);
  if (stdout && !(options.quiet && options.format === 'human')) cliContext().stdout.write(stdout);
}
