import { TEI_NS, elements } from '../core/xml-tree.js';
import { replacementPatternProblem } from '../tei/pointers.js';
import type { Rule } from './rule.js';
import { exampleTei } from './example-tei.js';

// A prefixDef on its own line after fileDesc: line 3 of the example, the attribute after the matchPattern.
const withPrefix = (replacementPattern: string) =>
  exampleTei('<p>Text</p>', {
    afterFileDesc: `<encodingDesc><listPrefixDef>\n<prefixDef ident="per" matchPattern="([a-z]+)" replacementPattern="${replacementPattern}"/>\n</listPrefixDef></encodingDesc>`,
  });

/**
 * Checked whether or not any pointer uses the prefix: the corpus pages read every register the
 * prefixes name, so an unused declaration must not be a way to make the build read (and publish) a
 * file from outside the edition.
 */
export const prefixDefInside: Rule = {
  id: 'tei/prefix-def-inside',
  severity: 'error',
  docs: 'Every prefixDef, used or not, expands to a file inside the edition or to an absolute URI that is never read (http:, https:, …).',
  examples: {
    ok: [
      { name: 'a register of the edition', xml: withPrefix('register/persons.xml#$1') },
      { name: 'an authority on the web', xml: withPrefix('https://viaf.org/viaf/$1') },
      { name: 'a register, climbing back into the edition', xml: withPrefix('../tei/register/orgs.xml#$1') },
      { name: 'a file named by the group', xml: withPrefix('register/$1.xml') },
    ],
    notOk: [
      {
        name: 'a file outside the edition',
        xml: withPrefix('../../outside/secret.xml#$1'),
        line: 3,
        column: 48,
        message: 'Unexpected @replacementPattern "../../outside/secret.xml#$1": the path leads outside tei/',
      },
      {
        name: 'an absolute path',
        xml: withPrefix('/etc/passwd#$1'),
        line: 3,
        column: 48,
        message:
          'Unexpected @replacementPattern "/etc/passwd#$1": absolute path, expected a path relative to the document',
      },
      {
        name: 'a file: URI',
        xml: withPrefix('file:///etc/passwd#$1'),
        line: 3,
        column: 48,
        message: 'Unexpected @replacementPattern "file:///etc/passwd#$1": file: URI not allowed in the edition',
      },
      {
        name: 'dots escaped as %2e',
        xml: withPrefix('%2e%2e/%2e%2e/secret.xml#$1'),
        line: 3,
        column: 48,
        message: 'Unexpected @replacementPattern "%2e%2e/%2e%2e/secret.xml#$1": the path leads outside tei/',
      },
      {
        name: 'Windows separators',
        xml: withPrefix('..\\..\\secret.xml#$1'),
        line: 3,
        column: 48,
        message:
          'Unexpected @replacementPattern "..\\\\..\\\\secret.xml#$1": backslash in the path, expected / between folders',
      },
      {
        name: 'a group in the folder part that climbs out',
        xml: withPrefix('../../$1/secret.xml#x'),
        line: 3,
        column: 48,
        message: 'Unexpected @replacementPattern "../../$1/secret.xml#x": the path leads outside tei/',
      },
      {
        name: 'no such file in the edition (or a link out of it)',
        xml: withPrefix('register/people.xml#$1'),
        line: 3,
        column: 48,
        message:
          'Unexpected @replacementPattern "register/people.xml#$1": no such file register/people.xml in the edition (or it is a link that leads out of it)',
      },
    ],
  },
  check(ctx) {
    for (const el of elements(ctx.tree.root, 'prefixDef')) {
      if (el.ns !== TEI_NS) continue;
      const attribute = el.attributes.find((a) => a.name === 'replacementPattern');
      if (!attribute) continue;
      const problem = replacementPatternProblem(attribute.value, ctx.doc.file, ctx.project.teiDir, (file) =>
        ctx.project.has(file),
      );
      if (problem !== undefined)
        ctx.report(
          attribute,
          `Unexpected @replacementPattern ${JSON.stringify(attribute.value.slice(0, 200))}: ${problem}`,
        );
    }
  },
};
