import { TEI_NS, elements, type XmlAttribute, type XmlElement } from '../core/xml-tree.js';
import { daysInMonth, parseW3CDate, type W3CDate } from '../tei/w3c-date.js';
import type { Rule, RuleContext } from './rule.js';
import { exampleTei } from './example-tei.js';

/** First and last instant of a dated value as comparable tuples, or undefined for forms without a year. */
function bounds(d: W3CDate): { first: number[]; last: number[] } | undefined {
  if (d.year === undefined) return undefined;
  const utc = (seconds: number) => seconds - (d.zone ?? 0) * 60;
  const lastMonth = d.month ?? 12;
  return {
    first: [d.year, d.month ?? 1, d.day ?? 1, utc(d.seconds ?? 0)],
    last: [d.year, lastMonth, d.day ?? daysInMonth(lastMonth, d.year), utc(d.seconds ?? 86400)],
  };
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

const DATE_ATTRIBUTES: ReadonlySet<string> = new Set(['when', 'notBefore', 'notAfter', 'from', 'to']);
// Where TEI's @from/@to are not dates: pointers (span, app) or folio and page numbers (locus, citedRange, biblScope).
const FROM_TO_NOT_DATES: ReadonlySet<string> = new Set(['span', 'app', 'locus', 'citedRange', 'biblScope']);
const RANGES = [
  ['notBefore', 'notAfter'],
  ['from', 'to'],
] as const;

// Examples are whole documents; the header is the least the rule needs. The body starts on line 4.
const example = (body: string) => exampleTei(body);

export const dateIso: Rule = {
  id: 'tei/date-iso',
  severity: 'error',
  docs: 'Every @when @notBefore @notAfter @from @to (where TEI makes them dates) is an ISO 8601 (XSD) date that exists in the calendar, and ranges run forward.',
  examples: {
    ok: [
      {
        name: 'every form TEI allows',
        xml: example(
          '<p><date when="1977">a</date> <date when="1977-02">b</date> <date when="2000-02-29">c</date> <date when="--02-29">d</date> <date when="---31">e</date> <date when="--12">f</date> <date when="-0044-03-15">g</date> <time when="14:30:00">h</time> <date when="1977-02-26T10:00:00+03:00">i</date></p>',
        ),
      },
      {
        name: 'ranges that run forward, and @from/@to that are not dates',
        xml: example(
          '<p><date notBefore="1977-02" notAfter="1977-02-15">mid-February</date> <date from="1976" to="1977-01">a year</date> <span from="#a" to="#b">note</span> <bibl><citedRange from="12" to="20"/></bibl></p>',
        ),
      },
    ],
    notOk: [
      {
        name: 'a day February does not have',
        xml: example('<p><date when="1977-02-30">February 30</date></p>'),
        line: 4,
        column: 10,
        message: 'Unexpected date "1977-02-30": February 1977 has 28 days',
      },
      {
        name: 'month 13',
        xml: example('<p><date when="1977-13-01">a date</date></p>'),
        line: 4,
        column: 10,
        message: 'Unexpected date "1977-13-01": there is no month 13',
      },
      {
        name: '1900 was not a leap year',
        xml: example('<p><date when="1900-02-29">a date</date></p>'),
        line: 4,
        column: 10,
        message: 'Unexpected date "1900-02-29": February 1900 has 28 days',
      },
      {
        name: 'not ISO 8601',
        xml: example('<p><date when="25.02.1977">25.02.1977</date></p>'),
        line: 4,
        column: 10,
        message:
          'Unexpected date "25.02.1977": not an ISO 8601 date, expected YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD, ---DD, hh:mm:ss or YYYY-MM-DDThh:mm:ss',
      },
      {
        name: 'notBefore after notAfter',
        xml: example('<p><date notBefore="1977-03" notAfter="1977-02-28">a date</date></p>'),
        line: 4,
        column: 30,
        message:
          'Unexpected @notAfter "1977-02-28" on <date> before @notBefore "1977-03", expected a range that runs forward',
      },
      {
        name: 'from after to, on any element',
        xml: example('<p><event from="1977-02-26" to="1977-02-25"><p>talks</p></event></p>'),
        line: 4,
        column: 29,
        message: 'Unexpected @to "1977-02-25" on <event> before @from "1977-02-26", expected a range that runs forward',
      },
    ],
  },
  check(ctx) {
    for (const el of elements(ctx.tree.root)) {
      if (el.ns !== TEI_NS) continue;
      const parsed = new Map<string, { attr: XmlAttribute; date: W3CDate }>();
      for (const a of el.attributes) {
        if (a.ns !== '' || !DATE_ATTRIBUTES.has(a.local)) continue;
        if ((a.local === 'from' || a.local === 'to') && FROM_TO_NOT_DATES.has(el.local)) continue;
        const date = parseW3CDate(a.value);
        if ('error' in date) ctx.report(a, `Unexpected date ${JSON.stringify(a.value)}: ${date.error}`);
        else parsed.set(a.local, { attr: a, date });
      }
      if (parsed.size > 1) checkRanges(ctx, el, parsed);
    }
  },
};

function checkRanges(
  ctx: RuleContext,
  el: XmlElement,
  parsed: Map<string, { attr: XmlAttribute; date: W3CDate }>,
): void {
  for (const [startName, endName] of RANGES) {
    const start = parsed.get(startName);
    const end = parsed.get(endName);
    if (!start || !end) continue;
    const a = bounds(start.date);
    const b = bounds(end.date);
    if (a && b && compareTuples(a.first, b.last) > 0) {
      ctx.report(
        end.attr,
        `Unexpected @${endName} ${JSON.stringify(end.attr.value)} on <${el.name}> before @${startName} ${JSON.stringify(start.attr.value)}, expected a range that runs forward`,
      );
    }
  }
}
