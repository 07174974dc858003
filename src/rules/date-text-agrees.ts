import {
  TEI_NS,
  attr,
  attrNode,
  elements,
  path,
  type XmlAttribute,
  type XmlElement,
  type XmlNode,
  type XmlTree,
} from '../core/xml-tree.js';
import { parseW3CDate, type W3CDate } from '../tei/w3c-date.js';
import { isoOf, readDateText } from '../tei/read-date-text.js';
import type { Rule } from './rule.js';
import { exampleTei } from './example-tei.js';

// Examples are whole documents; the body starts on line 4 unless a profileDesc is given.
const example = (body: string, profileDesc = '') => exampleTei(body, { afterFileDesc: profileDesc });

const letter = (text: string) => `<div>
<p>Brezhnev's letter of <date when="1977-02-25">February 25, 1977</date>:</p>
<floatingText type="letter"><body>
<p>${text}</p>
<closer><dateline><date when="1977-02-25">February 25, 1977</date></dateline></closer>
</body></floatingText>
</div>`;

export const dateTextAgrees: Rule = {
  id: 'tei/date-text-agrees',
  severity: 'error',
  docs: 'A <date> says what its @when (or @notBefore/@notAfter) says; "this year" and "last year" count from the nearest dateline, then the creation date.',
  examples: {
    ok: [
      {
        name: 'the forms the source uses',
        xml: example(
          '<p><date when="1977-02-25">February 25, 1977</date>, <date when="1977-05-13">May 13, 1977</date>, <date when="1977-02-25">25 February 1977</date>, ' +
            '<date when="1977-05-19">05.19.1977</date>, <date when="1994-03-30">03.30.94</date>, <date when="1977-02-25">1977-02-25</date>, ' +
            '<date when="1977-02-25">Feb. 25th, 1977</date>, <date when="1977">1977</date></p>',
        ),
      },
      {
        name: 'text less precise than @when, and a range within the text',
        xml: example(
          '<p><date when="1977-02-25">February 1977</date>, <date notBefore="1977-02-10" notAfter="1977-02-20">February 1977</date></p>',
        ),
      },
      {
        name: 'this year and last year inside a letter',
        xml: example(
          letter(
            'your letter of <date when="1977-02-14">February 14 of this year</date>; in <date when="1976-01">January of last year</date>',
          ),
        ),
      },
      {
        name: 'this year from the creation date',
        xml: example(
          '<p>your letter of <date when="1977-02-14">February 14 of this year</date></p>',
          '<profileDesc><creation><date when="1977-02-26">26 February 1977</date></creation></profileDesc>',
        ),
      },
    ],
    notOk: [
      {
        name: 'another day',
        xml: example('<p><date when="1977-02-24">February 25, 1977</date></p>'),
        line: 4,
        column: 10,
        message: 'Unexpected @when "1977-02-24" for date text "February 25, 1977", expected 1977-02-25',
      },
      {
        name: 'text more precise than @when',
        xml: example('<p><date when="1977-02">February 25, 1977</date></p>'),
        line: 4,
        column: 10,
        message:
          'Unexpected @when "1977-02" for date text "February 25, 1977", expected 1977-02-25: the text is more precise',
      },
      {
        name: 'a two-digit year is 19xx',
        xml: example('<p>Declassified <date when="2094-03-30">03.30.94</date></p>'),
        line: 4,
        column: 23,
        message: 'Unexpected @when "2094-03-30" for date text "03.30.94", expected 1994-03-30',
      },
      {
        name: 'this year is the letter’s year',
        xml: example(letter('your letter of <date when="1976-02-14">February 14 of this year</date>')),
        line: 7,
        column: 25,
        message:
          'Unexpected @when "1976-02-14" for date text "February 14 of this year", expected 1977-02-14 (the year counted from 1977, the date at line 8)',
      },
      {
        name: 'last year is the year before the letter',
        xml: example(letter('in <date when="1977-01">January of last year</date>')),
        line: 7,
        column: 13,
        message:
          'Unexpected @when "1977-01" for date text "January of last year", expected 1976-01 (the year counted from 1977, the date at line 8)',
      },
      {
        name: 'outside the notBefore/notAfter range',
        xml: example('<p><date notBefore="1977-01-30" notAfter="1977-02-20">February 1977</date></p>'),
        line: 4,
        column: 10,
        message: 'Unexpected @notBefore "1977-01-30" for date text "February 1977", expected a date within 1977-02',
      },
      {
        name: 'text it cannot read',
        xml: example('<p><date when="1977-02">mid-February</date></p>'),
        line: 4,
        column: 4,
        message: 'Unrecognised date text "mid-February": not checked',
      },
    ],
  },
  check(ctx) {
    let contextOf: ((date: XmlElement) => ContextDate | undefined) | undefined;
    for (const el of elements(ctx.tree.root, 'date')) {
      if (el.ns !== TEI_NS) continue;
      const when = attrNode(el, 'when');
      const stated = when
        ? [when]
        : [attrNode(el, 'notBefore'), attrNode(el, 'notAfter')].filter((a): a is XmlAttribute => a !== undefined);
      const text = readingText(el);
      if (stated.length === 0 || text === '') continue;
      const shown = JSON.stringify(text.length > 60 ? text.slice(0, 59) + '…' : text);
      const reading = readDateText(text);
      if (!reading) {
        ctx.report(el, `Unrecognised date text ${shown}: not checked`, 'info');
        continue;
      }
      let year = reading.year;
      let counted = '';
      if (reading.yearOffset !== undefined) {
        contextOf ??= dateContext(ctx.tree);
        const context = contextOf(el);
        // Without a context date only the month and day can be compared.
        if (context) year = context.year + reading.yearOffset;
        counted = context
          ? ` (the year counted from ${context.year}, the date at line ${context.el.start.line})`
          : ' (no dated context to count the year from)';
      }
      const said = { year, month: reading.month, day: reading.day };
      for (const a of stated) {
        const value = parseW3CDate(a.value);
        if ('error' in value) continue; // tei/date-iso reports it
        const expected = disagreement(said, value);
        if (expected)
          ctx.report(
            a,
            `Unexpected @${a.name} ${JSON.stringify(a.value)} for date text ${shown}, expected ${expected}${counted}`,
          );
      }
    }
  },
};

type Fields = Pick<W3CDate, 'year' | 'month' | 'day'>;
const FIELDS = ['year', 'month', 'day'] as const;

/**
 * What the text says, when the value says otherwise; undefined when they agree. A value more precise than the
 * text agrees when it lies within it ("February 1977" and 1977-02-25); a less precise one does not.
 */
function disagreement(said: Fields, value: W3CDate): string | undefined {
  if (value.year === undefined && value.month === undefined && value.day === undefined) return undefined; // a time of day
  let differs = false;
  for (const f of FIELDS) {
    if (said[f] === undefined) continue;
    if (value[f] === undefined) return `${isoOf(said)}: the text is more precise`;
    if (value[f] !== said[f]) differs = true;
  }
  if (!differs) return undefined;
  const finest = Math.max(...FIELDS.map((f, rank) => (said[f] === undefined ? -1 : rank)));
  const morePrecise = FIELDS.some((f, rank) => rank > finest && value[f] !== undefined);
  return morePrecise ? `a date within ${isoOf(said)}` : isoOf(said);
}

interface ContextDate {
  el: XmlElement;
  year: number;
  order: number;
}

const TEXTS: ReadonlySet<string> = new Set(['text', 'floatingText']);
const FRAMES: ReadonlySet<string> = new Set(['dateline', 'opener', 'closer', 'docDate']);

/**
 * The date "this year" counts from, for each date of the document. In order:
 * 1. walking out from the date, the first `text` or `floatingText` (a letter quoted in a record is one) that has a
 *    dated <date> in its own dateline, opener, closer or docDate: the closest such date before this one in the
 *    document, else the first after it (a letter's dateline often stands at its end);
 * 2. the first dated <date> in teiHeader/profileDesc/creation;
 * 3. the first dated <date> in teiHeader/fileDesc/sourceDesc.
 * "Dated" means a @when with a year. Built once per document, and only when a date needs it.
 */
function dateContext(tree: XmlTree): (date: XmlElement) => ContextDate | undefined {
  const order = new Map<XmlElement, number>();
  const anchors = new Map<XmlElement, ContextDate[]>();
  for (const el of elements(tree.root)) {
    order.set(el, order.size);
    const year = el.local === 'date' && el.ns === TEI_NS ? yearOf(el) : undefined;
    if (year === undefined) continue;
    let framed = false;
    for (let p = el.parent; p; p = p.parent) {
      if (FRAMES.has(p.local)) framed = true;
      if (!TEXTS.has(p.local)) continue;
      if (framed) {
        const list = anchors.get(p) ?? [];
        list.push({ el, year, order: order.get(el) ?? 0 });
        anchors.set(p, list);
      }
      break;
    }
  }
  const header =
    firstDated(path(tree.root, 'teiHeader', 'profileDesc', 'creation'), order) ??
    firstDated(path(tree.root, 'teiHeader', 'fileDesc', 'sourceDesc'), order);
  return (date) => {
    const at = order.get(date) ?? 0;
    for (let p = date.parent; p; p = p.parent) {
      const candidates = anchors.get(p)?.filter((a) => a.el !== date) ?? [];
      const before = candidates.filter((a) => a.order < at).pop();
      const after = candidates.find((a) => a.order > at);
      if (before ?? after) return before ?? after;
    }
    return header;
  };
}

function firstDated(el: XmlElement | undefined, order: ReadonlyMap<XmlElement, number>): ContextDate | undefined {
  if (!el) return undefined;
  for (const d of elements(el, 'date')) {
    const year = d.ns === TEI_NS ? yearOf(d) : undefined;
    if (year !== undefined) return { el: d, year, order: order.get(d) ?? 0 };
  }
  return undefined;
}

function yearOf(date: XmlElement): number | undefined {
  const when = attr(date, 'when');
  const parsed = when === undefined ? undefined : parseW3CDate(when);
  return parsed && !('error' in parsed) ? parsed.year : undefined;
}

const SKIPPED: ReadonlySet<string> = new Set(['note', 'del']);
// In <choice>, the reading text is corr, reg and expan.
const SKIPPED_IN_CHOICE: ReadonlySet<string> = new Set(['sic', 'orig', 'abbr']);
const BREAKS: ReadonlySet<string> = new Set(['lb', 'pb', 'cb']);

/** The date as a reader reads it: corrections not errors, no notes, line breaks as spaces. */
function readingText(date: XmlElement): string {
  let s = '';
  const stack: XmlNode[] = [date];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') s += n.value;
    if (n.type !== 'element') continue;
    if (SKIPPED.has(n.local) || (SKIPPED_IN_CHOICE.has(n.local) && n.parent?.local === 'choice')) continue;
    if (BREAKS.has(n.local) && attr(n, 'break') !== 'no') s += ' ';
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return s.replace(/\s+/g, ' ').trim();
}
