import { TEI_NS, elements, type XmlAttribute, type XmlElement } from '../validate/xml-tree.js';
import type { Rule, RuleContext } from './rule.js';
import { exampleTei } from './example-tei.js';

/**
 * A value of TEI's teidata.temporal.w3c: one of the XSD types date, gYear, gYearMonth, gMonth, gMonthDay,
 * gDay, time or dateTime. Fields a form does not have are undefined; `seconds` is the time of day.
 */
export interface W3CDate {
  year?: number;
  month?: number;
  day?: number;
  seconds?: number;
  /** Offset from UTC in minutes, when the value carries a zone. */
  zone?: number;
}

const YEAR = '(-?(?:[1-9]\\d{4,}|\\d{4}))';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)';
const ZONE = '(Z|[+-]\\d{2}:\\d{2})?';
const FORMS: { re: RegExp; fields: (keyof W3CDate)[] }[] = [
  { re: new RegExp(`^${YEAR}${ZONE}$`), fields: ['year', 'zone'] },
  { re: new RegExp(`^${YEAR}-(\\d{2})${ZONE}$`), fields: ['year', 'month', 'zone'] },
  { re: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})${ZONE}$`), fields: ['year', 'month', 'day', 'zone'] },
  { re: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T${TIME}${ZONE}$`), fields: ['year', 'month', 'day', 'seconds', 'zone'] },
  { re: new RegExp(`^--(\\d{2})${ZONE}$`), fields: ['month', 'zone'] },
  { re: new RegExp(`^--(\\d{2})-(\\d{2})${ZONE}$`), fields: ['month', 'day', 'zone'] },
  { re: new RegExp(`^---(\\d{2})${ZONE}$`), fields: ['day', 'zone'] },
  { re: new RegExp(`^${TIME}${ZONE}$`), fields: ['seconds', 'zone'] },
];
const EXPECTED_FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD, ---DD, hh:mm:ss or YYYY-MM-DDThh:mm:ss';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Proleptic Gregorian; XSD 1.0 has no year 0, so -0001 (1 BCE) is the leap year before 0001. */
export function daysInMonth(month: number, year?: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (year === undefined) return 29;
  const y = year < 0 ? year + 1 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** Read a W3C date, or say why it is not one (the reason completes "Unexpected date "x": …"). */
export function parseW3CDate(value: string): W3CDate | { error: string } {
  for (const form of FORMS) {
    const m = form.re.exec(value);
    if (!m) continue;
    const date: W3CDate = {};
    let g = 1;
    for (const field of form.fields) {
      if (field === 'seconds') {
        const [h, min, s] = [Number(m[g]), Number(m[g + 1]), Number(m[g + 2])];
        g += 3;
        if (h > 24 || (h === 24 && (min > 0 || s > 0))) return { error: `there is no hour ${m[g - 3]}` };
        if (min > 59) return { error: `there is no minute ${m[g - 2]}` };
        if (s >= 60) return { error: `there is no second ${m[g - 1]}` };
        date.seconds = h * 3600 + min * 60 + s;
      } else if (field === 'zone') {
        const zone = m[g++];
        if (zone === undefined) continue;
        const [, sign = '+', hh = '0', mm = '0'] = /^([+-])(\d{2}):(\d{2})$/.exec(zone) ?? [];
        const minutes = Number(hh) * 60 + Number(mm);
        if (Number(mm) > 59 || minutes > 14 * 60) return { error: `there is no time zone ${zone} (at most ±14:00)` };
        date.zone = sign === '-' ? -minutes : minutes;
      } else date[field] = Number(m[g++]);
    }
    return checkCalendar(date) ?? date;
  }
  return { error: `not an ISO 8601 date, expected ${EXPECTED_FORMS}` };
}

function checkCalendar({ year, month, day }: W3CDate): { error: string } | undefined {
  if (year === 0) return { error: 'there is no year 0000 in XSD dates, expected -0001 for 1 BCE' };
  if (month !== undefined && (month < 1 || month > 12)) return { error: `there is no month ${String(month).padStart(2, '0')}` };
  if (day === undefined) return undefined;
  if (month === undefined) return day >= 1 && day <= 31 ? undefined : { error: `there is no day ${String(day).padStart(2, '0')}` };
  const max = daysInMonth(month, year);
  if (day >= 1 && day <= max) return undefined;
  const name = MONTH_NAMES[month - 1] ?? '';
  return { error: year === undefined ? `${name} has at most ${max} days` : `${name} ${year} has ${max} days` };
}

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
const RANGES = [['notBefore', 'notAfter'], ['from', 'to']] as const;

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
        xml: example('<p><date when="1977">a</date> <date when="1977-02">b</date> <date when="2000-02-29">c</date> <date when="--02-29">d</date> <date when="---31">e</date> <date when="--12">f</date> <date when="-0044-03-15">g</date> <time when="14:30:00">h</time> <date when="1977-02-26T10:00:00+03:00">i</date></p>'),
      },
      {
        name: 'ranges that run forward, and @from/@to that are not dates',
        xml: example('<p><date notBefore="1977-02" notAfter="1977-02-15">mid-February</date> <date from="1976" to="1977-01">a year</date> <span from="#a" to="#b">note</span> <bibl><citedRange from="12" to="20"/></bibl></p>'),
      },
    ],
    notOk: [
      { name: 'a day February does not have', xml: example('<p><date when="1977-02-30">February 30</date></p>'), line: 4, column: 10 },
      { name: 'month 13', xml: example('<p><date when="1977-13-01">a date</date></p>'), line: 4, column: 10 },
      { name: '1900 was not a leap year', xml: example('<p><date when="1900-02-29">a date</date></p>'), line: 4, column: 10 },
      { name: 'not ISO 8601', xml: example('<p><date when="25.02.1977">25.02.1977</date></p>'), line: 4, column: 10 },
      { name: 'notBefore after notAfter', xml: example('<p><date notBefore="1977-03" notAfter="1977-02-28">a date</date></p>'), line: 4, column: 30 },
      { name: 'from after to, on any element', xml: example('<p><event from="1977-02-26" to="1977-02-25"><p>talks</p></event></p>'), line: 4, column: 29 },
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

function checkRanges(ctx: RuleContext, el: XmlElement, parsed: Map<string, { attr: XmlAttribute; date: W3CDate }>): void {
  for (const [startName, endName] of RANGES) {
    const start = parsed.get(startName);
    const end = parsed.get(endName);
    if (!start || !end) continue;
    const a = bounds(start.date);
    const b = bounds(end.date);
    if (a && b && compareTuples(a.first, b.last) > 0) {
      ctx.report(end.attr, `Unexpected @${endName} ${JSON.stringify(end.attr.value)} on <${el.name}> before @${startName} ${JSON.stringify(start.attr.value)}, expected a range that runs forward`);
    }
  }
}
