import { XML_NS, elements, isNCName, type XmlAttribute } from '../core/xml-tree.js';
import type { Rule } from './rule.js';
import { exampleTei } from './example-tei.js';

// Examples are whole documents; the header is the least the rule needs. The body starts on line 4.
const example = (body: string) => exampleTei(body);

export const idUnique: Rule = {
  id: 'tei/id-unique',
  severity: 'error',
  docs: 'Every xml:id is an XML name and is used once in its document.',
  examples: {
    ok: [
      { name: 'distinct ids', xml: example('<p xml:id="p1">One</p>\n<p xml:id="p2">Two</p>') },
      {
        name: 'ids with hyphens, dots and non-ASCII letters',
        xml: example('<p xml:id="letter-1977.02">One</p>\n<p xml:id="письмо">Two</p>'),
      },
    ],
    notOk: [
      {
        name: 'duplicate xml:id',
        xml: example('<p xml:id="p1">One</p>\n<p xml:id="p1">Two</p>'),
        line: 5,
        column: 4,
        message: 'Unexpected duplicate xml:id "p1", expected an id not used before (first used at line 4)',
      },
      {
        name: 'duplicate of the root id',
        xml: example('<p>One <seg xml:id="example">two</seg></p>'),
        line: 4,
        column: 13,
        message: 'Unexpected duplicate xml:id "example", expected an id not used before (first used at line 1)',
      },
      {
        name: 'a path as an id',
        xml: example('<p xml:id="../../x">One</p>'),
        line: 4,
        column: 4,
        message: 'Unexpected xml:id "../../x": not an XML name',
      },
      {
        name: 'an id starting with a digit',
        xml: example('<p xml:id="1977">One</p>'),
        line: 4,
        column: 4,
        message: 'Unexpected xml:id "1977": not an XML name',
      },
      {
        name: 'an empty id',
        xml: example('<p xml:id="">One</p>'),
        line: 4,
        column: 4,
        message: 'Unexpected xml:id "": not an XML name',
      },
    ],
  },
  check(ctx) {
    const first = new Map<string, XmlAttribute>();
    for (const el of elements(ctx.tree.root)) {
      for (const a of el.attributes) {
        if (a.local !== 'id' || a.ns !== XML_NS) continue;
        if (!isNCName(a.value)) {
          ctx.report(a, `Unexpected xml:id ${JSON.stringify(a.value)}: not an XML name`);
          continue;
        }
        const earlier = first.get(a.value);
        if (earlier)
          ctx.report(
            a,
            `Unexpected duplicate xml:id ${JSON.stringify(a.value)}, expected an id not used before (first used at line ${earlier.start.line})`,
          );
        else first.set(a.value, a);
      }
    }
  },
};
