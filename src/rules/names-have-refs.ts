import { TEI_NS, attr, elements, textContent, type XmlElement, type XmlTree } from '../validate/xml-tree.js';
import type { Rule } from './rule.js';
import { exampleTei } from './example-tei.js';

export type NameElement = 'persName' | 'placeName' | 'orgName' | 'rs';
export const NAME_ELEMENTS: readonly NameElement[] = ['persName', 'placeName', 'orgName', 'rs'];

export interface Coverage {
  total: number;
  withRef: number;
}

// A register entry names its own subject: the entry is what a @ref points to, so it needs none.
const ENTRIES: ReadonlySet<string> = new Set(['person', 'personGrp', 'place', 'org']);
// What each kind of name points into, to suggest a pointer (rs by its @type).
const PREFIX: Record<string, string> = { persName: 'per', placeName: 'pla', orgName: 'org', person: 'per', place: 'pla', org: 'org' };

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

// Examples are whole documents; the header is the least the rule needs. The body starts on line 4.
const example = (body: string, header = '') => exampleTei(body, { inTitleStmt: header });

export const namesHaveRefs: Rule = {
  id: 'tei/names-have-refs',
  severity: 'warning',
  docs: 'Every persName, placeName, orgName and rs in the text has @ref (or @sameAs naming another mention); register entries and the header are exempt.',
  examples: {
    ok: [
      {
        name: 'names with @ref or @sameAs',
        xml: example('<p><persName xml:id="b1" ref="per:brezhnev">Brezhnev</persName> in <placeName ref="pla:moscow">Moscow</placeName>; <rs type="person" sameAs="#b1">the General Secretary</rs> and <orgName ref="org:nato">NATO</orgName></p>'),
      },
      {
        name: 'register entries and the header need none',
        xml: example('<listPerson><person xml:id="brezhnev"><persName>Leonid Brezhnev</persName><birth><placeName>Kamenskoye</placeName></birth></person></listPerson>', '<editor><persName>An Editor</persName></editor>'),
      },
    ],
    notOk: [
      { name: 'a persName without @ref', xml: example('<p><persName>Brezhnev</persName> wrote.</p>'), line: 4, column: 4 },
      { name: 'an rs without @ref', xml: example('<p>From <rs type="place">the capital</rs>.</p>'), line: 4, column: 9 },
      { name: 'an orgName with only @key', xml: example('<p><orgName key="NATO">NATO</orgName></p>'), line: 4, column: 4 },
      { name: 'a placeName in a note', xml: example('<p>Text<note>Written in <placeName>Moscow</placeName>.</note></p>'), line: 4, column: 25 },
    ],
  },
  check(ctx) {
    for (const el of namesInText(ctx.tree)) {
      if (isIdentified(el)) continue;
      const text = textContent(el).replace(/\s+/g, ' ').trim();
      const shown = JSON.stringify(text.length > 40 ? text.slice(0, 39) + '…' : text);
      const prefix = PREFIX[el.local === 'rs' ? (attr(el, 'type') ?? '') : el.local];
      const suggestion = prefix ? `ref="${prefix}:…"` : 'a @ref';
      const key = attr(el, 'key') === undefined ? '' : ' (@key is not followed by the build)';
      ctx.report(el, `Unexpected <${el.name}> ${shown} without @ref, expected ${suggestion}${key}`);
    }
  },
};
