import { posix } from 'node:path';
import { quote } from '../core/quote.js';
import { graphicsOf } from '../tei/graphics.js';
import { exampleTei } from './example-tei.js';
import type { Rule } from './rule.js';

export const graphicResolves: Rule = {
  id: 'tei/graphic-resolves',
  severity: 'warning',
  docs: 'Every graphic in the text shows a file of the edition (its documents folder), which the build copies next to the HTML page, or an http(s) address, which the page links to; any other picture is left out of the page.',
  examples: {
    ok: [
      {
        name: 'a picture on the web is linked, not fetched',
        xml: exampleTei('<figure><graphic url="https://example.org/plate-1.png"/><figDesc>Plate 1</figDesc></figure>'),
      },
      {
        name: 'a graphic in the facsimile is not shown in the text',
        xml: exampleTei('<p>Text.</p>').replace(
          '<text>',
          '<facsimile><surface><graphic url="scans/missing.png"/></surface></facsimile>\n<text>',
        ),
      },
    ],
    notOk: [
      {
        name: 'a file the edition does not hold',
        xml: exampleTei('<figure>\n  <graphic url="images/plate-1.png"/></figure>'),
        line: 5,
        column: 12,
        message:
          'Unexpected graphic URL "images/plate-1.png": no such file images/plate-1.png in the edition, expected a file inside tei/ (the picture is left out of the page)',
      },
      {
        name: 'a file outside the edition',
        xml: exampleTei('<p><graphic url="../../secret.png"/></p>'),
        line: 4,
        column: 13,
        message:
          'Unexpected graphic URL "../../secret.png": it leads outside the edition\'s documents folder tei/, whose files alone are published (the picture is left out of the page)',
      },
      {
        name: 'a URL that is neither a file nor a web address',
        xml: exampleTei('<p><graphic url="file:///etc/hostname"/></p>'),
        line: 4,
        column: 13,
        message:
          'Unexpected graphic URL "file:///etc/hostname": a "file:" URL is not published, expected a file of the edition or an http(s) address (the picture is left out of the page)',
      },
    ],
  },
  check(ctx) {
    const { teiDir } = ctx.project;
    for (const g of graphicsOf(ctx.tree, ctx.doc.file, teiDir)) {
      const shown = quote(g.url.value);
      if ('error' in g.target)
        ctx.report(g.url, `Unexpected graphic URL ${shown}: ${g.target.error} (the picture is left out of the page)`);
      else if ('file' in g.target && !ctx.project.hasFile(g.target.file)) {
        const name = teiDir === '.' ? g.target.file : posix.relative(teiDir, g.target.file);
        ctx.report(
          g.url,
          `Unexpected graphic URL ${shown}: no such file ${name} in the edition, expected a file inside ${teiDir}/ (the picture is left out of the page)`,
        );
      }
    }
  },
};
