import type { Position } from '../core/diagnostic.js';
import type { SourceDocument } from '../core/document.js';
import type { XmlAttribute, XmlElement, XmlTree } from '../core/xml-tree.js';
import { dateIso } from './date-iso.js';
import { dateTextAgrees } from './date-text-agrees.js';
import { documentDated } from './document-dated.js';
import { graphicResolves } from './graphic-resolves.js';
import { idUnique } from './id-unique.js';
import { namesHaveRefs } from './names-have-refs.js';
import type { ProjectIndex } from '../tei/project-index.js';
import { prefixDefInside } from './prefix-def-inside.js';
import { refResolves } from './ref-resolves.js';
import type { Rule, RuleContext } from './rule.js';

/** Every rule, in the order they run and are documented. */
export const rules: readonly Rule[] = [
  idUnique,
  refResolves,
  prefixDefInside,
  dateIso,
  dateTextAgrees,
  namesHaveRefs,
  documentDated,
  graphicResolves,
];

/** Run rules on one parsed document; what they find joins the document's diagnostics. */
export function runRules(
  doc: SourceDocument,
  tree: XmlTree,
  project: ProjectIndex,
  which: readonly Rule[] = rules,
): void {
  for (const rule of which) {
    const ctx: RuleContext = {
      doc,
      tree,
      project,
      report(at, message, severity = rule.severity) {
        const { start, end } = span(at);
        doc.report(start, severity, 'rules', rule.id, message, end);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // One broken rule must not hide what the others find, nor end the run with a stack trace.
      const reason = e instanceof Error ? e.message : String(e);
      doc.report(
        { line: 1, column: 1 },
        'error',
        'rules',
        'internal/rule-failed',
        `Unexpected failure of rule ${rule.id}: ${reason}`,
      );
    }
  }
}

/** Where a report points: an element's or attribute's name, or a bare position. */
function span(at: XmlElement | XmlAttribute | Position): { start: Position; end?: Position } {
  if ('line' in at) return { start: at };
  const start = at.start;
  // An element's start is its '<'; the name follows it.
  const nameStart = 'type' in at ? start.column + 1 : start.column;
  return { start, end: { line: start.line, column: nameStart + at.name.length } };
}
