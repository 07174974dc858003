import type { Diagnostic, Position, Severity, DiagnosticSource } from './diagnostic.js';
import { boundMessage, diagnostic } from './diagnostic.js';
import { LineIndex } from './line-index.js';
import type { XmlTree } from './xml-tree.js';

/** A document as saxon-js holds it (opaque here); parsed once per run and reused by every stylesheet. */
export type SaxonDocument = unknown;

/** Diagnostics listed one by one per rule and file; the rest are counted in one more. */
export const MAX_PER_RULE = 200;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One source file travelling through the pipeline: read and parsed once, it carries its own
 * diagnostics from stage to stage (unified/vfile style).
 */
export class SourceDocument {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines: LineIndex;
  tree: XmlTree | null = null;
  /** The same document parsed for saxon-js (Schematron and the stylesheets), once. */
  saxonDoc: SaxonDocument | null = null;
  /** How many names in the text point to a register, per element name (set by validation). */
  coverage: Record<string, { total: number; withRef: number }> = {};

  constructor(
    /** Absolute path on disk. */
    readonly path: string,
    /** Path relative to the project root, forward slashes: what diagnostics name. */
    readonly file: string,
    /** Decoded text; '' when the bytes could not be read as UTF-8. */
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** The file name without folder and extension: the document's id and the name of its outputs. */
  get id(): string {
    return this.file.replace(/^.*\//, '').replace(/\.xml$/i, '');
  }

  /** Per rule: how many it reported, and the one diagnostic standing for those beyond the limit. */
  private readonly perRule = new Map<string, { count: number; more?: Diagnostic; first?: string }>();

  report(at: Position, severity: Severity, source: DiagnosticSource, ruleId: string, message: string, end?: Position): void {
    const seen = this.perRule.get(ruleId) ?? { count: 0 };
    this.perRule.set(ruleId, seen);
    if (++seen.count <= MAX_PER_RULE) {
      this.diagnostics.push(diagnostic({ file: this.file, at, severity, source, ruleId, message, end }));
      return;
    }
    // One diagnostic, at the first one left out, counts the rest: a pointer list of 300,000 "#a"
    // gives 201 diagnostics, not 300,000 (output, the build cache and the terminal stay bounded).
    if (!seen.more) {
      seen.more = diagnostic({ file: this.file, at, severity, source, ruleId, message: '' });
      seen.first = message;
      this.diagnostics.push(seen.more);
    }
    if (SEVERITY_RANK[severity] < SEVERITY_RANK[seen.more.severity]) seen.more.severity = severity;
    const more = seen.count - MAX_PER_RULE;
    seen.more.message = boundMessage(`Unexpected ${more} more ${ruleId} ${more === 1 ? 'problem' : 'problems'} in this file from here on, not listed one by one (only the first ${MAX_PER_RULE} are); the first: ${seen.first}`);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
