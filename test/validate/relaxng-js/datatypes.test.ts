import { describe, expect, it } from 'vitest';
import { datatype, XSD } from '../../../src/validate/relaxng-js/datatypes.js';
import { xsdRegex } from '../../../src/validate/relaxng-js/xsd-regex.js';

const ok = (name: string, value: string, params: [string, string][] = []) => datatype(XSD, name, params).allows(value);

describe('XML Schema datatypes and facets', () => {
  it.each([
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '1977-02-26Z', true],
    ['dateTime', '2018-03-30T13:47:49.11+02:00', true],
    ['gYear', '-0044', true],
    ['gYear', '44', false],
    ['gMonthDay', '--02-30', false],
    ['time', '24:00:00', true],
    ['duration', 'P1Y2MT3H', true],
    ['duration', 'PT', false],
    ['boolean', ' true ', true],
    ['boolean', 'yes', false],
    ['decimal', '-1.50', true],
    ['double', 'INF', true],
    ['double', '1e', false],
    ['nonNegativeInteger', '-1', false],
    ['NCName', 'a:b', false],
    ['Name', 'a:b', true],
    ['NMTOKENS', ' a b ', true],
    ['language', 'en-GB', true],
    ['language', 'en_GB', false],
    ['anyURI', 'http://x y', true],
  ])('%s %j → %s', (name, value, want) => {
    expect(ok(name, value)).toBe(want);
  });

  it('applies facets after the white-space rule', () => {
    expect(ok('token', ' abc ', [['maxLength', '3']])).toBe(true);
    expect(ok('token', 'abcd', [['maxLength', '3']])).toBe(false);
    expect(
      ok('double', '0.5', [
        ['minInclusive', '0'],
        ['maxInclusive', '1'],
      ]),
    ).toBe(true);
    expect(
      ok('double', '1.5', [
        ['minInclusive', '0'],
        ['maxInclusive', '1'],
      ]),
    ).toBe(false);
    expect(ok('token', 'a b', [['pattern', '\\S+']])).toBe(false);
  });

  it('translates XSD regular expressions: anchored, \\i \\c, categories, literal ^ and $', () => {
    expect(xsdRegex('[^\\p{C}\\p{Z}]+').test('abc')).toBe(true);
    expect(xsdRegex('[^\\p{C}\\p{Z}]+').test('a c')).toBe(false);
    expect(xsdRegex('\\i\\c*').test('_x-1.é')).toBe(true);
    expect(xsdRegex('\\i\\c*').test('1x')).toBe(false);
    expect(xsdRegex('a$').test('a$')).toBe(true);
    expect(xsdRegex('(\\-?[\\d]+/\\-?[\\d]+)').test('-3/4')).toBe(true);
    expect(xsdRegex('ab').test('xaby')).toBe(false);
  });

  it('compares values of a type by their value space where it matters (token, numbers)', () => {
    expect(datatype('', 'token', []).equal(' a  b ', 'a b')).toBe(true);
    expect(datatype('', 'string', []).equal(' a', 'a')).toBe(false);
    expect(datatype(XSD, 'decimal', []).equal('1.0', '1')).toBe(true);
  });
});
