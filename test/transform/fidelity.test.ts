import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { dateTextAgrees } from '../../src/rules/date-text-agrees.js';
import { runRules } from '../../src/rules/index.js';
import { createProjectIndex } from '../../src/tei/project-index.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import { elements, attr, textContent } from '../../src/core/xml-tree.js';
import { repoRoot } from '../support/cli.js';
import { RECORD_ID, output } from '../support/edition.js';

const sourcePath = join(repoRoot, '..', 'shared', 'source', `${RECORD_ID}.txt`);
const fixturePath = join(repoRoot, 'test', 'fixtures', 'record-source-transcription', `${RECORD_ID}.txt`);
const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');
// The diplomatic text marks the inferred page breaks " [p. 2] " where they fall (docs/editorial-decisions.md §2).
// They are the edition's markers, not words of the transcription: the comparison leaves out exactly these
// (a space, "[p. ", a whole number, "] ") and nothing else.
const PAGE_MARKER = / \[p\. (\d+)\] /g;
const withoutPageMarkers = (s: string) => s.replace(PAGE_MARKER, ' ');

const haveSharedSource = existsSync(sourcePath);

describe('the encoding is faithful to the source transcription', () => {
  it.skipIf(!haveSharedSource)(
    `the fixture copy of the transcription is the shared source, unchanged${haveSharedSource ? '' : ` — SKIPPED: no ${sourcePath} beside this checkout; the fixture copy stands alone`}`,
    () => {
      expect(readFileSync(fixturePath, 'utf8')).toBe(readFileSync(sourcePath, 'utf8'));
    },
  );

  it('the diplomatic text equals the transcription word for word', async () => {
    const source = words(readFileSync(fixturePath, 'utf8'));
    const diplomatic = words(withoutPageMarkers(await output(`text/${RECORD_ID}.diplomatic.txt`)));
    // Compare as lines so a difference shows where it is.
    expect(diplomatic.join('\n')).toBe(source.join('\n'));
    expect(source.length).toBeGreaterThan(2000);
  });

  it('the diplomatic text marks the four page breaks where they fall, and nowhere else', async () => {
    const diplomatic = await output(`text/${RECORD_ID}.diplomatic.txt`);
    expect([...diplomatic.matchAll(PAGE_MARKER)].map((m) => m[1])).toEqual(['2', '3', '4', '5']);
    for (const at of [
      'did not [p. 2] find',
      'reduction of [p. 3] the levels',
      'systems of [p. 4] weapons',
      'pretence [p. 5] is used',
    ])
      expect(diplomatic).toContain(at);
    // No other bracketed marker slips through the comparison.
    expect(withoutPageMarkers(diplomatic)).not.toMatch(/\[p\./);
  });

  it('the reading text joins the pages', async () => {
    expect(await output(`text/${RECORD_ID}.txt`)).not.toMatch(/\[p\. \d+\]/);
  });

  it('the reading text applies every correction and keeps every other word', async () => {
    const reading = await output(`text/${RECORD_ID}.txt`);
    for (const corrected of ['not only in words but also in fact', 'we will not allow', 'I want to say'])
      expect(reading).toContain(corrected);
    for (const sic of ['in words by also', 'will-not allow', 'I will to say', 'and is which'])
      expect(reading).not.toContain(sic);
  });
});

describe('every date of the record says what its @when says', () => {
  const text = readFileSync(join(repoRoot, 'tei', `${RECORD_ID}.xml`), 'utf8');
  const doc = new SourceDocument(join(repoRoot, 'tei', `${RECORD_ID}.xml`), `tei/${RECORD_ID}.xml`, text);
  const tree = parseXml(doc)!;

  it('tei/date-text-agrees finds nothing, not even text it cannot read', () => {
    runRules(
      doc,
      tree,
      createProjectIndex('tei', () => null),
      [dateTextAgrees],
    );
    expect(doc.diagnostics).toEqual([]);
  });

  it('the dates the issue names are all there, with their ISO values', () => {
    const dates = [...elements(tree.root, 'date')].map(
      (d) => `${attr(d, 'when')} ${textContent(d).replace(/\s+/g, ' ').trim()}`,
    );
    for (const expected of [
      '1994-03-30 03.30.94',
      '1977-05-13 May 13, 1977',
      '1977-05-19 05.19.1977',
      '1977-02-26 February 26, 1977',
      '1977-02-25 February 25, 1977',
      '1977-02-14 February 14 of this year',
      '1976-01 January of last year',
    ])
      expect(dates).toContain(expected);
    expect(dates.filter((d) => d === '1977-02-25 February 25, 1977').length).toBeGreaterThanOrEqual(2);
  });
});
