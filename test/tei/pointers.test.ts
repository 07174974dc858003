import { describe, expect, it } from 'vitest';
import { hasNestedQuantifier, prefixDefsOf, resolvePointer, type PointerTarget, type PrefixDef } from '../../src/tei/pointers.js';
import { parseDocument, tei } from '../rules/harness.js';

const EDITION: PrefixDef[] = [
  { ident: 'per', matchPattern: '([a-z0-9\\-]+)', replacementPattern: 'register/persons.xml#$1' },
  { ident: 'pla', matchPattern: '([a-z0-9\\-]+)', replacementPattern: 'register/places.xml#$1' },
  { ident: 'org', matchPattern: '([a-z0-9\\-]+)', replacementPattern: 'register/orgs.xml#$1' },
];
const DOC = 'tei/letters/dobrynin-vance-1977-02-26.xml';

describe('resolvePointer', () => {
  it.each<[string, PointerTarget]>([
    ['#p1', { file: DOC, id: 'p1' }],
    ['other.xml#x', { file: 'tei/letters/other.xml', id: 'x' }],
    ['other.xml', { file: 'tei/letters/other.xml', id: null }],
    ['../register/persons.xml#brezhnev', { file: 'tei/register/persons.xml', id: 'brezhnev' }],
    ['./../register/./persons.xml#brezhnev', { file: 'tei/register/persons.xml', id: 'brezhnev' }],
    ['../../tei/register/orgs.xml#nato', { file: 'tei/register/orgs.xml', id: 'nato' }],
    ['my%20notes.xml#n1', { file: 'tei/letters/my notes.xml', id: 'n1' }],
    ['https://history.state.gov/x', { external: 'https://history.state.gov/x' }],
    ['HTTP://example.org/', { external: 'HTTP://example.org/' }],
    ['mailto:editor@example.org', { external: 'mailto:editor@example.org' }],
    ['urn:nbn:de:1234', { external: 'urn:nbn:de:1234' }],
    ['doi:10.1000/182', { external: 'doi:10.1000/182' }],
  ])('%s', (pointer, expected) => {
    expect(resolvePointer(pointer, DOC, EDITION, 'tei')).toStrictEqual(expected);
  });

  it.each<[string, PointerTarget]>([
    ['#range(b_446-start,b_446-end)', { file: DOC, id: 'b_446-start', scheme: 'range', ids: ['b_446-start', 'b_446-end'] }],
    ['#range(#a,#b)', { file: DOC, id: 'a', scheme: 'range', ids: ['a', 'b'] }],
    ['other.xml#string-range(p1,4,10)', { file: 'tei/letters/other.xml', id: 'p1', scheme: 'string-range', ids: ['p1'] }],
    ['#left(x1)', { file: DOC, id: 'x1', scheme: 'left', ids: ['x1'] }],
    ['#right(x1)', { file: DOC, id: 'x1', scheme: 'right', ids: ['x1'] }],
    ['#range(left(a),right(b))', { file: DOC, id: 'a', scheme: 'range', ids: ['a', 'b'] }],
    ["#xpointer(id('n2')/p[1])", { file: DOC, id: 'n2', scheme: 'xpointer', ids: ['n2'] }],
    ['#xpath(//p[2])', { file: DOC, id: null, scheme: 'xpath', ids: [] }],
  ])('pointer scheme %s: the ids it names', (pointer, expected) => {
    expect(resolvePointer(pointer, DOC, EDITION, 'tei')).toStrictEqual(expected);
  });

  it.each<[string, PointerTarget]>([
    ['per:brezhnev', { file: 'tei/register/persons.xml', id: 'brezhnev' }],
    ['pla:moscow', { file: 'tei/register/places.xml', id: 'moscow' }],
    ['org:nato', { file: 'tei/register/orgs.xml', id: 'nato' }],
  ])('prefix %s from a document in tei/', (pointer, expected) => {
    expect(resolvePointer(pointer, 'tei/example.xml', EDITION, 'tei')).toStrictEqual(expected);
  });

  it.each<[string, RegExp]>([
    ['javascript:alert(1)', /not allowed/],
    ['JavaScript:alert(1)', /not allowed/],
    ['data:text/html,<script>alert(1)</script>', /not allowed/],
    ['file:///etc/passwd', /not allowed/],
    ['pers:brezhnev', /undeclared prefix "pers"/],
    ['per:Brezhnev', /does not match @matchPattern/],
    ['../../etc/passwd', /outside tei\//],
    ['../../../x.xml#a', /outside tei\//],
    ['%2e%2e/%2e%2e/x.xml', /outside tei\//],
    ['/etc/passwd', /absolute path/],
    ['//evil.example/x', /absolute path/],
    ['..\\..\\x.xml', /backslash/],
    ['x.xml#', /empty fragment/],
    ['#', /empty fragment/],
    ['#xpath//p', /not an xml:id/],
    ['#1977', /not an xml:id/],
    ['x%zz.xml', /malformed/],
  ])('refuses %s', (pointer, why) => {
    const target = resolvePointer(pointer, DOC, EDITION, 'tei');
    expect(target).toHaveProperty('error');
    expect('error' in target ? target.error : '').toMatch(why);
  });

  it('names forbidden schemes without echoing the pointer', () => {
    expect(resolvePointer('javascript:alert(1)', DOC, EDITION, 'tei')).toStrictEqual({ what: 'javascript: URI', error: 'not allowed in the edition' });
  });

  it('expands a prefix once, then resolves the expansion relative to the document', () => {
    const defs: PrefixDef[] = [
      { ident: 'bib', matchPattern: '(\\w+)-(\\d+)', replacementPattern: '../bibliography/$1.xml#n$2' },
      { ident: 'loop', matchPattern: '(.+)', replacementPattern: 'loop:$1' },
      { ident: 'web', matchPattern: '(.+)', replacementPattern: 'https://example.org/$1' },
      { ident: 'esc', matchPattern: '(.+)', replacementPattern: 'a\\$1.xml#$1' },
    ];
    expect(resolvePointer('bib:smith-12', DOC, defs, 'tei')).toStrictEqual({ file: 'tei/bibliography/smith.xml', id: 'n12' });
    expect(resolvePointer('loop:x', DOC, defs, 'tei')).toHaveProperty('error', expect.stringMatching(/undeclared prefix "loop"/));
    expect(resolvePointer('web:x', DOC, defs, 'tei')).toStrictEqual({ external: 'https://example.org/x' });
    expect(resolvePointer('esc:b', DOC, defs, 'tei')).toStrictEqual({ file: 'tei/letters/a$1.xml', id: 'b' });
  });

  it('tries prefixDefs of the same ident in order', () => {
    const defs: PrefixDef[] = [
      { ident: 'p', matchPattern: '(\\d+)', replacementPattern: 'numbers.xml#n$1' },
      { ident: 'p', matchPattern: '([a-z]+)', replacementPattern: 'names.xml#$1' },
    ];
    expect(resolvePointer('p:12', 'tei/a.xml', defs, 'tei')).toStrictEqual({ file: 'tei/numbers.xml', id: 'n12' });
    expect(resolvePointer('p:ab', 'tei/a.xml', defs, 'tei')).toStrictEqual({ file: 'tei/names.xml', id: 'ab' });
  });

  it('refuses a matchPattern that could backtrack exponentially, and one that is not a pattern', () => {
    const evil: PrefixDef[] = [{ ident: 'x', matchPattern: '(a+)+b', replacementPattern: '$1.xml' }];
    const started = performance.now();
    expect(resolvePointer('x:' + 'a'.repeat(40), 'tei/a.xml', evil, 'tei')).toHaveProperty('error', expect.stringMatching(/exponential/));
    expect(performance.now() - started).toBeLessThan(100);
    const broken: PrefixDef[] = [{ ident: 'x', matchPattern: '([a-z', replacementPattern: '$1.xml' }];
    expect(resolvePointer('x:a', 'tei/a.xml', broken, 'tei')).toHaveProperty('error', expect.stringMatching(/not a regular expression/));
  });

  it('keeps to the edition folder whatever it is called', () => {
    expect(resolvePointer('../x.xml#a', 'edition/sub/a.xml', [], 'edition')).toStrictEqual({ file: 'edition/x.xml', id: 'a' });
    expect(resolvePointer('../../x.xml#a', 'edition/sub/a.xml', [], 'edition/')).toHaveProperty('error');
    expect(resolvePointer('../editions/x.xml', 'edition/a.xml', [], 'edition')).toHaveProperty('error');
    expect(resolvePointer('x.xml', 'a.xml', [], '.')).toStrictEqual({ file: 'x.xml', id: null });
    expect(resolvePointer('../x.xml', 'a.xml', [], '.')).toHaveProperty('error');
  });
});

describe('hasNestedQuantifier', () => {
  it.each<[string, boolean]>([
    ['([a-z0-9\\-]+)', false],
    ['(\\w+)-(\\d+)', false],
    ['(?:abc)+', false],
    ['(a|b)*', false],
    ['[(+]+', false],
    ['(a+)+b', true],
    ['(?:[a-z]*,)*', true],
    ['((ab)*c)+', true],
    ['(?<name>a+){2,}', true],
    ['(a+)?', false],
  ])('%s → %s', (pattern, nested) => {
    expect(hasNestedQuantifier(pattern)).toBe(nested);
  });
});

describe('prefixDefsOf', () => {
  it('reads the declarations of the header', () => {
    const { tree } = parseDocument('tei/example.xml', tei('<p>Text</p>'));
    expect(prefixDefsOf(tree).map((d) => d.ident)).toEqual(['per', 'pla', 'org']);
    expect(prefixDefsOf(tree)[0]).toStrictEqual(EDITION[0]);
  });

  it('finds none when there are none', () => {
    const { tree } = parseDocument('tei/example.xml', tei('<p>Text</p>', { prefixDefs: false }));
    expect(prefixDefsOf(tree)).toEqual([]);
  });
});

describe('matchPattern limits', () => {
  it('refuses a huge matchPattern with a reason instead of failing inside (fuzz mutant 1878)', () => {
    const defs: PrefixDef[] = [{ ident: 'per', matchPattern: '(' + 'a|'.repeat(130_000) + 'b)', replacementPattern: 'register/persons.xml#$1' }];
    const target = resolvePointer('per:b', DOC, defs, 'tei');
    expect('error' in target ? target.error : '').toMatch(/characters long, expected at most 1000/);
  });
});
