import { TEI_NS, attr, elements, textContent, type XmlElement, type XmlTree } from '../core/xml-tree.js';
import { isIdentified, namesInText } from '../tei/name-coverage.js';
import type { Rule } from './rule.js';
import { exampleTei } from './example-tei.js';

// What each kind of name points into, to suggest a pointer (rs by its @type).
const PREFIX: Record<string, string> = {
  persName: 'per',
  placeName: 'pla',
  orgName: 'org',
  person: 'per',
  place: 'pla',
  org: 'org',
};

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
        xml: example(
          '<p><persName xml:id="b1" ref="per:brezhnev">Brezhnev</persName> in <placeName ref="pla:moscow">Moscow</placeName>; <rs type="person" sameAs="#b1">the General Secretary</rs> and <orgName ref="org:nato">NATO</orgName></p>',
        ),
      },
      {
        name: 'register entries and the header need none',
        xml: example(
          '<listPerson><person xml:id="brezhnev"><persName>Leonid Brezhnev</persName><birth><placeName>Kamenskoye</placeName></birth></person></listPerson>',
          '<editor><persName>An Editor</persName></editor>',
        ),
      },
    ],
    notOk: [
      {
        name: 'a persName without @ref',
        xml: example('<p><persName>Brezhnev</persName> wrote.</p>'),
        line: 4,
        column: 4,
        message: 'Unexpected <persName> "Brezhnev" without @ref, expected ref="per:…"',
      },
      {
        name: 'an rs without @ref',
        xml: example('<p>From <rs type="place">the capital</rs>.</p>'),
        line: 4,
        column: 9,
        message: 'Unexpected <rs> "the capital" without @ref, expected ref="pla:…"',
      },
      {
        name: 'an orgName with only @key',
        xml: example('<p><orgName key="NATO">NATO</orgName></p>'),
        line: 4,
        column: 4,
        message: 'Unexpected <orgName> "NATO" without @ref, expected ref="org:…" (@key is not followed by the build)',
      },
      {
        name: 'a placeName in a note',
        xml: example('<p>Text<note>Written in <placeName>Moscow</placeName>.</note></p>'),
        line: 4,
        column: 25,
        message: 'Unexpected <placeName> "Moscow" without @ref, expected ref="pla:…"',
      },
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
