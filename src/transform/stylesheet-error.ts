import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineIndex } from '../core/line-index.js';

/** Where a stylesheet's fault is: a file of the stylesheet (absolute) and a 1-based line and column. */
export interface StylesheetPlace {
  file: string;
  line: number;
  column: number;
}

/** A stylesheet that does not compile (the edition's own override, or a file it imports), and where. */
export class StylesheetCompileError extends Error {
  constructor(
    readonly stylesheet: string,
    readonly detail: string,
    readonly place?: StylesheetPlace,
  ) {
    super(`Cannot compile ${stylesheet}: ${detail}`);
  }
}

/**
 * Where the xslt3 compiler's report places a fault, in which of the stylesheet's `files`. It names the
 * module ("in dir/my.xsl" or a file: URI) and a line (and column, for XML faults); for an XPath fault it
 * quotes the expression ("{$content(}"), which is looked up in the module itself, since the line it gives
 * can be off (seen: line 1211 of an 11-line file). Falls back to the entry stylesheet's first line.
 * Checked against xslt3 2.7's reports by test/transform/stylesheet-override.test.ts.
 */
export async function placeCompileError(report: string, files: readonly string[]): Promise<StylesheetPlace> {
  const entry = files[0]!;
  const ref = /\bin (file:\/\/[^\s:]+|[^\s{]+?\.xslt?)(?=[\s:{]|$)/.exec(report)?.[1];
  let file = entry;
  if (ref?.startsWith('file://')) {
    try {
      file = resolve(fileURLToPath(ref));
    } catch {
      // not a file URI after all: the entry stylesheet
    }
  } else if (ref) file = files.find((f) => f.replaceAll('\\', '/').endsWith('/' + ref)) ?? entry;
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = new LineIndex(text);
  const lineCount = text.split('\n').length;
  let line = Number(/\bline (\d+)/.exec(report)?.[1] ?? 1);
  let column = Number(/\bcolumn (\d+)/.exec(report)?.[1] ?? 1);
  // Its XML parser counts lines from 0 (seen with and without an XML declaration) and columns to the
  // end of the faulty tag.
  if (/Failed parsing XML/.test(report) && /\bline \d+/.test(report)) line++;
  const expression = /\{(.+?)\}: /.exec(report)?.[1];
  if (expression) {
    const reported = line <= lineCount ? lines.offset({ line, column: 1 }) : 0;
    const at = text.indexOf(expression, reported) >= 0 ? text.indexOf(expression, reported) : text.indexOf(expression);
    if (at >= 0) ({ line, column } = lines.position(at));
  }
  if (line > lineCount) [line, column] = [1, 1];
  return { file, line, column };
}
