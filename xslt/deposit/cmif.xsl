<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmif.xml: the letter's correspondence metadata in the Correspondence Metadata Interchange
  Format (CMIF, TEI Correspondence SIG), which correspSearch harvests: a TEI document whose
  sourceDesc/bibl describes the edition and whose correspDesc (@source pointing to that bibl)
  has correspAction type="sent" (sender, place, date) and type="received" (addressee).
  CMIF v2 keeps this core unchanged and adds optional note/ref statements, not written here.

  Values come from the rows with @cmif. correspSearch identifies persons, organisations and
  places by authority URIs in @ref: they come from the register entry a name points to, its
  idno typed VIAF, GND, wikidata or GeoNames (a number or the URI itself); a name whose entry
  has none gets no @ref, and none is made up. publicationStmt/idno[@type='url'] is the URL
  of this file (fact cmif-url, from the configured baseUrl; without it no file is written).
  The bibl's xml:id is a name-based UUID behind "uuid-" (parameter bibl-id): the same on
  every run, and an NCName. Only the actions CMIF knows, sent and received, are written.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns="http://www.tei-c.org/ns/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- True when the document has a letter with a sender or an addressee to describe. -->
  <xsl:function name="dep:has-letter" as="xs:boolean">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="exists((dep:rows('cmif', 'sender'), dep:rows('cmif', 'addressee')) ! dep:values(., $facts))"/>
  </xsl:function>

  <xsl:template name="dep:cmif">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:param name="bibl-id" as="xs:string"/>
    <xsl:variable name="licence" select="dep:first('cmif', 'licence', $facts)"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title>{dep:first('cmif', 'title', $facts)}</title>
            <xsl:for-each select="dep:rows('cmif', 'editor') ! dep:strings(., $facts)"><editor>{.}</editor></xsl:for-each>
          </titleStmt>
          <publicationStmt>
            <publisher>{dep:first('cmif', 'publisher', $facts)}</publisher>
            <idno type="url">{dep:first('cmif', 'url', $facts)}</idno>
            <date when="{dep:first('cmif', 'date', $facts)}"/>
            <availability>
              <licence target="{$licence}">{if (dep:licence-id($licence) = 'CC-BY-4.0')
                then 'This file is licensed under the terms of the Creative Commons License CC-BY 4.0'
                else concat('This file is licensed under the terms of ', $licence)}</licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$bibl-id}">{dep:first('cmif', 'bibl', $facts)}</bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <correspDesc source="#{$bibl-id}">
            <xsl:for-each select="dep:first('cmif', 'key', $facts)"><xsl:attribute name="key" select="."/></xsl:for-each>
            <correspAction type="sent">
              <xsl:sequence select="dep:cmif-names(dep:rows('cmif', 'sender') ! dep:values(., $facts))"/>
              <xsl:for-each select="dep:rows('cmif', 'sent-place') ! dep:values(., $facts)">
                <placeName><xsl:sequence select="dep:authority-ref(.)"/>{ed:name-text(ed:best-name(.))}</placeName>
              </xsl:for-each>
              <xsl:for-each select="dep:first('cmif', 'sent-date', $facts)"><date when="{.}"/></xsl:for-each>
            </correspAction>
            <correspAction type="received">
              <xsl:sequence select="dep:cmif-names(dep:rows('cmif', 'addressee') ! dep:values(., $facts))"/>
            </correspAction>
          </correspDesc>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <!-- Senders or addressees: persName, or orgName for an organisation; "Unknown" when the
       letter names none (CMIF's convention). -->
  <xsl:function name="dep:cmif-names" as="element()+">
    <xsl:param name="names" as="element()*"/>
    <xsl:for-each select="$names">
      <xsl:element name="{if (dep:is-person(.)) then 'persName' else 'orgName'}" namespace="http://www.tei-c.org/ns/1.0">
        <xsl:sequence select="dep:authority-ref(.)"/>{dep:name(.)}</xsl:element>
    </xsl:for-each>
    <xsl:if test="empty($names)"><persName>Unknown</persName></xsl:if>
  </xsl:function>

  <!-- @ref: the authority URIs of the register entry a name points to (its idno typed VIAF,
       GND, wikidata or GeoNames), as correspSearch reads them; nothing when there is none. -->
  <xsl:function name="dep:authority-ref" as="attribute()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="ed:targets($name, 'ref')[1]"/>
    <xsl:variable name="uris" select="$entry/idno[@type = ('VIAF', 'GND', 'wikidata', 'GeoNames')] ! dep:authority-uri(string(@type), normalize-space(.))"/>
    <xsl:if test="exists($uris)"><xsl:attribute name="ref" select="$uris" separator=" "/></xsl:if>
  </xsl:function>

  <!-- An authority identifier as the URI correspSearch expects; a URI stays as it is. -->
  <xsl:function name="dep:authority-uri" as="xs:string?">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="
      if ($id = '') then ()
      else if (matches($id, '^https?://')) then $id
      else if ($type = 'VIAF') then concat('http://viaf.org/viaf/', $id)
      else if ($type = 'GND') then concat('http://d-nb.info/gnd/', $id)
      else if ($type = 'wikidata') then concat('http://www.wikidata.org/entity/', $id)
      else concat('http://www.geonames.org/', $id)"/>
  </xsl:function>
</xsl:stylesheet>
