<?xml version="1.0" encoding="UTF-8"?>
<!--
  THE mapping from the TEI header to the citation formats: one declarative table, read
  by xslt/cite/csl.xsl (CSL-JSON) and xslt/cite/cff.xsl (CITATION.cff); BibTeX and RIS
  are derived from the CSL-JSON (bibtex.xsl, ris.xsl). The deposit metadata (Zenodo,
  DataCite, Dublin Core, CMIF, bag-info) come from its cite:deposit rows (xslt/deposit/).
  It lives in common/ because both entry stylesheets (cite, deposit) include it. Change what a citation
  or a deposit says here, not in templates.

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
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:cite="urn:x-tei-pipeline:cite"
  exclude-result-prefixes="#all">

  <xsl:variable name="cite:mapping" as="element(cite:mapping)">
    <cite:mapping>
      <!-- The record itself, as this edition gives it: issued is the source's date (the date a
           citation of a manuscript gives), available-date the edition's (its latest revision);
           the edition is the container (its configured title, makers, publisher, the page's URL
           and the DOI once minted); the source's place is in the archive fields. -->
      <cite:item key="record">
        <cite:field csl="id" fact="id"/>
        <cite:field csl="type" value="manuscript"/>
        <cite:field csl="title" fact="title"/>
        <cite:field csl="author" fact="authors" as="names"/>
        <cite:field csl="recipient" fact="recipients" as="names"/>
        <cite:field csl="issued" fact="date-written" as="date"/>
        <cite:field csl="event-date" fact="date-event" as="date"/>
        <cite:field csl="genre" fact="genre"/>
        <cite:field csl="archive" fact="repository"/>
        <cite:field csl="archive-place" fact="archive-place"/>
        <cite:field csl="archive_location" fact="archive-location"/>
        <cite:field csl="container-title" fact="edition-title"/>
        <cite:field csl="editor" fact="editors" as="names"/>
        <cite:field csl="publisher" fact="publisher"/>
        <cite:field csl="available-date" fact="date-released" as="date"/>
        <cite:field csl="URL" fact="page-url"/>
        <cite:field csl="DOI" fact="doi"/>
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
        <cite:field csl="container-title" fact="edition-title"/>
        <cite:field csl="editor" fact="editors" as="names"/>
        <cite:field csl="publisher" fact="publisher"/>
        <cite:field csl="available-date" fact="date-released" as="date"/>
        <cite:field csl="URL" fact="page-url"/>
        <cite:field csl="DOI" fact="doi"/>
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
        <cite:field cff="url" fact="base-url"/>
        <cite:field cff="doi" fact="doi"/>
      </cite:cff>
      <!-- Deposit metadata (xslt/deposit/): the edition as a resource an archive ingests. A row
           says once which fact feeds a value and, per target attribute, where it goes:
             @zenodo    key of the Zenodo deposition metadata (zenodo.json)
             @datacite  DataCite 4.5 property (datacite.xml)
             @dc        Dublin Core element (oai_dc.xml)
             @cmif      part of the correspSearch file (cmif.xml)
             @bag       label in bag-info.txt
           @fact may name several facts: the first that has a value is used.
           @as: string (default), names ("Family, Given"), list, date, year, id (the xml:id of
           the fact's element), spdx, zenodo-licence (Zenodo's licence id), iso639-3, doi-url,
           identifiers (related identifiers), licence (text of @fact, URI of @uri-fact).
           @type and @info qualify a value: DataCite titleType, descriptionType, dateType
           (Zenodo's date type too), relationType, alternateIdentifierType, resourceTypeGeneral;
           @info is the date's description. @item-type and @title-fact describe a related item. -->
      <cite:deposit>
        <cite:field zenodo="upload_type" value="publication"/>
        <cite:field zenodo="publication_type" value="other"/>
        <cite:field zenodo="title" datacite="title" dc="title" fact="title"/>
        <cite:field datacite="title" type="Subtitle" fact="subtitle"/>
        <cite:field zenodo="creators" datacite="creator" dc="creator" cmif="editor" fact="editors" as="names"/>
        <cite:field zenodo="description" datacite="description" type="Abstract" dc="description"
          bag="External-Description" fact="summary subtitle title"/>
        <cite:field zenodo="publication_date" dc="date" cmif="date" bag="Bagging-Date" fact="date-released"/>
        <cite:field zenodo="access_right" value="open"/>
        <cite:field zenodo="license" fact="licence-uri" as="zenodo-licence"/>
        <cite:field datacite="rights" fact="licence" uri-fact="licence-uri" as="licence"/>
        <cite:field dc="rights" cmif="licence" fact="licence-uri"/>
        <cite:field zenodo="notes" datacite="rights" dc="rights" fact="rights-note"/>
        <!-- Zenodo's deposit API lists the date types Collected, Valid and Withdrawn only: none is
             the date of a historical source, so the source's dates go into the notes there. -->
        <cite:field zenodo="notes" fact="date-written" prefix="The source document was written on " suffix="."/>
        <cite:field zenodo="notes" fact="date-event" prefix="The event it records took place on " suffix="."/>
        <cite:field zenodo="keywords" datacite="subject" dc="subject" fact="keywords" as="list"/>
        <!-- DataCite: Created and Issued are dates of this resource, the edition; the source's
             dates are Other, each with its description. -->
        <cite:field datacite="date" type="Created" info="This edition was begun (its earliest revision)"
          fact="edition-created" as="date"/>
        <cite:field datacite="date" type="Issued" info="This edition was published (its latest revision)"
          fact="date-released" as="date"/>
        <cite:field datacite="date" type="Other" info="The source document was written"
          fact="date-written" as="date"/>
        <cite:field datacite="date" type="Other" info="The event the source document records"
          dc="coverage" fact="date-event" as="date"/>
        <cite:field zenodo="related_identifiers" datacite="relatedIdentifier" type="IsDerivedFrom"
          fact="source-identifiers" as="identifiers"/>
        <cite:field datacite="relatedItem" type="IsDerivedFrom" item-type="Text" title-fact="title"
          fact="authors" as="names"/>
        <cite:field zenodo="language" fact="language" as="iso639-3"/>
        <cite:field datacite="language" dc="language" fact="language"/>
        <cite:field zenodo="doi" datacite="identifier" fact="doi"/>
        <cite:field dc="identifier" fact="doi" as="doi-url"/>
        <cite:field datacite="alternateIdentifier" type="local" dc="identifier" bag="External-Identifier" fact="id"/>
        <cite:field datacite="publisher" dc="publisher" cmif="publisher" bag="Source-Organization" fact="publisher"/>
        <cite:field datacite="publicationYear" fact="date-released" as="year"/>
        <cite:field datacite="resourceType" type="Text" value="TEI edition"/>
        <cite:field dc="type" value="Text"/>
        <cite:field datacite="format" dc="format" value="application/tei+xml"/>
        <cite:field datacite="format" dc="format" value="text/html"/>
        <cite:field datacite="format" dc="format" value="text/plain"/>
        <cite:field dc="source" fact="archive-location"/>
        <cite:field cmif="title" fact="title" prefix="Correspondence in the TEI edition of: "/>
        <cite:field cmif="url" fact="cmif-url"/>
        <cite:field cmif="bibl" fact="title" suffix=" (TEI edition)"/>
        <cite:field cmif="key" fact="letter" as="id"/>
        <cite:field cmif="sender" fact="letter-author" as="names"/>
        <cite:field cmif="sent-place" fact="letter-place"/>
        <cite:field cmif="sent-date" fact="letter-date"/>
        <cite:field cmif="addressee" fact="letter-recipient" as="names"/>
      </cite:deposit>
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
  <!-- An SPDX licence id from a licence URI (cite:spdx); the URI itself when unknown. -->
  <xsl:function name="cite:spdx-id" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:variable name="key" select="replace(replace($uri, '^https?://(www\.)?', ''), '/(legalcode(\..*)?)?$', '')"/>
    <xsl:sequence select="if (map:contains($cite:spdx, $key)) then $cite:spdx($key) else $uri"/>
  </xsl:function>
</xsl:stylesheet>
