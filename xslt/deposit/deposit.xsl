<?xml version="1.0" encoding="UTF-8"?>
<!--
  Deposit metadata (out/deposit/<id>/). Entry stylesheet: imports the format-neutral layer
  (ed:facts: the header's facts completed by the edition's configured ones) and maps the header through the deposit rows of the one declarative
  table, xslt/common/csl-mapping.xsl, to:
    zenodo.json   Zenodo deposition metadata            (zenodo.xsl)
    datacite.xml  DataCite Metadata Schema 4.5          (datacite.xsl)
    oai_dc.xml    Dublin Core, OAI-PMH oai_dc            (oai-dc.xsl)
    cmif.xml      correspSearch CMIF, when there is a letter (cmif.xsl)
    README.txt    for the archive's curators             (bag-files.xsl)
    bag-info.txt  the header's part of the bag's bag-info (bag-files.xsl)

  Invocation: source = one TEI document, initial mode (default). The principal result names,
  one a line, the facts the metadata need that the header lacks (title, editors, publisher,
  licence-uri, licence-id, date-released); it is empty when none is missing, and only then
  are the files written (src/deposit/header.ts turns the names into located diagnostics).
  A file that cannot be made valid for its receiver is not written, and a line
  "skipped <file>" of the principal result says so (datacite.xml without a DOI, cmif.xml without the edition's URL).

  Parameters:
    payload     the data/ files, "path<TAB>what it is", for the README (default none)
    tool        name and version of the software, for the README (default "tei-pipeline")
    bibl-id     xml:id of the CMIF bibl, a UUID (default "edition")
  Plain XSLT 3.0 (saxon-js, Saxon-HE 9.9): no higher-order functions, no extensions.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:cite="urn:x-tei-pipeline:cite"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="../common/csl-mapping.xsl"/>
  <xsl:include href="../common/json.xsl"/>
  <xsl:include href="values.xsl"/>
  <xsl:include href="zenodo.xsl"/>
  <xsl:include href="datacite.xsl"/>
  <xsl:include href="oai-dc.xsl"/>
  <xsl:include href="cmif.xsl"/>
  <xsl:include href="bag-files.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:output name="text" method="text" encoding="UTF-8"/>
  <xsl:output name="xml" method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="payload" as="xs:string*" select="()"/>
  <xsl:param name="tool" as="xs:string" select="'tei-pipeline'"/>
  <xsl:param name="bibl-id" as="xs:string" select="'edition'"/>

  <!-- The facts the metadata cannot do without: Zenodo and DataCite require a title, creators
       and a licence, DataCite a publisher, the bag a full date (Bagging-Date, zip times). -->
  <xsl:function name="dep:missing" as="xs:string*">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="uri" select="string($facts('licence-uri')[1])"/>
    <xsl:sequence select="
      'title'[not(dep:has($facts, 'title'))],
      'editors'[not(dep:has($facts, 'editors'))],
      'publisher'[not(dep:has($facts, 'publisher'))],
      'licence-uri'[$uri = ''],
      'licence-id'[$uri != '' and empty(dep:licence-id($uri))],
      'date-released'[not(matches(string($facts('date-released')), '^\d{4}-\d{2}-\d{2}$'))]"/>
  </xsl:function>

  <xsl:function name="dep:has" as="xs:boolean">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="exists($facts($name)[normalize-space(string(.)) != ''])"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="facts" select="ed:facts(.)"/>
    <xsl:variable name="missing" select="dep:missing($facts)"/>
    <xsl:variable name="skipped" select="
      'datacite.xml'[empty(dep:first('datacite', 'identifier', $facts))],
      'cmif.xml'[dep:has-letter($facts) and empty(dep:first('cmif', 'url', $facts))]"/>
    <xsl:value-of select="$missing, $skipped[empty($missing)] ! concat('skipped ', .)" separator="&#10;"/>
    <xsl:if test="empty($missing)">
      <xsl:result-document href="zenodo.json" format="text">
        <xsl:value-of select="dep:zenodo($facts)"/>
      </xsl:result-document>
      <!-- DataCite 4.5 requires the DOI (identifier, minLength 1): without one there is no valid
           record to write, and the archive that mints the DOI makes it (Zenodo from zenodo.json). -->
      <xsl:choose>
        <xsl:when test="exists(dep:first('datacite', 'identifier', $facts))">
          <xsl:result-document href="datacite.xml" format="xml">
            <xsl:call-template name="dep:datacite"><xsl:with-param name="facts" select="$facts"/></xsl:call-template>
          </xsl:result-document>
        </xsl:when>
        <xsl:otherwise/>
      </xsl:choose>
      <xsl:result-document href="oai_dc.xml" format="xml">
        <xsl:call-template name="dep:oai-dc"><xsl:with-param name="facts" select="$facts"/></xsl:call-template>
      </xsl:result-document>
      <!-- CMIF requires the URL of the CMIF file itself (idno type="url"): without the edition's
           public URL it cannot be named, and no CMIF file is written. -->
      <xsl:if test="dep:has-letter($facts) and exists(dep:first('cmif', 'url', $facts))">
        <xsl:result-document href="cmif.xml" format="xml">
          <xsl:call-template name="dep:cmif">
            <xsl:with-param name="facts" select="$facts"/>
            <xsl:with-param name="bibl-id" select="$bibl-id"/>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:if>
      <xsl:result-document href="README.txt" format="text">
        <xsl:value-of select="dep:readme($facts, $payload, $tool)"/>
      </xsl:result-document>
      <xsl:result-document href="bag-info.txt" format="text">
        <xsl:value-of select="dep:bag-info($facts)"/>
      </xsl:result-document>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
