/**
 * Builds the whole TEI documents that rules' examples are made of: a minimal header around a body.
 * The body starts on line 4 plus the lines of `afterFileDesc`, so examples can name where a finding points.
 */
export function exampleTei(body: string, options: { inTitleStmt?: string; afterFileDesc?: string } = {}): string {
  return `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="example">
<teiHeader><fileDesc><titleStmt><title>Example</title>${options.inTitleStmt ?? ''}</titleStmt><publicationStmt><p>Example</p></publicationStmt><sourceDesc><p>Example</p></sourceDesc></fileDesc>${options.afterFileDesc ?? ''}</teiHeader>
<text><body>
${body}
</body></text>
</TEI>
`;
}

/** The edition's register prefixes (docs/encoding-conventions.md), one declaration a line. */
export const LIST_PREFIX_DEF = `<listPrefixDef>
<prefixDef ident="per" matchPattern="([a-z0-9\\-]+)" replacementPattern="register/persons.xml#$1"/>
<prefixDef ident="pla" matchPattern="([a-z0-9\\-]+)" replacementPattern="register/places.xml#$1"/>
<prefixDef ident="org" matchPattern="([a-z0-9\\-]+)" replacementPattern="register/orgs.xml#$1"/>
</listPrefixDef>`;

/** Those prefixes as an encodingDesc on lines of their own, to go after fileDesc. */
export const PREFIX_DEFS = `
<encodingDesc>
${LIST_PREFIX_DEF}
</encodingDesc>
`;
