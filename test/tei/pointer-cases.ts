/**
 * One table of pointer cases that both resolvers must agree on: the TypeScript one (src/tei/pointers.ts,
 * used by the rules and the build) and the XSLT one (xslt/common/pointers.xsl, used by the stylesheets).
 * Each pointer is made in tei/letters/letter.xml of a small edition (below); `target` is the element it
 * designates as "file#id", or null when it designates nothing in the edition (external, refused, absent).
 */
export const POINTER_DOC = 'tei/letters/letter.xml';

export const POINTER_EDITION: Record<string, string> = {
  [POINTER_DOC]: `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="letter"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
<encodingDesc><listPrefixDef>
<prefixDef ident="per" matchPattern="([a-z0-9\\-]+)" replacementPattern="../register/persons.xml#$1"/>
<prefixDef ident="bib" matchPattern="(\\w+)-(\\d+)" replacementPattern="../register/$1.xml#n$2"/>
<prefixDef ident="web" matchPattern="(.+)" replacementPattern="https://example.org/$1"/>
</listPrefixDef></encodingDesc></teiHeader>
<text><body><p xml:id="p1">One</p><p xml:id="p2">Two</p></body></text></TEI>`,
  'tei/register/persons.xml': `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="persons"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><listPerson><person xml:id="brezhnev"><persName>Brezhnev</persName></person><person xml:id="carter-j"><persName>Carter</persName></person></listPerson></body></text></TEI>`,
  'tei/register/books.xml': `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="books"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><listBibl><bibl xml:id="n12">A book</bibl></listBibl></body></text></TEI>`,
};

export const POINTER_CASES: [pointer: string, target: string | null][] = [
  ['#p1', `${POINTER_DOC}#p1`],
  ['#p2', `${POINTER_DOC}#p2`],
  ['per:brezhnev', 'tei/register/persons.xml#brezhnev'],
  ['per:carter-j', 'tei/register/persons.xml#carter-j'],
  ['../register/persons.xml#brezhnev', 'tei/register/persons.xml#brezhnev'],
  ['./../register/./persons.xml#brezhnev', 'tei/register/persons.xml#brezhnev'],
  ['../../tei/register/persons.xml#brezhnev', 'tei/register/persons.xml#brezhnev'],
  ['bib:books-12', 'tei/register/books.xml#n12'],
  ['web:x', null],
  ['https://history.state.gov/x', null],
  ['mailto:editor@example.org', null],
  ['javascript:alert(1)', null],
  ['file:///etc/passwd', null],
  ['pers:brezhnev', null],
  ['per:Brezhnev', null],
  ['../../../etc/passwd#x', null],
  ['/etc/passwd#x', null],
];
