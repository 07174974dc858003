import type { Diagnostic, Position, Severity, DiagnosticSource } from './diagnostic.js';
import { diagnostic } from './diagnostic.js';
import { LineIndex } from './line-index.js';
import type { XmlTree } from './xml-tree.js';

/** How many diagnostics of one rule a file reports before one info says how many more there are. */
export const MAX_PER_RULE = 100;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A document as saxon-js holds it (opaque here); parsed once per run and reused by every stylesheet. */
export type SaxonDocument = unknown;

/**
 * One source file travelling through the pipeline: read and parsed once, it carries its own
 * diagnostics from stage to stage (unified/vfile style).
 */
export class SourceDocument {
  readonly diagnostics: Diagnostic[] = [];
  tree: XmlTree | null = null;
  private heldXmlText: string | undefined = undefined;
  /** The same document parsed for saxon-js (Schematron and the stylesheets), once. */
  saxonDoc: SaxonDocument | null = null;
  /** How many names in the text point to a register, per element name (set by validation). */
  coverage: Record<string, { total: number; withRef: number }> = {};

  // Null once let go (letGo): a large build holds each document's text only while something will read it.
  private heldText: string | null;
  private heldLines: LineIndex | null;
  // Reads the text when first asked for (deferred): null once read, or for a document read at once.
  private reader: (() => { text: string; xmlText?: string }) | null = null;

  constructor(
    /** Absolute path on disk. */
    readonly path: string,
    /** Path relative to the project root, forward slashes: what diagnostics name. */
    readonly file: string,
    /** Decoded text; '' when the bytes could not be read as UTF-8. */
    text: string,
  ) {
    this.heldText = text;
    this.heldLines = new LineIndex(text);
  }

  /**
   * A document whose text is read only when something asks for it: an unchanged file whose diagnostics
   * and outputs come from the build cache. Most are never read (nothing to quote, nothing to render), and
   * a 5,000-document edition read whole held 1.1 GB before its corpus pages began.
   */
  static deferred(path: string, file: string, read: () => { text: string; xmlText?: string }): SourceDocument {
    const doc = new SourceDocument(path, file, '');
    doc.heldText = null;
    doc.heldLines = null;
    doc.reader = read;
    return doc;
  }

  /** Decoded text; '' when the bytes could not be read as UTF-8. */
  get text(): string {
    if (this.heldText === null) this.readDeferred();
    return this.heldText!;
  }

  get lines(): LineIndex {
    if (this.heldLines === null) this.readDeferred();
    return this.heldLines!;
  }

  /**
   * What other XML processors (libxml2, saxon-js) are given when it differs from the text: the
   * DOCTYPE blanked and internal entities expanded (parse-xml.ts), never anything external.
   */
  get xmlText(): string | undefined {
    if (this.reader !== null) this.readDeferred();
    return this.heldXmlText;
  }

  set xmlText(text: string | undefined) {
    this.heldXmlText = text;
  }

  private readDeferred(): void {
    if (this.reader === null) throw new Error(`${this.file}: its text was let go, and is read again`);
    const { text, xmlText } = this.reader();
    this.reader = null;
    this.heldText = text;
    this.heldLines = new LineIndex(text);
    this.heldXmlText = xmlText;
  }

  /** Whether its text was let go (letGo); a deferred document not yet read is not: it reads on demand. */
  get released(): boolean {
    return this.heldText === null && this.reader === null;
  }

  /**
   * Let go of the text, its line index and both parses, once nothing will read them again: a
   * 1,000-document build held every text to the end (150 MB of its 1.4 GB). Reading the text after
   * is a bug, and fails loudly rather than quietly read nothing.
   */
  letGo(): void {
    this.reader = null;
    this.heldText = null;
    this.heldLines = null;
    this.heldXmlText = undefined;
    this.tree = null;
    this.saxonDoc = null;
  }

  /** The file name without folder and extension: the document's id and the name of its outputs. */
  get id(): string {
    return this.file.replace(/^.*\//, '').replace(/\.xml$/i, '');
  }

  /** Per rule: how many were reported, and the info that counts those left out. */
  private readonly perRule = new Map<string, { count: number; more?: Diagnostic }>();

  /**
   * Add a diagnostic. Output stays bounded whatever the input: at most MAX_PER_RULE per rule, then
   * one info "and N more" (diagnostic() bounds each message).
   */
  report(
    at: Position,
    severity: Severity,
    source: DiagnosticSource,
    ruleId: string,
    message: string,
    end?: Position,
  ): void {
    const seen = this.perRule.get(ruleId) ?? { count: 0 };
    this.perRule.set(ruleId, seen);
    seen.count++;
    if (seen.count > MAX_PER_RULE) {
      const more = seen.count - MAX_PER_RULE;
      const text = `… and ${more} more [${ruleId}] finding${more === 1 ? '' : 's'} in this file, not shown`;
      if (seen.more) seen.more.message = text;
      else {
        seen.more = diagnostic({ file: this.file, at, severity: 'info', source, ruleId, message: text });
        this.diagnostics.push(seen.more);
      }
      // An info as long as it stands for warnings and infos; an error among those left out makes it an
      // error, so a file never passes because its errors came after the hundredth finding.
      if (RANK[severity] < RANK[seen.more.severity]) seen.more.severity = severity;
      return;
    }
    this.diagnostics.push(
      diagnostic({
        file: this.file,
        at,
        severity,
        source,
        ruleId,
        message,
        end,
      }),
    );
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
