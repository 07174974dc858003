<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citations (out/cite/). Entry stylesheet: imports the format-neutral layer (header facts,
  names, dates) and maps the teiHeader through the one declarative table, ../common/csl-mapping.xsl,
  to CSL-JSON; BibTeX and RIS are derived from that CSL-JSON in the same run (parsed back
  with json-to-xml, so they cannot say anything it does not), CITATION.cff from the
  table's cff rows.

  Invocation: source = one TEI document, initial mode (default). The principal result is
  empty; it writes <id>.csl.json, <id>.bib, <id>.ris and <id>.cff relative to the base
  output URI. All UTF-8 with LF line ends and a final newline.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:cite="urn:x-tei-pipeline:cite"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="../common/csl-mapping.xsl"/>
  <xsl:include href="csl.xsl"/>
  <xsl:include href="../common/json.xsl"/>
  <xsl:include href="bibtex.xsl"/>
  <xsl:include href="ris.xsl"/>
  <xsl:include href="cff.xsl"/>

  <!-- Every file is text built here; the JSON is serialised by json.xsl (key order). -->
  <xsl:output name="text" method="text" encoding="UTF-8"/>
  <xsl:output method="text"/>

  <!-- Facts to add to or override those of the header, e.g. map{'repository': '…'} when
       a project wants its citations to name the holding archive that the TEI leaves out.
       Default: none. -->
  <xsl:param name="extra-facts" as="map(xs:string, item()*)" select="map{}"/>

  <xsl:template match="/">
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <xsl:variable name="facts" select="map:merge(($extra-facts, ed:facts(.)),
                                                 map{'duplicates': 'use-first'})"
                  xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="json" select="concat(cite:json(cite:csl($facts), 0), '&#10;')"/>
    <!-- What BibTeX and RIS see: the CSL-JSON as written, read back. -->
    <xsl:variable name="csl" select="json-to-xml($json)/fn:array"/>
    <xsl:result-document href="{$id}.csl.json" format="text">
      <xsl:value-of select="$json"/>
    </xsl:result-document>
    <xsl:result-document href="{$id}.bib" format="text">
      <xsl:value-of select="cite:bibtex($csl)"/>
    </xsl:result-document>
    <xsl:result-document href="{$id}.ris" format="text">
      <xsl:value-of select="cite:ris($csl)"/>
    </xsl:result-document>
    <xsl:result-document href="{$id}.cff" format="text">
      <xsl:value-of select="cite:cff($facts)"/>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
