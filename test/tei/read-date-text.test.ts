import { describe, expect, it } from 'vitest';
import { isoOf, readDateText, type DateReading } from '../../src/tei/read-date-text.js';

describe('readDateText', () => {
  it.each<[string, DateReading]>([
    // month day, year
    ['February 25, 1977', { year: 1977, month: 2, day: 25 }],
    ['May 13, 1977', { year: 1977, month: 5, day: 13 }],
    ['Feb. 25, 1977', { year: 1977, month: 2, day: 25 }],
    ['Sept. 3, 1977', { year: 1977, month: 9, day: 3 }],
    ['February 25th, 1977', { year: 1977, month: 2, day: 25 }],
    ['february 25 1977', { year: 1977, month: 2, day: 25 }],
    ['Friday, February 25, 1977', { year: 1977, month: 2, day: 25 }],
    ['  February\n   25 ,\t1977. ', { year: 1977, month: 2, day: 25 }],
    ['[February 25, 1977]', { year: 1977, month: 2, day: 25 }],
    ['(February 25, 1977).', { year: 1977, month: 2, day: 25 }],
    ['“February 25, 1977”', { year: 1977, month: 2, day: 25 }],
    ["Feb. 25, '77", { year: 1977, month: 2, day: 25 }],
    // day month year
    ['25 February 1977', { year: 1977, month: 2, day: 25 }],
    ['25th February, 1977', { year: 1977, month: 2, day: 25 }],
    ['the 1st of March 1977', { year: 1977, month: 3, day: 1 }],
    ['2nd Dec. 1976', { year: 1976, month: 12, day: 2 }],
    // numbers
    ['05.19.1977', { year: 1977, month: 5, day: 19 }],
    ['03.30.94', { year: 1994, month: 3, day: 30 }],
    ['2/5/1977', { year: 1977, month: 2, day: 5 }],
    ['25.02.1977', { year: 1977, month: 2, day: 25 }],
    ['1977-02-25', { year: 1977, month: 2, day: 25 }],
    ['1977/02/25', { year: 1977, month: 2, day: 25 }],
    ['1977-02', { year: 1977, month: 2 }],
    // partial
    ['February 1977', { year: 1977, month: 2 }],
    ['Feb., 1977', { year: 1977, month: 2 }],
    ['February of 1977', { year: 1977, month: 2 }],
    ['1977', { year: 1977 }],
    ['February', { month: 2 }],
    ['February 14', { month: 2, day: 14 }],
    ['14 February', { month: 2, day: 14 }],
    // relative to the context year
    ['February 14 of this year', { yearOffset: 0, month: 2, day: 14 }],
    ['January of last year', { yearOffset: -1, month: 1 }],
    ['the 14th of February this year', { yearOffset: 0, month: 2, day: 14 }],
    ['March next year', { yearOffset: 1, month: 3 }],
    ['last year', { yearOffset: -1 }],
    ['February 29 of this year', { yearOffset: 0, month: 2, day: 29 }],
  ])('reads %j', (text, expected) => {
    expect(readDateText(text)).toStrictEqual(expected);
  });

  it.each([
    '',
    '   ',
    'mid-February 1977',
    'February 25-26, 1977',
    'spring 1977',
    'February 30, 1977',
    'February 29, 1977',
    '13.13.1977',
    '31 April 1977',
    '0000',
    'Februar 25, 1977',
    'the day before yesterday',
    'February 25, 1977 and then a very long sentence that is no longer a date at all',
    '1977-2-25',
  ])('does not read %j', (text) => {
    expect(readDateText(text)).toBeNull();
  });

  it('refuses long input quickly', () => {
    const started = performance.now();
    expect(readDateText('1'.repeat(100_000))).toBeNull();
    expect(readDateText('february '.repeat(10_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('isoOf', () => {
  it.each<[DateReading, string]>([
    [{ year: 1977, month: 2, day: 25 }, '1977-02-25'],
    [{ year: 1977, month: 2 }, '1977-02'],
    [{ year: 1977 }, '1977'],
    [{ month: 2, day: 14 }, '--02-14'],
    [{ month: 2 }, '--02'],
    [{ year: -44, month: 3, day: 15 }, '-0044-03-15'],
  ])('writes %j as %s', (reading, iso) => {
    expect(isoOf(reading)).toBe(iso);
  });
});
