import type { Diagnostic, Position, Severity, DiagnosticSource } from './diagnostic.js';
import { diagnostic } from './diagnostic.js';
import { LineIndex } from './line-index.js';
import type { XmlTree } from './xml-tree.js';

/** A document as saxon-js holds it (opaque here); parsed once per run and reused by every stylesheet. */
export type SaxonDocument = unknown;

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

  report(at: Position, severity: Severity, source: DiagnosticSource, ruleId: string, message: string, end?: Position): void {
    this.diagnostics.push(diagnostic(this.file, at, severity, source, ruleId, message, end));
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
