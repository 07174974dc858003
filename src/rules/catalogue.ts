import type { Severity } from '../core/diagnostic.js';
import { rules } from './index.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  docs: string;
}

/** Rules that live outside src/rules/: the XML, schema and Schematron layers. */
const LAYER_RULES: RuleInfo[] = [
  {
    id: 'config/invalid',
    severity: 'error',
    docs: 'tei-pipeline.config.json is JSON that its JSON Schema accepts: known keys, right values, known rule ids, files that exist.',
  },
  { id: 'io/not-found', severity: 'error', docs: 'A path named on the command line exists.' },
  { id: 'io/no-documents', severity: 'error', docs: 'A folder named on the command line holds XML files.' },
  { id: 'io/unreadable', severity: 'error', docs: 'A file can be read.' },
  { id: 'xml/empty', severity: 'error', docs: 'A file is not empty.' },
  { id: 'xml/too-large', severity: 'error', docs: 'A document is at most 32 MiB, so memory stays bounded.' },
  { id: 'xml/binary', severity: 'error', docs: 'A file is text, not binary (no NUL bytes).' },
  {
    id: 'xml/encoding',
    severity: 'error',
    docs: 'A file decodes as the encoding it is in (UTF-8, UTF-16 with a byte-order mark, or a declared ISO-8859-1): no invalid byte sequences, no other declared encoding.',
  },
  {
    id: 'xml/not-well-formed',
    severity: 'error',
    docs: 'A file is well-formed XML 1.0 with namespaces (undeclared entities, control characters, stray text and second roots included); reported if and only if it is not.',
  },
  {
    id: 'xml/too-deep',
    severity: 'error',
    docs: 'Elements nest at most 256 deep (the schema layer and the stylesheets go no deeper); parsing stops there.',
  },
  {
    id: 'xml/entity-limit',
    severity: 'error',
    docs: 'Internal entities expand within 8 levels and 1 MiB each: an entity bomb is refused at once.',
  },
  {
    id: 'xml/entity-markup',
    severity: 'warning',
    docs: 'An internal entity whose replacement text holds markup is read as characters, not as elements.',
  },
  {
    id: 'policy/encoding',
    severity: 'warning',
    docs: "The edition's files are UTF-8 without byte-order mark: another encoding (UTF-16, ISO-8859-1) is decoded and said.",
  },
  {
    id: 'policy/external-dtd',
    severity: 'warning',
    docs: 'An external DTD is never fetched: said with its URI, and the rest of the document is checked.',
  },
  {
    id: 'policy/external-entity',
    severity: 'warning',
    docs: 'An external entity is never fetched (said with its URI; references to it are left out); an entity that only an unread DTD could declare is said, not called malformed.',
  },
  { id: 'tei/root', severity: 'error', docs: 'The root element is <TEI> or <teiCorpus>.' },
  { id: 'tei/namespace', severity: 'error', docs: 'The root element is in the TEI namespace.' },
  {
    id: 'tei/file-named-by-id',
    severity: 'error',
    docs: 'The root has an xml:id equal to the file name (outputs are named after it).',
  },
  {
    id: 'schema/tei-project',
    severity: 'error',
    docs: "A document is valid against the project RELAX NG schema, tei/schema/tei-project.rng (each schema's rule id is schema/<its file stem>).",
  },
  {
    id: 'schematron/tei_all',
    severity: 'error',
    docs: 'With --schema tei_all.rng: the Schematron constraints the official schema carries (TEI\'s own, e.g. on pointers and attribute co-occurrence), extracted and run with it; role="nonfatal" ones are warnings.',
  },
  {
    id: 'schema/tei_all',
    severity: 'error',
    docs: 'With --schema tei_all.rng: a document is valid against the official TEI P5 schema.',
  },
  { id: 'tei/stamp-typed', severity: 'error', docs: 'A <stamp> has @type from the documented list (Schematron).' },
  {
    id: 'tei/pb-sequence',
    severity: 'error',
    docs: 'Page breaks in the text carry whole numbers that go up by one (Schematron).',
  },
  {
    id: 'tei/choice-pairs',
    severity: 'error',
    docs: 'A <choice> pairs sic with corr, orig with reg, or abbr with expan (Schematron).',
  },
  {
    id: 'tei/header-complete',
    severity: 'error',
    docs: 'The header has a title, a licence with @target, a sourceDesc and a dated revisionDesc (Schematron).',
  },
  {
    id: 'transform/failed',
    severity: 'error',
    docs: 'A stylesheet ran to the end on the document (dynamic errors and xsl:message terminate are reported here).',
  },
  {
    id: 'transform/stylesheet',
    severity: 'error',
    docs: 'A stylesheet the configuration names ("stylesheets") compiles, and everything it imports is there; the finding stands at the fault in the edition\'s stylesheet, and every output keeps its last version.',
  },
  {
    id: 'build/stale',
    severity: 'error',
    docs: '`check`: a committed output under out/ is what a fresh build produces.',
  },
  {
    id: 'build/leftover',
    severity: 'error',
    docs: '`check`: no temporary file or half-written bag of an interrupted run is left under out/ or .cache/ (the next build or deposit removes them).',
  },
  {
    id: 'deposit/header',
    severity: 'error',
    docs: '`deposit`: the header has what the deposit metadata need: a title, an editor or respStmt, a publisher, a licence with a known @target, a change with a full @when.',
  },
  {
    id: 'deposit/unknown-id',
    severity: 'error',
    docs: '`deposit`: each id named is a document of tei/ (registers go into every bag).',
  },
  {
    id: 'deposit/cmif-url',
    severity: 'warning',
    docs: "`deposit`: a document with a letter is described for correspSearch only when the edition's public URL (baseUrl) is configured: CMIF must give its own URL; without it metadata/cmif.xml is left out.",
  },
  {
    id: 'deposit/no-doi',
    severity: 'info',
    docs: '`deposit`: metadata/datacite.xml is written once the header has the DOI the archive minted (DataCite 4.5 requires one); before that the archive makes the DataCite record.',
  },
  {
    id: 'deposit/payload',
    severity: 'error',
    docs: "`deposit`: the build made every output the document's HTML page links to.",
  },
  {
    id: 'deposit/not-a-bag',
    severity: 'error',
    docs: '`deposit --verify`: the path is a bag (bagit.txt with BagIt-Version) or a readable zip of one.',
  },
  {
    id: 'deposit/manifest',
    severity: 'error',
    docs: '`deposit --verify`: the bag has a payload manifest, and every manifest line is "checksum path" for a known algorithm, each path once, in the right manifest.',
  },
  {
    id: 'deposit/unsafe-path',
    severity: 'error',
    docs: '`deposit --verify`: no zip entry or manifest path is absolute, has a ".." segment or a backslash, or comes twice.',
  },
  {
    id: 'deposit/missing',
    severity: 'error',
    docs: '`deposit --verify`: every file a manifest or tag manifest lists is in the bag.',
  },
  {
    id: 'deposit/changed',
    severity: 'error',
    docs: '`deposit --verify`: every listed file has the checksum its manifest gives.',
  },
  {
    id: 'deposit/extra',
    severity: 'error',
    docs: '`deposit --verify`: every file under data/ is listed in every payload manifest.',
  },
  {
    id: 'deposit/oxum',
    severity: 'error',
    docs: '`deposit --verify`: Payload-Oxum in bag-info.txt gives the size and number of the files under data/.',
  },
  {
    id: 'internal/rule-failed',
    severity: 'error',
    docs: 'A rule failed inside; the message names it (a bug to report).',
  },
];

/** Every rule id the pipeline can report, with its one-line documentation. */
export function ruleCatalogue(): RuleInfo[] {
  return [...LAYER_RULES, ...rules.map((r) => ({ id: r.id, severity: r.severity, docs: r.docs }))];
}
