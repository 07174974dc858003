import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { isOutputOf, outputName } from '../../src/tei/output-name.js';
import { parseXml } from '../../src/validate/parse-xml.js';

const doc = (file: string, xml: string, parse = true) => {
  const d = new SourceDocument(`/e/${file}`, file, xml);
  if (parse) d.tree = parseXml(d);
  return d;
};
const tei = (attrs: string) => `<TEI xmlns="http://www.tei-c.org/ns/1.0"${attrs}><text><body><p>x</p></body></text></TEI>`;

describe('the name of a document’s outputs (as xslt/common/document.xsl ed:document-id names them)', () => {
  it.each([
    ['tei/Letter-A.xml', ' xml:id="first-letter"', 'first-letter'],
    ['tei/Letter-A.xml', '', 'letter-a'],
    ['tei/Letter-A.xml', ' xml:id="Letter-A"', 'letter-a'],
    ['tei/x.xml', ' xml:id="a..b"', 'x'],
    ['tei/sub/Record.XML', ' xml:id="rec.1"', 'rec.1'],
  ])('%s with%s is %s', (file, attrs, name) => {
    expect(outputName(doc(file, tei(attrs)))).toBe(name);
    // A document that does not parse keeps the name its root's start tag gives.
    expect(outputName(doc(file, tei(attrs).replace('</TEI>', ''), false))).toBe(name);
  });

  it('owns its pages, texts, citations and pictures, and nothing of a document named alike', () => {
    for (const p of ['html/letter-a.html', 'text/letter-a.diplomatic.txt', 'cite/letter-a.csl.json'])
      expect(isOutputOf(p, 'letter-a'), p).toBe(true);
    expect(isOutputOf('html/images/letter-a/images/plate 1.png', 'letter-a')).toBe(true);
    for (const p of ['html/letter-ab.html', 'html/images/letter-ab/x.png', 'html/assets/edition.css', 'html/index.html'])
      expect(isOutputOf(p, 'letter-a'), p).toBe(false);
  });
});
