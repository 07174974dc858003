/**
 * Reads what a date says in English prose, for tei/date-text-agrees. Pure: text in, reading out.
 *
 * Read: "February 25, 1977", "Feb. 25th 1977", "Friday, February 25, 1977", "25 February 1977",
 * "the 25th of February, 1977", "February 1977", "February", "1977", "1977-02-25", "1977/02/25",
 * "05.19.1977" and "03.30.94" (numbers are month.day.year, the American order, unless the first is over 12:
 * then day.month.year; a two-digit year is 19xx, as in the 1970s–90s archival stamps this edition transcribes),
 * "'77", and a year named relative to the context: "February 14 of this year", "January of last year",
 * "next year". Anything else (ranges, "mid-February", seasons, other languages) is not read.
 */
import { daysInMonth } from './w3c-date.js';

export interface DateReading {
  /** The calendar year, when the text names one. */
  year?: number;
  /** The year relative to the context date ("this year" 0, "last year" -1, "next year" 1), when named so. */
  yearOffset?: number;
  month?: number;
  day?: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const RELATIVE_YEARS: Record<string, number> = { 'this year': 0, 'last year': -1, 'next year': 1 };

const MONTH = `(?<month>${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = `(?<year>\\d{4}|'\\d{2}|${Object.keys(RELATIVE_YEARS).join('|')})`;
const WEEKDAY = '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?,? )?';
const THEN_YEAR = `(?:,? ?(?:of )?${YEAR})?`;

const PHRASES = [
  new RegExp(`^${WEEKDAY}${MONTH} ?${DAY}${THEN_YEAR}$`), // February 25, 1977
  new RegExp(`^${WEEKDAY}(?:the )?${DAY} (?:of )?${MONTH}${THEN_YEAR}$`), // 25 February 1977
  new RegExp(`^${MONTH}${THEN_YEAR}$`), // February 1977
  new RegExp(`^${YEAR}$`), // last year
];
const ISO = /^(?<year>-?\d{4})(?:(?<sep>[-/.])(?<month>\d{2})(?:\k<sep>(?<day>\d{2}))?)?$/;
const NUMERIC = /^(?<first>\d{1,2})(?<sep>[./-])(?<second>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})$/;

/** Longer text is never a date phrase; refusing it before any pattern runs keeps them cheap. */
const MAX_LENGTH = 60;

export function readDateText(text: string): DateReading | null {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length > MAX_LENGTH) return null;
  const s = normalise(collapsed);
  if (s === '') return null;
  const reading = readIso(s) ?? readNumeric(s) ?? readPhrase(s);
  return reading && possible(reading) ? reading : null;
}

function readIso(s: string): DateReading | undefined {
  const g = ISO.exec(s)?.groups;
  if (!g) return undefined;
  return withoutUndefined({ year: Number(g.year), month: optionalNumber(g.month), day: optionalNumber(g.day) });
}

function readNumeric(s: string): DateReading | undefined {
  const g = NUMERIC.exec(s)?.groups;
  if (!g) return undefined;
  const [first, second, year] = [Number(g.first), Number(g.second), g.year ?? ''];
  const fullYear = year.length === 2 ? 1900 + Number(year) : Number(year);
  return first <= 12 ? { year: fullYear, month: first, day: second } : { year: fullYear, month: second, day: first };
}

function readPhrase(s: string): DateReading | undefined {
  for (const re of PHRASES) {
    const g = re.exec(s)?.groups;
    if (!g) continue;
    const month = g.month === undefined ? undefined : MONTHS[g.month];
    return withoutUndefined({ ...(g.year === undefined ? {} : readYear(g.year)), month, day: optionalNumber(g.day) });
  }
  return undefined;
}

const optionalNumber = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function withoutUndefined(r: DateReading): DateReading {
  const out: DateReading = {};
  for (const key of ['year', 'yearOffset', 'month', 'day'] as const) if (r[key] !== undefined) out[key] = r[key];
  return out;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[[("“ ]+|[\])"” .,;:]+$/g, '') // editorial brackets, quotes and closing punctuation: "[February 25, 1977.]"
    .replace(/ ?, ?/g, ', ');
}

function readYear(g: string): Pick<DateReading, 'year' | 'yearOffset'> {
  const offset = RELATIVE_YEARS[g];
  if (offset !== undefined) return { yearOffset: offset };
  return { year: g.startsWith("'") ? 1900 + Number(g.slice(1)) : Number(g) };
}

/** A reading the calendar allows ("February 30" is not a date this reader has read). */
function possible({ year, month, day }: DateReading): boolean {
  if (year === 0) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day === undefined) return true;
  if (month === undefined) return false;
  return day >= 1 && day <= daysInMonth(month, year);
}

/** The reading in ISO form ("1977-02-25", "1977-02", "--02-14"), with the year already resolved. */
export function isoOf({ year, month, day }: { year?: number; month?: number; day?: number }): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const y = year === undefined ? '-' : year < 0 ? '-' + String(-year).padStart(4, '0') : String(year).padStart(4, '0');
  if (month === undefined) return year === undefined ? '' : y;
  return `${y}-${two(month)}${day === undefined ? '' : '-' + two(day)}`;
}
