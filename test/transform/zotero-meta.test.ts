import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { buildEdition } from '../../src/pipeline/build.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { repoRoot } from '../support/cli.js';
import { output, RECORD_ID } from '../support/edition.js';

/** The <meta name content> pairs of a page's head, in order. */
function metaTags(html: string): [string, string][] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)].map((m) => [
    m[1]!,
    m[2]!.replace(/&amp;/g, '&'),
  ]);
}

/**
 * What Zotero's "Embedded Metadata" translator (zotero/translators, with the RDF translator it hands
 * DC.* and z.* tags to) makes of a page, for the rules this edition relies on:
 * - the item type: z.itemType first (RDF detectType: t.zotero wins over dc, og and the Highwire guess);
 *   otherwise citation_journal_title makes a journal article, and citation_title alone guesses one;
 * - citation_title, citation_date, citation_language, citation_abstract, citation_doi, citation_public_url
 *   map to title, date, language, abstractNote, DOI, url (HIGHWIRE_MAPPINGS);
 * - citation_author "Family, Given" is one person, last name first (split on ";", then cleanAuthor);
 * - DC.source becomes publicationTitle (the "journal"), so it must not be there;
 * - any other z.<field> fills the item's field of that name (RDF importItem, "OTHER FIELDS").
 */
function zoteroItem(tags: [string, string][]): Record<string, unknown> {
  const first = (name: string) => tags.find(([n]) => n === name)?.[1];
  const highwire: Record<string, string> = {
    citation_title: 'title',
    citation_date: 'date',
    citation_language: 'language',
    citation_abstract: 'abstractNote',
    citation_doi: 'DOI',
    citation_public_url: 'url',
    citation_publisher: 'publisher',
    citation_journal_title: 'publicationTitle',
  };
  const item: Record<string, unknown> = {};
  item['itemType'] =
    first('z.itemType') ?? (first('citation_journal_title') || first('citation_title') ? 'journalArticle' : 'webpage');
  for (const [tag, field] of Object.entries(highwire)) if (first(tag)) item[field] = first(tag);
  if (first('DC.source')) item['publicationTitle'] ??= first('DC.source');
  item['creators'] = tags
    .filter(([n]) => n === 'citation_author')
    .map(([, v]) => {
      const [lastName, firstName] = v.split(/\s*,\s*/);
      return { lastName, firstName, creatorType: 'author' };
    });
  for (const [n, v] of tags) if (n.startsWith('z.') && n !== 'z.itemType') item[n.slice(2)] = v;
  return item;
}

describe('metadata for Zotero (Embedded Metadata translator)', () => {
  it("the record's page is saved as a manuscript by Dobrynin, 13 May 1977, with its place in the archive; no journal", async () => {
    const tags = metaTags(await output(`html/${RECORD_ID}.html`));
    const names = tags.map(([n]) => n);
    expect(names).not.toContain('citation_journal_title');
    expect(names).not.toContain('DC.source');
    expect(zoteroItem(tags)).toMatchObject({
      itemType: 'manuscript',
      title: 'Record of the Conversation with the USA Secretary of State C. Vance, February 26, 1977',
      creators: [{ lastName: 'Dobrynin', firstName: 'Anatoly Fyodorovich', creatorType: 'author' }],
      date: '1977/05/13',
      language: 'en',
      manuscriptType: 'Record of conversation',
      archiveLocation: 'Journal of A. F. Dobrynin, outgoing No. 405, copy No. 1',
    });
    // No public URL is configured for this edition: none is made up (Zotero then takes the page's own address).
    expect(names).not.toContain('citation_public_url');
  });

  it("with the edition's base URL configured, the page and the citations name the public URL and the edition", async () => {
    const project = openProject(repoRoot);
    project.edition = { baseUrl: 'https://edition.example.org/dv/', title: 'Soviet–American Correspondence, 1977' };
    const built = await buildEdition(project, new WarmTools(project), { force: true, only: [RECORD_ID], jobs: 1 });
    const html = built.outputs.get(`html/${RECORD_ID}.html`) as string;
    const item = zoteroItem(metaTags(html));
    // The page's own "Cite this document" ends with the page's public address.
    expect(/<p class="citation">([^<]*)<\/p>/.exec(html)![1]).toMatch(
      new RegExp(`, ${RECORD_ID}\\. https://edition\\.example\\.org/dv/${RECORD_ID}\\.html\\.$`),
    );
    expect(item).toMatchObject({ itemType: 'manuscript', url: `https://edition.example.org/dv/${RECORD_ID}.html` });
    const csl = JSON.parse(built.outputs.get(`cite/${RECORD_ID}.csl.json`) as string) as Record<string, unknown>[];
    for (const entry of csl) {
      expect(entry).toMatchObject({
        URL: `https://edition.example.org/dv/${RECORD_ID}.html`,
        'container-title': 'Soviet–American Correspondence, 1977',
        archive_location: 'Journal of A. F. Dobrynin, outgoing No. 405, copy No. 1',
      });
      expect(entry).not.toHaveProperty('accessed');
    }
  });
});
