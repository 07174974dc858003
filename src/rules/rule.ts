import type { Severity, Position } from '../core/diagnostic.js';
import type { SourceDocument } from '../core/document.js';
import type { XmlAttribute, XmlElement, XmlTree } from '../core/xml-tree.js';
import type { ProjectIndex } from '../tei/project-index.js';

/** What a rule is handed: one parsed document and what the project knows across files. */
export interface RuleContext {
  doc: SourceDocument;
  tree: XmlTree;
  project: ProjectIndex;
  /** Report at an element (its start tag), an attribute (its name) or a position. */
  report(at: XmlElement | XmlAttribute | Position, message: string, severity?: Severity): void;
}

/** An example for the rule's own tests: a whole TEI document (see test/rules/harness.ts for helpers). */
export interface RuleExample {
  /** What the example shows, in a few words (the test's name). */
  name: string;
  xml: string;
  /** For not-ok examples: where the first diagnostic of this rule must point. */
  line?: number;
  column?: number;
  /** For not-ok examples: the message of that first diagnostic, exactly. */
  message?: string;
}

export interface Rule {
  /** 'tei/…': stable, documented in the README under the same id. */
  id: string;
  /** Default severity of what it reports. */
  severity: Severity;
  /** One line on what it checks (README and --help). */
  docs: string;
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
  check(ctx: RuleContext): void;
}
