/** What one mutant's validation gave back from the worker. */
export interface MutantResult {
  /** The json formatter's output. */
  json: string;
  /** Milliseconds from bytes to validated: the lesser of wall-clock and CPU time. */
  ms: number;
  /** Length of the human formatter's output (diagnostics with code frames). */
  humanChars: number;
  /** An exception that escaped the pipeline (with its stack), if any. */
  crash?: string;
}

export const LIMITS = {
  /** A mutant of a 43 KB record that takes longer than this is a finding. */
  ms: 2000,
  /** Messages name what they found; a message longer than this is unbounded output. */
  messageChars: 1000,
  /** Diagnostics for one document: more than this is a flood, not a report. */
  diagnostics: 1000,
  /** Human output per diagnostic (message, file, a code frame of at most 100 columns). */
  humanCharsPer: 1500,
};

const SEVERITIES = new Set(['error', 'warning', 'info']);
const SOURCES = new Set(['xml', 'schema', 'schematron', 'rules', 'transform', 'deposit']);
const STACK_FRAME = /\n\s+at .*:\d+:\d+\)?$/m;

/**
 * Everything wrong with one mutant's result (empty when it is fine): a crash, an internal error, a
 * stack trace, unparseable JSON, a diagnostic of another shape or outside the file, oversized
 * output, or a run over the time limit. `text` is the mutant's text as editors see it.
 */
export function problemsWith(result: MutantResult, file: string, text: string): string[] {
  const problems: string[] = [];
  if (result.crash) problems.push(`crash: ${result.crash}`);
  if (result.ms > LIMITS.ms) problems.push(`slow: ${Math.round(result.ms)} ms, expected at most ${LIMITS.ms} ms`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.json);
  } catch (e) {
    if (!result.crash) problems.push(`unparseable JSON: ${(e as Error).message}`);
    return problems;
  }
  const diagnostics = (parsed as { diagnostics?: unknown }).diagnostics;
  if (!Array.isArray(diagnostics)) return [...problems, 'JSON without a diagnostics array'];
  if (diagnostics.length > LIMITS.diagnostics)
    problems.push(`${diagnostics.length} diagnostics, expected at most ${LIMITS.diagnostics}`);
  if (result.humanChars > (diagnostics.length + 1) * LIMITS.humanCharsPer)
    problems.push(`human output of ${result.humanChars} characters for ${diagnostics.length} diagnostics`);
  const lines = text.split('\n');
  for (const d of diagnostics as Record<string, unknown>[]) {
    const where = `${String(d['line'])}:${String(d['column'])} [${String(d['ruleId'])}]`;
    if (d['file'] !== file) problems.push(`diagnostic for another file "${String(d['file'])}" ${where}`);
    const line = d['line'];
    const column = d['column'];
    if (!Number.isInteger(line) || !Number.isInteger(column) || (line as number) < 1 || (column as number) < 1) {
      problems.push(`diagnostic without a valid line and column ${where}`);
    } else if ((line as number) > lines.length || (column as number) > lines[(line as number) - 1]!.length + 1) {
      problems.push(`diagnostic outside the file (${lines.length} lines) ${where}`);
    }
    if (!SEVERITIES.has(d['severity'] as string) || !SOURCES.has(d['source'] as string))
      problems.push(`diagnostic of an unknown severity or source ${where}`);
    const message = d['message'];
    if (typeof message !== 'string' || message.length === 0) problems.push(`diagnostic without a message ${where}`);
    else {
      if (message.length > LIMITS.messageChars) problems.push(`message of ${message.length} characters ${where}`);
      if (STACK_FRAME.test(message)) problems.push(`stack trace in a message ${where}`);
    }
    if (typeof d['ruleId'] !== 'string' || d['ruleId'].startsWith('internal/'))
      problems.push(`internal error ${where}: ${String(message).slice(0, 200)}`);
  }
  return problems;
}
