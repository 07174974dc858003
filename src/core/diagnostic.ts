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

/** Where a rule is documented: its anchor in the README's rule table (relative to the project). */
export function ruleUrl(ruleId: string): string {
  return 'README.md#' + ruleId.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

export function diagnostic(
  file: string,
  at: Position,
  severity: Severity,
  source: DiagnosticSource,
  ruleId: string,
  message: string,
  end?: Position,
): Diagnostic {
  const d: Diagnostic = { file, line: at.line, column: at.column, severity, ruleId, source, message, url: ruleUrl(ruleId) };
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
