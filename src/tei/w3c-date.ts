/** W3C dates as TEI's teidata.temporal.w3c has them: reading one, and the calendar it must respect. */

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
