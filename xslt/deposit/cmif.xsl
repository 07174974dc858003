<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmif.xml: the letter's correspondence metadata in the Correspondence Metadata Interchange
  Format (CMIF, TEI Correspondence SIG), which correspSearch harvests: a TEI document whose
  sourceDesc/bibl describes the edition and whose correspDesc (@source pointing to that bibl)
  has correspAction type="sent" (sender, place, date) and type="received" (addressee).
  CMIF v2 keeps this core unchanged and adds optional note/ref statements, not written here.

  Values come from the rows with @cmif. CMIF asks for authority URIs (GND, VIAF, GeoNames) in
  persName/@ref and placeName/@ref: the edition's registers give none and none is made up,
  so there is no @ref (a comment in the file says so). publicationStmt/idno[@type='url'],
  the address where the file will be published, is known only to the archive: it is written
  empty for the archive to fill in. The bibl's xml:id is a name-based UUID (parameter
  bibl-id), as CMIF recommends, so that it is the same on every run.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  xmlns="http://www.tei-c.org/ns/1.0"
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
            <idno type="url"/>
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
          <xsl:comment> No persName/@ref or placeName/@ref: the edition gives no authority identifiers (GND, VIAF, GeoNames) for these names, and none is made up. </xsl:comment>
          <correspDesc source="#{$bibl-id}">
            <xsl:for-each select="dep:first('cmif', 'key', $facts)"><xsl:attribute name="key" select="."/></xsl:for-each>
            <correspAction type="sent">
              <xsl:sequence select="dep:cmif-names(dep:rows('cmif', 'sender') ! dep:values(., $facts))"/>
              <xsl:for-each select="dep:first('cmif', 'sent-place', $facts)"><placeName>{.}</placeName></xsl:for-each>
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
      <xsl:element name="{if (dep:is-person(.)) then 'persName' else 'orgName'}" namespace="http://www.tei-c.org/ns/1.0">{dep:name(.)}</xsl:element>
    </xsl:for-each>
    <xsl:if test="empty($names)"><persName>Unknown</persName></xsl:if>
  </xsl:function>
</xsl:stylesheet>
