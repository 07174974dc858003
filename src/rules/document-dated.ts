import { attr, childElements, elements, path, type XmlElement } from '../core/xml-tree.js';
import type { Rule } from './rule.js';
import { exampleTei } from './example-tei.js';

const DATING = ['when', 'notBefore', 'notAfter', 'from', 'to', 'when-iso'];
const isDated = (e: XmlElement) => DATING.some((a) => (attr(e, a) ?? '').trim() !== '');

/**
 * The places a document's own date is read from (xslt/common/header.xsl, 'date-written' and
 * 'date-event'), in that order: the index sorts by it and the citation gives it.
 */
function documentDates(tei: XmlElement): XmlElement[] {
  const header = path(tei, 'teiHeader');
  const text = path(tei, 'text');
  const found: XmlElement[] = [];
  const dated = (root: XmlElement | undefined, ...locals: string[]) => {
    if (!root) return;
    for (const local of locals) for (const e of elements(root, local)) if (isDated(e)) found.push(e);
  };
  for (const ms of header ? elements(header, 'msDesc') : [])
    for (const h of childElements(ms, 'history')) dated(path(h, 'origin'), 'origDate', 'date');
  const profile = header ? path(header, 'profileDesc') : undefined;
  for (const part of profile ? childElements(profile) : []) {
    if (part.local === 'settingDesc' || part.local === 'creation') dated(part, 'date');
    if (part.local === 'correspDesc')
      for (const a of childElements(part, 'correspAction')) if (attr(a, 'type') === 'sent') dated(a, 'date');
  }
  for (const line of text ? elements(text, 'dateline') : []) dated(line, 'date');
  return found;
}

export const documentDated: Rule = {
  id: 'tei/document-dated',
  severity: 'warning',
  docs: 'A document (not a register) has a date the index and its citation can use: a dated origDate or date in msDesc/history/origin, in profileDesc/creation or settingDesc, a correspDesc sent date, or a dated dateline in the text.',
  examples: {
    ok: [
      {
        name: 'a letter dated by its correspDesc',
        xml: exampleTei('<p>Text.</p>', {
          afterFileDesc:
            '<profileDesc><correspDesc><correspAction type="sent"><date when="1977-02-25"/></correspAction></correspDesc></profileDesc>',
        }),
      },
      {
        name: 'a dated dateline in the text',
        xml: exampleTei(
          '<p>Text.</p><closer><dateline><date when="1977-02-25">25 February 1977</date></dateline></closer>',
        ),
      },
      {
        name: 'a register needs no date',
        xml: exampleTei('<listPerson><person xml:id="a"><persName>A</persName></person></listPerson>'),
      },
    ],
    notOk: [
      {
        name: 'no date anywhere',
        xml: exampleTei('<p>Text.</p>'),
        line: 2,
        column: 1,
        message:
          'Unexpected document without a date, expected a @when on an origDate in msDesc/history/origin, on the date of a correspDesc sent action, or on a date in a dateline (the index orders documents by it and citations give it)',
      },
      {
        name: 'a received date is not the date of writing',
        xml: exampleTei('<p>Text.</p>', {
          afterFileDesc:
            '<profileDesc><correspDesc><correspAction type="received"><date when="1977-03-01"/></correspAction></correspDesc></profileDesc>',
        }),
        line: 2,
        column: 1,
        message:
          'Unexpected document without a date, expected a @when on an origDate in msDesc/history/origin, on the date of a correspDesc sent action, or on a date in a dateline (the index orders documents by it and citations give it)',
      },
      {
        name: 'a date without a value',
        xml: exampleTei('<p>Text.</p><closer><dateline><date>Tuesday</date></dateline></closer>'),
        line: 2,
        column: 1,
        message:
          'Unexpected document without a date, expected a @when on an origDate in msDesc/history/origin, on the date of a correspDesc sent action, or on a date in a dateline (the index orders documents by it and citations give it)',
      },
    ],
  },
  check(ctx) {
    const tei = ctx.tree.root;
    if (tei.local !== 'TEI') return;
    const body = path(tei, 'text', 'body');
    // A register holds entries, not a dated document.
    if (body && childElements(body).some((e) => /^list(Person|Place|Org|Bibl|Event|Object|Nym)$/.test(e.local))) return;
    if (documentDates(tei).length > 0) return;
    ctx.report(
      path(tei, 'teiHeader') ?? tei,
      'Unexpected document without a date, expected a @when on an origDate in msDesc/history/origin, on the date of a correspDesc sent action, or on a date in a dateline (the index orders documents by it and citations give it)',
    );
  },
};
