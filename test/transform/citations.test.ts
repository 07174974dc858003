import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { RECORD_ID, output } from '../support/edition.js';
import { haveSchemas, jsonSchema, noSchemas } from '../support/official-schemas.js';

interface Csl {
  id: string;
  type: string;
  title: string;
  author: { family: string; given: string }[];
  recipient?: { family: string; given: string }[];
  issued: { 'date-parts': number[][] };
  archive_location?: string;
}

const csl = async () => JSON.parse(await output(`cite/${RECORD_ID}.csl.json`)) as Csl[];

describe('citations', () => {
  it('CSL-JSON has the record (Dobrynin, 13 May 1977, conversation 26 Feb) and the letter (Brezhnev to Carter, 25 Feb 1977)', async () => {
    const [record, letter] = await csl();
    expect(record).toMatchObject({
      id: RECORD_ID,
      author: [{ family: 'Dobrynin' }],
      issued: { 'date-parts': [[1977, 5, 13]] },
      'event-date': { 'date-parts': [[1977, 2, 26]] },
    });
    expect(record!.archive_location).toMatch(/405/);
    expect(letter).toMatchObject({
      id: `${RECORD_ID}-letter`,
      author: [{ family: 'Brezhnev' }],
      recipient: [{ family: 'Carter' }],
      issued: { 'date-parts': [[1977, 2, 25]] },
    });
  });

  it('BibTeX parses back (citation-js) to the same authors, titles, year and month, and keeps the archive location', async () => {
    const fromBib = new Cite(await output(`cite/${RECORD_ID}.bib`)).data as (Csl & { publisher?: string })[];
    const expected = await csl();
    expect(fromBib.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    for (const [i, e] of expected.entries()) {
      expect(fromBib[i]!.title).toBe(e.title);
      expect(fromBib[i]!.author).toEqual(e.author);
      // BibTeX has a year and a month, no day.
      expect(fromBib[i]!.issued['date-parts'][0]).toEqual(e.issued['date-parts'][0]!.slice(0, 2));
      // howpublished, which citation-js reads as the publisher: where the source is.
      expect(fromBib[i]!.publisher).toContain(e.archive_location);
    }
  });

  it('BibTeX is plain: @misc entries with fields both BibTeX and biblatex know, a biblatex language name', async () => {
    const bib = await output(`cite/${RECORD_ID}.bib`);
    expect([...bib.matchAll(/^@(\w+)\{/gm)].map((m) => m[1])).toEqual(['misc', 'misc']);
    // plain.bst's @misc fields, and url and doi (natbib's and biblatex's styles read them; plain ignores them).
    const known = ['author', 'title', 'howpublished', 'month', 'year', 'note', 'key', 'url', 'doi', 'language'];
    for (const m of bib.matchAll(/^ {2}(\w+) = /gm)) expect(known, m[1]).toContain(m[1]);
    expect(bib).toContain('language = {english}');
    expect(bib).not.toMatch(/^\s*(date|eventdate|keywords|langid|urldate) = /m);
  });

  it('RIS parses back (citation-js) to the same authors, titles, dates and recipient', async () => {
    const fromRis = new Cite(await output(`cite/${RECORD_ID}.ris`), { forceType: '@ris/file' }).data as Csl[];
    const expected = await csl();
    expect(fromRis).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) {
      expect(fromRis[i]!.title).toBe(e.title);
      expect(fromRis[i]!.author.map((a) => [a.family, a.given])).toEqual(e.author.map((a) => [a.family, a.given]));
      expect(fromRis[i]!.issued['date-parts'][0]).toEqual(e.issued['date-parts'][0]);
    }
  });

  it('CITATION.cff is CFF 1.2.0 for a dataset, with licence and release date from the header', async () => {
    const cff = parseYaml(await output(`cite/${RECORD_ID}.cff`)) as Record<string, unknown>;
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      license: 'CC-BY-4.0',
      'date-released': '2026-11-30',
    });
    expect(cff['title']).toMatch(/Record of the Conversation/);
    expect(Array.isArray(cff['authors']) && (cff['authors'] as unknown[]).length).toBeGreaterThan(0);
    expect(typeof cff['message']).toBe('string');
  });

  it.skipIf(!haveSchemas)(
    `CSL-JSON is valid against the official CSL data schema, CITATION.cff against CFF 1.2.0${haveSchemas ? '' : ` — ${noSchemas}`}`,
    async () => {
      expect(jsonSchema('csl-data')(JSON.parse(await output(`cite/${RECORD_ID}.csl.json`)))).toEqual([]);
      expect(jsonSchema('cff')(parseYaml(await output(`cite/${RECORD_ID}.cff`)))).toEqual([]);
      // Neither validator is a rubber stamp.
      expect(jsonSchema('csl-data')([{ id: 'x', type: 'letter-to-the-editor' }]).length).toBeGreaterThan(0);
      expect(jsonSchema('cff')({ 'cff-version': '1.2.0', message: 'm', title: 't' }).length).toBeGreaterThan(0);
    },
  );
});
