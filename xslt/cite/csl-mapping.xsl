<?xml version="1.0" encoding="UTF-8"?>
<!--
  THE mapping from the TEI header to the citation formats: one declarative table, read
  by csl.xsl (CSL-JSON) and cff.xsl (CITATION.cff); BibTeX and RIS are derived from the
  CSL-JSON (bibtex.xsl, ris.xsl). Change what a citation says here, not in templates.

  Each row names a fact of ed:header-facts (xslt/common/header.xsl, which documents the
  XPath of every fact) or a literal value, and how to write it:
    @csl / @cff   the key written, in this order
    @fact         the fact; a row whose fact is empty is left out
    @value        a literal instead of a fact
    @as           string (default), names, date (CSL date-parts), date-text ("May 13, 1977"),
                  list (a JSON/YAML list of strings), spdx (a licence URI as SPDX id)
    @prefix @suffix   around a string; <part> children are concatenated, empty ones skipped
  An item with @requires is written only when that fact exists.
  It is inline (not a separate .xml file) so that it compiles into the SEF and never
  depends on where the stylesheet is run from.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:cite="urn:x-tei-pipeline:cite"
  exclude-result-prefixes="#all">

  <xsl:variable name="cite:mapping" as="element(cite:mapping)">
    <cite:mapping>
      <!-- The record itself. -->
      <cite:item key="record">
        <cite:field csl="id" fact="id"/>
        <cite:field csl="type" value="manuscript"/>
        <cite:field csl="title" fact="title"/>
        <cite:field csl="author" fact="authors" as="names"/>
        <cite:field csl="issued" fact="date-written" as="date"/>
        <cite:field csl="event-date" fact="date-event" as="date"/>
        <cite:field csl="genre" fact="genre"/>
        <cite:field csl="archive" fact="repository"/>
        <cite:field csl="archive-place" fact="archive-place"/>
        <cite:field csl="archive_location" fact="archive-location"/>
        <cite:field csl="language" fact="language"/>
        <cite:field csl="keyword" fact="keywords" as="list"/>
        <cite:field csl="abstract" fact="summary"/>
        <cite:field csl="note">
          <cite:part fact="date-event" as="date-text" prefix="Record of a conversation of " suffix="."/>
          <cite:part fact="other-identifiers" prefix=" Also: " suffix="."/>
        </cite:field>
      </cite:item>
      <!-- The letter quoted in it (floatingText[@type='letter']). -->
      <cite:item key="letter" requires="letter" id-suffix="-letter">
        <cite:field csl="id" fact="id" suffix="-letter"/>
        <cite:field csl="type" value="personal_communication"/>
        <cite:field csl="title" fact="letter-title"/>
        <cite:field csl="author" fact="letter-author" as="names"/>
        <cite:field csl="recipient" fact="letter-recipient" as="names"/>
        <cite:field csl="issued" fact="letter-date" as="date"/>
        <cite:field csl="genre" value="Letter"/>
        <cite:field csl="archive" fact="repository"/>
        <cite:field csl="archive_location" fact="archive-location"/>
        <cite:field csl="language" fact="language"/>
        <cite:field csl="note">
          <cite:part fact="title" prefix="Quoted in full in: " suffix="."/>
        </cite:field>
      </cite:item>
      <!-- CITATION.cff 1.2.0: the edition of the document as a dataset. -->
      <cite:cff>
        <cite:field cff="cff-version" value="1.2.0"/>
        <cite:field cff="message" value="If you use this edition, please cite it using these metadata."/>
        <cite:field cff="type" value="dataset"/>
        <cite:field cff="title" fact="title"/>
        <cite:field cff="authors" fact="editors" as="names"/>
        <cite:field cff="abstract" fact="summary"/>
        <cite:field cff="keywords" fact="keywords" as="list"/>
        <cite:field cff="license" fact="licence-uri" as="spdx"/>
        <cite:field cff="date-released" fact="date-released"/>
      </cite:cff>
    </cite:mapping>
  </xsl:variable>

  <!-- Licence URIs and their SPDX identifiers (CFF wants the identifier). -->
  <xsl:variable name="cite:spdx" as="map(xs:string, xs:string)" xmlns:xs="http://www.w3.org/2001/XMLSchema"
    select="map{
      'creativecommons.org/licenses/by/4.0': 'CC-BY-4.0',
      'creativecommons.org/licenses/by-sa/4.0': 'CC-BY-SA-4.0',
      'creativecommons.org/licenses/by-nc/4.0': 'CC-BY-NC-4.0',
      'creativecommons.org/licenses/by-nc-sa/4.0': 'CC-BY-NC-SA-4.0',
      'creativecommons.org/licenses/by-nd/4.0': 'CC-BY-ND-4.0',
      'creativecommons.org/publicdomain/zero/1.0': 'CC0-1.0',
      'opensource.org/licenses/MIT': 'MIT'}"/>
</xsl:stylesheet>
