import { createRequire } from 'node:module';
import { head, quote, QUOTE_MAX } from './quote.js';
/**
 * The one diagnostic shape every stage reports (CONVENTIONS.md §3, after vfile-message).
 */
export type Severity = 'error' | 'warning' | 'info';
export type DiagnosticSource = 'xml' | 'schema' | 'schematron' | 'rules' | 'transform' | 'deposit' | 'config';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units like editors count
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  ruleId: string;
  source: DiagnosticSource;
  message: string;
  url?: string;
}

// The package's repository, when package.json names one: rule docs then get absolute URLs (vfile-message).
const repository = ((): string | undefined => {
  const pkg = createRequire(import.meta.url)('../../package.json') as { repository?: string | { url?: string } };
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const web = url?.replace(/^git\+/, '').replace(/\.git$/, '');
  return web && /^https:\/\//.test(web) ? web : undefined;
})();

/**
 * Where a rule is documented: its anchor in the README's rule table, as an absolute URL on the package's
 * repository when one is configured, else relative to the package ('README.md#tei-ref-resolves').
 */
export function ruleUrl(ruleId: string): string {
  const anchor = 'README.md#' + ruleId.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return repository ? `${repository}/blob/main/${anchor}` : anchor;
}

// A message quotes what it found; a 4 MB attribute value must not make a 4 MB message (or log). This is
// the one place messages are bounded: every diagnostic is made here, whichever stage reports it.
const MESSAGE_MAX = 1000;
/** The message with quoted values over QUOTE_MAX cut to their start, and at most MESSAGE_MAX characters. */
export function boundMessage(message: string): string {
  if (message.length <= QUOTE_MAX) return message;
  const cut = cutQuotedValues(message);
  return cut.length <= MESSAGE_MAX ? cut : head(cut, MESSAGE_MAX - 1) + '…';
}

/** What a diagnostic is made from: where (a position, and optionally where it ends), what and which rule. */
export interface DiagnosticInit {
  file: string;
  at: Position;
  end?: Position;
  severity: Severity;
  source: DiagnosticSource;
  ruleId: string;
  message: string;
}

export function diagnostic({ file, at, end, severity, source, ruleId, message }: DiagnosticInit): Diagnostic {
  const d: Diagnostic = {
    file,
    line: at.line,
    column: at.column,
    severity,
    ruleId,
    source,
    message: boundMessage(message),
    url: ruleUrl(ruleId),
  };
  if (end) {
    d.endLine = end.line;
    d.endColumn = end.column;
  }
  return d;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for output: by file, then place, then severity, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/**
 * Each "…" span longer than QUOTE_MAX cut by quote(). A scan, not a regular expression: V8's regex engine
 * overflows its stack on a 10 MB quoted span.
 */
function cutQuotedValues(message: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = message.indexOf('"', from);
    const close = open < 0 ? -1 : message.indexOf('"', open + 1);
    if (close < 0) return out + message.slice(from);
    const value = message.slice(open + 1, close);
    out += message.slice(from, open) + (value.length > QUOTE_MAX ? quote(value) : `"${value}"`);
    from = close + 1;
  }
}
