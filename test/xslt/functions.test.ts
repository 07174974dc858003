import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sef } from '../../src/transform/compile-stylesheet.js';
import { compileStylesheet } from '../../src/transform/compile-stylesheet.js';
import { parseForSaxon, PRINCIPAL, runTransform, type SaxonDocument } from '../../src/transform/saxon.js';
import { repoRoot } from '../support/cli.js';
import { POINTER_CASES, POINTER_DOC, POINTER_EDITION } from '../tei/pointer-cases.js';

// XSpec-style scenarios for the functions of xslt/common, one expression each, through a small driver.
const EDITION_ROOT = '/tei-pipeline-test-edition/';
let driver: Sef;
let pool: Record<string, SaxonDocument>;
let letter: SaxonDocument;

beforeAll(async () => {
  driver = await compileStylesheet(join(repoRoot, 'test', 'xslt', 'support', 'call.xsl'), join(repoRoot, '.cache', 'tei-pipeline'));
  pool = {};
  for (const [file, xml] of Object.entries(POINTER_EDITION)) pool[`file://${EDITION_ROOT}${file}`] = await parseForSaxon(xml, EDITION_ROOT + file);
  letter = pool[`file://${EDITION_ROOT}${POINTER_DOC}`]!;
});

/** The function's result, one string per item. */
function call(fn: string, argument: string, context: SaxonDocument | null = null): string[] {
  const out = runTransform(driver, { initialTemplate: 'call', params: { function: fn, argument, context }, documentPool: pool });
  return JSON.parse(out.get(PRINCIPAL)!) as string[];
}

describe('ed:resolve: the shared pointer table (XSLT resolver)', () => {
  it.each(POINTER_CASES)('%s -> %s', (pointer, expected) => {
    const [found = null] = call('resolve', pointer, letter);
    expect(found).toBe(expected);
  });
});

describe('ed:safe-href', () => {
  it.each([
    ['https://history.state.gov/x', 'https://history.state.gov/x'],
    ['mailto:editor@example.org', 'mailto:editor@example.org'],
    ['persons.html#vance', 'persons.html#vance'],
    ['../cite/x.bib', '../cite/x.bib'],
  ])('keeps %s', (uri, expected) => {
    expect(call('safe-href', uri)).toEqual([expected]);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'java\tscript:alert(1)', ' javascript:x', 'a\\b', ''])(
    'refuses %j',
    (uri) => {
      expect(call('safe-href', uri)).toEqual([]);
    },
  );
});

describe('dates', () => {
  it.each([
    ['1977-02-25', true],
    ['1977-02', true],
    ['1977', true],
    ['25.02.1977', false],
    ['1977-2-25', false],
    ['1977-02-30', false],
  ])('ed:is-iso-date(%s) is %s', (value, expected) => {
    expect(call('is-iso-date', value)).toEqual([String(expected)]);
  });

  it.each([
    ['1977-02-26', 'February 26, 1977'],
    ['1977-02', 'February 1977'],
    ['1977', '1977'],
  ])('ed:format-date(%s) reads %s', (value, expected) => {
    expect(call('format-date', value)).toEqual([expected]);
  });

  it.each([
    ['1977-02-25', '1977/02/25/'],
    ['1977-02', '1977/02//'],
    ['1977', '1977///'],
  ])('ed:ris-date of %s is %s', (value, expected) => {
    expect(call('ris-date', value)).toEqual([expected]);
  });
});
