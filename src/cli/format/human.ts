import type { Diagnostic } from '../../core/diagnostic.js';
import { LineIndex } from '../../core/line-index.js';
import type { Formatter, Summary } from './report.js';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };
// Lines longer than this are shown as a window around the column (a 5 MB attribute stays readable).
const FRAME_WIDTH = 100;

function codeFrame(d: Diagnostic, lines: LineIndex | undefined, color: boolean): string {
  if (!lines) return '';
  const text = lines.lineText(d.line);
  let start = 0;
  if (text.length > FRAME_WIDTH)
    start = Math.max(0, Math.min(d.column - 1 - FRAME_WIDTH / 2, text.length - FRAME_WIDTH));
  const shown =
    (start > 0 ? '…' : '') +
    text.slice(start, start + FRAME_WIDTH).replace(/\t/g, ' ') +
    (start + FRAME_WIDTH < text.length ? '…' : '');
  const caretAt = d.column - 1 - start + (start > 0 ? 1 : 0);
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  const caret = ' '.repeat(Math.max(0, caretAt)) + '^';
  const dim = (s: string) => (color ? COLORS.dim + s + COLORS.reset : s);
  return `${dim(` ${gutter} |`)} ${shown}\n${dim(` ${pad} |`)} ${color ? COLORS[d.severity] + caret + COLORS.reset : caret}\n`;
}

export function summaryLine(s: Summary): string {
  if (s.files === 0) return 'no documents';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const refs = Object.entries(s.coverage)
    .filter(([, c]) => c.total > 0)
    .map(([name, c]) => `${name} ${c.withRef}/${c.total}`)
    .join(', ');
  const schemas = (s.schemas ?? []).map((v) => `; ${v.schema}: ${v.valid} valid, ${v.invalid} invalid`).join('');
  return `${plural(s.files, 'file')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${s.infos ? `, ${s.infos} info` : ''}${refs ? `; references: ${refs}` : ''}${schemas}`;
}

/** tei/x.xml:12:7: error: Unexpected … [rule] with the source line and a caret under the column. */
export const human: Formatter = (report, { color, shown = (f) => f }) => {
  let stderr = '';
  // Each source is indexed once, not once per diagnostic (200 of them on a 1 MB file add up).
  const indexes = new Map<string, LineIndex>();
  const linesOf = (file: string) => {
    const source = report.sources.get(file);
    if (!source) return undefined;
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(source)));
    return index;
  };
  for (const d of report.diagnostics) {
    const sev = color ? COLORS[d.severity] + d.severity + COLORS.reset : d.severity;
    stderr += `${shown(d.file)}:${d.line}:${d.column}: ${sev}: ${d.message} [${d.ruleId}]\n`;
    stderr += codeFrame(d, linesOf(d.file), color);
  }
  return { stdout: summaryLine(report.summary) + '\n', stderr };
};
