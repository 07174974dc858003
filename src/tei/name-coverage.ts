/** Which names in a text are identified (point to a register entry), and how many: the coverage a run reports. */
import { TEI_NS, attr, elements, type XmlElement, type XmlTree } from '../core/xml-tree.js';

export type NameElement = 'persName' | 'placeName' | 'orgName' | 'rs';
export const NAME_ELEMENTS: readonly NameElement[] = ['persName', 'placeName', 'orgName', 'rs'];

export interface Coverage {
  total: number;
  withRef: number;
}

// A register entry names its own subject: the entry is what a @ref points to, so it needs none.
const ENTRIES: ReadonlySet<string> = new Set(['person', 'personGrp', 'place', 'org']);

/**
 * Whether a name is identified: @ref points into a register; @sameAs points to another mention that is.
 * @key does not count: it is a project-private code that neither the rules nor the build can follow.
 */
export function isIdentified(name: XmlElement): boolean {
  return [attr(name, 'ref'), attr(name, 'sameAs')].some((v) => v !== undefined && v.trim() !== '');
}

/** The names the rule checks: persName, placeName, orgName and rs in <text>, not in register entries or the header. */
export function* namesInText(tree: XmlTree): Generator<XmlElement> {
  for (const el of elements(tree.root)) {
    if (el.ns !== TEI_NS || !(NAME_ELEMENTS as readonly string[]).includes(el.local)) continue;
    let inText = false;
    let exempt = false;
    for (let p = el.parent; p && !exempt; p = p.parent) {
      if (p.ns !== TEI_NS) continue;
      if (p.local === 'text') inText = true;
      exempt = p.local === 'teiHeader' || ENTRIES.has(p.local);
    }
    if (inText && !exempt) yield el;
  }
}

/** How many of the checked names of each kind carry a reference, for the summary of a run. */
export function referenceCoverage(tree: XmlTree): Record<NameElement, Coverage> {
  const coverage = Object.fromEntries(NAME_ELEMENTS.map((n) => [n, { total: 0, withRef: 0 }])) as Record<NameElement, Coverage>;
  for (const el of namesInText(tree)) {
    const c = coverage[el.local as NameElement];
    c.total++;
    if (isIdentified(el)) c.withRef++;
  }
  return coverage;
}
