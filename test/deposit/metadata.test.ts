import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { depositMetadata, depositStylesheet } from '../../src/deposit/metadata.js';
import { SourceDocument } from '../../src/core/document.js';
import type { EditionFacts } from '../../src/core/edition-facts.js';
import { openProject } from '../../src/core/project.js';
import { compileStylesheet } from '../../src/transform/compile-stylesheet.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import { repoRoot } from '../support/cli.js';
import { depositedRecord, recordText, RECORD_ID, xml } from './support.js';

// Controlled lists, written out from the sources so that the test checks against them, not against
// what the stylesheets happen to write.
// Zenodo deposition metadata (developers.zenodo.org, "Deposit metadata").
const ZENODO_KEYS = [
  'upload_type',
  'publication_type',
  'image_type',
  'publication_date',
  'title',
  'creators',
  'description',
  'access_right',
  'license',
  'embargo_date',
  'access_conditions',
  'doi',
  'prereserve_doi',
  'keywords',
  'notes',
  'related_identifiers',
  'contributors',
  'references',
  'communities',
  'grants',
  'journal_title',
  'journal_volume',
  'journal_issue',
  'journal_pages',
  'conference_title',
  'conference_acronym',
  'conference_dates',
  'conference_place',
  'conference_url',
  'conference_session',
  'conference_session_part',
  'imprint_publisher',
  'imprint_isbn',
  'imprint_place',
  'partof_title',
  'partof_pages',
  'thesis_supervisors',
  'thesis_university',
  'subjects',
  'version',
  'language',
  'locations',
  'dates',
  'method',
];
const UPLOAD_TYPES = [
  'publication',
  'poster',
  'presentation',
  'dataset',
  'image',
  'video',
  'software',
  'lesson',
  'physicalobject',
  'other',
];
const PUBLICATION_TYPES = [
  'annotationcollection',
  'book',
  'section',
  'conferencepaper',
  'datamanagementplan',
  'article',
  'patent',
  'preprint',
  'deliverable',
  'milestone',
  'proposal',
  'report',
  'softwaredocumentation',
  'taxonomictreatment',
  'technicalnote',
  'thesis',
  'workingpaper',
  'other',
];
const ACCESS_RIGHTS = ['open', 'embargoed', 'restricted', 'closed'];
const ZENODO_RELATIONS = [
  'isCitedBy',
  'cites',
  'isSupplementTo',
  'isSupplementedBy',
  'isContinuedBy',
  'continues',
  'isDescribedBy',
  'describes',
  'hasMetadata',
  'isMetadataFor',
  'isNewVersionOf',
  'isPreviousVersionOf',
  'isPartOf',
  'hasPart',
  'isReferencedBy',
  'references',
  'isDocumentedBy',
  'documents',
  'isCompiledBy',
  'compiles',
  'isVariantFormOf',
  'isOriginalFormof',
  'isIdenticalTo',
  'isAlternateIdentifier',
  'isReviewedBy',
  'reviews',
  'isDerivedFrom',
  'isSourceOf',
  'requires',
  'isRequiredBy',
  'isObsoletedBy',
  'obsoletes',
];
// Zenodo's date types: its deposit API documentation lists Collected, Valid and Withdrawn only.
const ZENODO_DATE_TYPES = ['Collected', 'Valid', 'Withdrawn'];
// DataCite Metadata Schema 4.5 (datacite/schema, source/meta/kernel-4.5/include/datacite-dateType-v4.xsd and
// the other include/ files; metadata.xsd for the structure): the rules relied on, written out.
const DATE_TYPES = [
  'Accepted',
  'Available',
  'Copyrighted',
  'Collected',
  'Coverage',
  'Created',
  'Issued',
  'Submitted',
  'Updated',
  'Valid',
  'Withdrawn',
  'Other',
];
const RESOURCE_TYPES = [
  'Audiovisual',
  'Book',
  'BookChapter',
  'Collection',
  'ComputationalNotebook',
  'ConferencePaper',
  'ConferenceProceeding',
  'DataPaper',
  'Dataset',
  'Dissertation',
  'Event',
  'Image',
  'Instrument',
  'InteractiveResource',
  'Journal',
  'JournalArticle',
  'Model',
  'OutputManagementPlan',
  'PeerReview',
  'PhysicalObject',
  'Preprint',
  'Report',
  'Service',
  'Software',
  'Sound',
  'Standard',
  'StudyRegistration',
  'Text',
  'Workflow',
  'Other',
];
const NAME_TYPES = ['Organizational', 'Personal'];
const TITLE_TYPES = ['AlternativeTitle', 'Subtitle', 'TranslatedTitle', 'Other'];
const DESCRIPTION_TYPES = ['Abstract', 'Methods', 'SeriesInformation', 'TableOfContents', 'TechnicalInfo', 'Other'];
const RELATION_TYPES = [
  'IsCitedBy',
  'Cites',
  'IsSupplementTo',
  'IsSupplementedBy',
  'IsContinuedBy',
  'Continues',
  'IsNewVersionOf',
  'IsPreviousVersionOf',
  'IsPartOf',
  'HasPart',
  'IsPublishedIn',
  'IsReferencedBy',
  'References',
  'IsDocumentedBy',
  'Documents',
  'IsCompiledBy',
  'Compiles',
  'IsVariantFormOf',
  'IsOriginalFormOf',
  'IsIdenticalTo',
  'HasMetadata',
  'IsMetadataFor',
  'Reviews',
  'IsReviewedBy',
  'IsDerivedFrom',
  'IsSourceOf',
  'Describes',
  'IsDescribedBy',
  'HasVersion',
  'IsVersionOf',
  'Requires',
  'IsRequiredBy',
  'Obsoletes',
  'IsObsoletedBy',
  'Collects',
  'IsCollectedBy',
];
const RELATED_IDENTIFIER_TYPES = [
  'ARK',
  'arXiv',
  'bibcode',
  'DOI',
  'EAN13',
  'EISSN',
  'Handle',
  'IGSN',
  'ISBN',
  'ISSN',
  'ISTC',
  'LISSN',
  'LSID',
  'PMID',
  'PURL',
  'UPC',
  'URL',
  'URN',
  'w3id',
];
const DATACITE_ELEMENTS = [
  'resource',
  'identifier',
  'creators',
  'creator',
  'creatorName',
  'givenName',
  'familyName',
  'nameIdentifier',
  'affiliation',
  'titles',
  'title',
  'publisher',
  'publicationYear',
  'resourceType',
  'subjects',
  'subject',
  'contributors',
  'contributor',
  'contributorName',
  'dates',
  'date',
  'language',
  'alternateIdentifiers',
  'alternateIdentifier',
  'relatedIdentifiers',
  'relatedIdentifier',
  'sizes',
  'size',
  'formats',
  'format',
  'version',
  'rightsList',
  'rights',
  'descriptions',
  'description',
  'geoLocations',
  'geoLocation',
  'fundingReferences',
  'fundingReference',
  'relatedItems',
  'relatedItem',
  'relatedItemIdentifier',
  'number',
  'volume',
  'issue',
  'firstPage',
  'lastPage',
  'edition',
];
// Simple Dublin Core (DCMES 1.1), the elements oai_dc allows.
const DC_ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
];
// W3CDTF, as DataCite asks for dates: YYYY, YYYY-MM, YYYY-MM-DD, or with a time.
const W3CDTF = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

interface Zenodo {
  metadata: Record<string, unknown> & {
    creators: { name: string; affiliation?: string }[];
    dates?: { type: string; start?: string; end?: string; description?: string }[];
    related_identifiers?: { identifier: string; relation: string }[];
    keywords?: string[];
  };
}

let bag: string;
const read = (path: string) => readFileSync(join(bag, path), 'utf8');
const header = (pattern: RegExp) => pattern.exec(recordText)![1]!;
/** The deposit stylesheet run directly (no bag) on the record once it has a DOI, with the edition's facts. */
let withDoi: Map<string, string>;
const DOI = '10.5281/zenodo.1234567';

async function metadataOf(
  text: string,
  edition: EditionFacts = {},
): Promise<{ missing: string[]; files: Map<string, string>; skipped: string[] }> {
  const project = openProject(repoRoot);
  const doc = new SourceDocument(join(repoRoot, 'tei', `${RECORD_ID}.xml`), `tei/${RECORD_ID}.xml`, text);
  doc.saxonDoc = await parseForSaxon(text, doc.path);
  return depositMetadata(
    await compileStylesheet(depositStylesheet(project), project.cacheDir),
    doc,
    {},
    [],
    'test',
    edition,
  );
}

beforeAll(async () => {
  const deposited = await depositedRecord();
  expect(deposited.result.code).toBe(0);
  bag = deposited.bag;
  const run = await metadataOf(
    recordText.replace('<idno type="local">', `<idno type="DOI">${DOI}</idno>\n        <idno type="local">`),
    {
      publisher: { name: 'Example University Library', type: 'Organizational' },
      editors: [{ name: 'Doe, Jane', orcid: 'https://orcid.org/0000-0002-1825-0097' }],
    },
  );
  expect(run.missing).toEqual([]);
  withDoi = run.files;
});

/** Every string in a JSON value, with where it is, and every empty array or object or null. */
function emptyValues(value: unknown, at = '$'): string[] {
  if (value === null || value === '') return [at];
  if (typeof value === 'string') return value.trim() === value && value !== '' ? [] : [at];
  if (Array.isArray(value)) return value.length === 0 ? [at] : value.flatMap((v, i) => emptyValues(v, `${at}[${i}]`));
  if (typeof value === 'object') {
    const entries = Object.entries(value as object);
    return entries.length === 0 ? [at] : entries.flatMap(([k, v]) => emptyValues(v, `${at}.${k}`));
  }
  return [];
}

describe('deposit metadata', () => {
  it('zenodo.json is a Zenodo deposition: required fields, controlled values, no empty values', () => {
    const text = read('metadata/zenodo.json');
    const z = JSON.parse(text) as Zenodo;
    expect(Object.keys(z)).toEqual(['metadata']);
    const m = z.metadata;
    for (const key of Object.keys(m)) expect(ZENODO_KEYS, key).toContain(key);
    for (const key of ['upload_type', 'title', 'creators', 'description', 'publication_date', 'access_right'])
      expect(m, key).toHaveProperty(key);
    expect(UPLOAD_TYPES).toContain(m['upload_type']);
    if (m['upload_type'] === 'publication') expect(PUBLICATION_TYPES).toContain(m['publication_type']);
    expect(ACCESS_RIGHTS).toContain(m['access_right']);
    if (m['access_right'] === 'open' || m['access_right'] === 'embargoed')
      expect(m['license']).toMatch(/^[a-z0-9][a-z0-9.+-]*$/);
    expect(isDay(String(m['publication_date']))).toBe(true);
    expect(m.creators.length).toBeGreaterThan(0);
    for (const c of m.creators) {
      expect(Object.keys(c).every((k) => ['name', 'affiliation', 'orcid', 'gnd'].includes(k))).toBe(true);
      expect(c.name).toMatch(/\S/);
    }
    for (const d of m.dates ?? []) {
      expect(ZENODO_DATE_TYPES).toContain(d.type);
      // Zenodo keeps only intervals with both ends; an exact day has start = end.
      expect(isDay(d.start!) && isDay(d.end!), JSON.stringify(d)).toBe(true);
      expect(d.start! <= d.end!).toBe(true);
      expect(d.description).toMatch(/\S/);
    }
    for (const r of m.related_identifiers ?? []) expect(ZENODO_RELATIONS).toContain(r.relation);
    expect(m['language']).toMatch(/^[a-z]{3}$/);
    expect(emptyValues(z)).toEqual([]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('zenodo.json says what the header says, and invents nothing', () => {
    const m = (JSON.parse(read('metadata/zenodo.json')) as Zenodo).metadata;
    expect(m['title']).toBe(header(/<title type="main">([^<]+)<\/title>/));
    expect(m.creators).toEqual([{ name: 'Edition team' }]); // the respStmt's name; nobody else
    expect(m['license']).toBe('cc-by-4.0'); // licence/@target https://creativecommons.org/licenses/by/4.0/
    expect(m['publication_date']).toBe('2026-11-30'); // the latest change/@when
    expect(m['language']).toBe('eng');
    expect(m.keywords).toContain('Strategic arms limitation (SALT II)');
    // None of Zenodo's date types is the date of a historical source: the dates are in the notes.
    expect(m).not.toHaveProperty('dates');
    expect(String(m['notes'])).toContain('the licence above does not extend to the translation');
    expect(String(m['notes'])).toContain(
      'The source document was written on 1977-05-13. The event it records took place on 1977-02-26.',
    );
    // No DOI or related identifier exists in the header: none is made up.
    expect(m).not.toHaveProperty('doi');
    expect(m).not.toHaveProperty('related_identifiers');
  });

  it('datacite.xml is written only with a DOI: DataCite 4.5 requires the identifier (minLength 1)', () => {
    expect(existsSync(join(bag, 'metadata', 'datacite.xml'))).toBe(false);
    expect(withDoi.has('datacite.xml')).toBe(true);
  });

  it('datacite.xml has the six mandatory DataCite 4.5 properties with controlled values', async () => {
    const d = await xml(withDoi.get('datacite.xml')!);
    expect(d.strings('/dcite:resource/@xsi:schemaLocation')).toEqual([
      'http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4.5/metadata.xsd',
    ]);
    // Identifier: the DOI, non-empty (metadata.xsd: nonemptycontentStringType), identifierType DOI.
    expect(d.strings('/dcite:resource/dcite:identifier/@identifierType')).toEqual(['DOI']);
    expect(d.strings('/dcite:resource/dcite:identifier')).toEqual([DOI]);
    // Creator: the configured editors, a person with given and family names and an ORCID iD.
    expect(d.count('/dcite:resource/dcite:creators/dcite:creator')).toBeGreaterThan(0);
    for (const t of d.strings('//dcite:creatorName/@nameType')) expect(NAME_TYPES).toContain(t);
    expect(d.count("//dcite:creatorName[normalize-space() = '']")).toBe(0);
    expect(d.count("//dcite:creator[dcite:creatorName/@nameType = 'Personal'][not(dcite:familyName)]")).toBe(0);
    expect(
      d.strings(
        '/dcite:resource/dcite:creators/dcite:creator/(dcite:creatorName, dcite:givenName, dcite:familyName, dcite:nameIdentifier/@nameIdentifierScheme, dcite:nameIdentifier)',
      ),
    ).toEqual(['Doe, Jane', 'Jane', 'Doe', 'https://orcid.org/0000-0002-1825-0097', 'ORCID']);
    // Title, Publisher, PublicationYear, ResourceType
    expect(d.strings('/dcite:resource/dcite:titles/dcite:title[not(@titleType)]')).toEqual([
      header(/<title type="main">([^<]+)<\/title>/),
    ]);
    for (const t of d.strings('//dcite:title/@titleType')) expect(TITLE_TYPES).toContain(t);
    expect(d.strings('/dcite:resource/dcite:publisher')).toEqual(['Example University Library']);
    expect(d.strings('/dcite:resource/dcite:publicationYear')).toEqual(['2026']);
    expect(d.strings('/dcite:resource/dcite:resourceType/@resourceTypeGeneral')).toEqual(['Text']);
    expect(RESOURCE_TYPES).toContain('Text');
    expect(d.strings('/dcite:resource/dcite:resourceType')).toEqual(['TEI edition']);
  });

  it("datacite.xml's optional properties keep DataCite's rules: dates in W3CDTF, known types, nothing empty, no unknown element", async () => {
    const d = await xml(withDoi.get('datacite.xml')!);
    for (const name of d.strings('//*/local-name()')) expect(DATACITE_ELEMENTS, name).toContain(name);
    expect(d.count("//*[namespace-uri() != 'http://datacite.org/schema/kernel-4']")).toBe(0);
    expect(d.count("//*[not(*)][normalize-space() = '']")).toBe(0);
    expect(d.count("//@*[normalize-space() = '']")).toBe(0);
    const dates = d.strings('//dcite:dates/dcite:date');
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(W3CDTF);
    for (const t of d.strings('//dcite:date/@dateType')) expect(DATE_TYPES).toContain(t);
    expect(d.count('//dcite:date[not(@dateInformation)]')).toBe(0);
    // Created and Issued are this resource's dates (the edition's revisions); the source's are Other.
    expect(d.strings("//dcite:date/concat(@dateType, ' ', .)")).toEqual([
      'Created 2026-11-28',
      'Issued 2026-11-30',
      'Other 1977-05-13',
      'Other 1977-02-26',
    ]);
    for (const t of d.strings('//dcite:description/@descriptionType')) expect(DESCRIPTION_TYPES).toContain(t);
    for (const t of d.strings('//@relationType')) expect(RELATION_TYPES).toContain(t);
    for (const t of d.strings('//@relatedIdentifierType')) expect(RELATED_IDENTIFIER_TYPES).toContain(t);
    for (const t of d.strings('//dcite:relatedItem/@relatedItemType')) expect(RESOURCE_TYPES).toContain(t);
    expect(d.strings('/dcite:resource/dcite:language')).toEqual(['en']);
    expect(d.strings('//dcite:rights[@rightsURI]/@rightsURI')).toEqual([
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
    expect(d.strings('//dcite:rights[@rightsURI]/@rightsIdentifier')).toEqual(['CC-BY-4.0']);
    // The source document's author is the related item's creator, not the edition's.
    expect(d.strings("//dcite:relatedItem[@relationType = 'IsDerivedFrom']//dcite:familyName")).toEqual(['Dobrynin']);
    expect(d.count('//dcite:relatedIdentifier')).toBe(0);
  });

  it('oai_dc.xml is simple Dublin Core in the oai_dc wrapper with the elements archives harvest', async () => {
    const d = await xml(read('metadata/oai_dc.xml'));
    expect(d.count('/oai_dc:dc')).toBe(1);
    for (const name of [
      'title',
      'creator',
      'date',
      'type',
      'format',
      'identifier',
      'language',
      'rights',
      'description',
      'subject',
    ]) {
      expect(d.count(`/oai_dc:dc/dc:${name}[normalize-space()]`), name).toBeGreaterThan(0);
    }
    expect(d.count("/oai_dc:dc/*[namespace-uri() != 'http://purl.org/dc/elements/1.1/']")).toBe(0);
    // The rules of OAI-PMH 2.0's oai_dc.xsd (and simpledc20021212.xsd it imports): the root oai_dc:dc with its
    // schemaLocation; children only the fifteen elements of simple Dublin Core, in any order and number,
    // each text only, with no attribute but xml:lang.
    expect(d.strings('/oai_dc:dc/@xsi:schemaLocation')).toEqual([
      'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    ]);
    for (const name of d.strings('/oai_dc:dc/*/local-name()')) expect(DC_ELEMENTS, name).toContain(name);
    expect(d.count('/oai_dc:dc/*/*')).toBe(0);
    expect(d.count("/oai_dc:dc/*/@*[not(name() = 'xml:lang')]")).toBe(0);
    expect(d.strings('/oai_dc:dc/dc:identifier')).toEqual([RECORD_ID]);
    expect(d.strings('/oai_dc:dc/dc:type')).toEqual(['Text']);
    expect(d.strings('/oai_dc:dc/dc:date')).toEqual(['2026-11-30']);
  });

  it("without the edition's base URL no cmif.xml is written (CMIF requires the file's own URL); with it, the letter is described, no @ref invented", async () => {
    expect(existsSync(join(bag, 'metadata', 'cmif.xml'))).toBe(false);
    const run = await metadataOf(recordText, { baseUrl: 'https://edition.example.org/dv' });
    expect(run.skipped).toEqual(['datacite.xml']);
    const d = await xml(run.files.get('cmif.xml')!);
    expect(d.strings("//tei:publicationStmt/tei:idno[@type = 'url']")).toEqual([
      `https://edition.example.org/dv/cmif/${RECORD_ID}.xml`,
    ]);
    const bibl = d.strings('//tei:sourceDesc/tei:bibl/@xml:id');
    expect(bibl).toHaveLength(1);
    expect(bibl[0]).toMatch(/^uuid-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.strings('//tei:correspDesc/@source')).toEqual([`#${bibl[0]}`]);
    expect(d.strings("//tei:correspAction[@type = 'sent']/tei:persName")).toEqual(['Brezhnev, Leonid Ilyich']);
    expect(d.strings("//tei:correspAction[@type = 'sent']/tei:date/@when")).toEqual(['1977-02-25']);
    expect(d.strings("//tei:correspAction[@type = 'received']/tei:persName")).toEqual(['Carter, Jimmy']);
    // The record's letter was also "transmitted" (handed over by Dobrynin): CMIF knows sent and received only.
    expect(d.strings('//tei:correspAction/@type')).toEqual(['sent', 'received']);
    // The registers carry no authority identifiers: none is made up.
    expect(d.count('//@ref')).toBe(0);
    expect(d.strings('//tei:licence/@target')).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
  });

  it('data/README.txt tells the curators what each file is, how it was made, and the licence', () => {
    const readme = read('data/README.txt');
    expect(readme).toContain(header(/<title type="main">([^<]+)<\/title>/).slice(0, 40));
    expect(readme).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(readme).toContain('does not extend to the translation');
    for (const path of [
      `tei/${RECORD_ID}.xml`,
      'tei/register/persons.xml',
      'tei/schema/tei-project.rng',
      `html/${RECORD_ID}.html`,
      `text/${RECORD_ID}.txt`,
      `cite/${RECORD_ID}.bib`,
    ]) {
      expect(readme).toMatch(new RegExp(`^  ${path.replace(/\./g, '\\.')}\\n {6}\\S`, 'm'));
    }
    for (const line of readme.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('fills in the DOI everywhere once the header has one', async () => {
    const d = await xml(withDoi.get('datacite.xml')!);
    expect(d.strings('/dcite:resource/dcite:identifier')).toEqual([DOI]);
    const z = JSON.parse(withDoi.get('zenodo.json')!) as Zenodo;
    expect(z.metadata['doi']).toBe(DOI);
    const dc = await xml(withDoi.get('oai_dc.xml')!);
    expect(dc.strings('//dc:identifier')).toContain(`https://doi.org/${DOI}`);
  });

  it('writes related identifiers only from identifiers the sources carry (the mapping, run directly)', async () => {
    // The project schema has no idno or ref in a bibl, so this header is given to the stylesheet alone.
    const text = recordText.replace(
      '<title>dobrynin-vance-1977-02-26.txt</title>)',
      '<title>dobrynin-vance-1977-02-26.txt</title>, <idno type="DOI">https://doi.org/10.1234/example.5678</idno>, <ref target="https://example.org/sources/record.txt">online</ref>)',
    );
    const { missing, files } = await metadataOf(
      text.replace('<idno type="local">', `<idno type="DOI">${DOI}</idno>\n        <idno type="local">`),
    );
    expect(missing).toEqual([]);
    const z = JSON.parse(files.get('zenodo.json')!) as Zenodo;
    expect(z.metadata.related_identifiers).toEqual([
      { identifier: 'https://doi.org/10.1234/example.5678', relation: 'isDerivedFrom' },
      { identifier: 'https://example.org/sources/record.txt', relation: 'isDerivedFrom' },
    ]);
    const d = await xml(files.get('datacite.xml')!);
    expect(d.strings("//dcite:relatedIdentifier/concat(@relatedIdentifierType, ' ', @relationType, ' ', .)")).toEqual([
      'DOI IsDerivedFrom 10.1234/example.5678',
      'URL IsDerivedFrom https://example.org/sources/record.txt',
    ]);
  });
});
