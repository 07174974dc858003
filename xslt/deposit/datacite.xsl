<?xml version="1.0" encoding="UTF-8"?>
<!--
  datacite.xml: DataCite Metadata Schema 4.5 from the rows with @datacite. The six mandatory
  properties (Identifier, Creator, Title, Publisher, PublicationYear, ResourceType) come
  first, then the optional ones; a wrapper whose rows have no value is left out.

  The DOI: DataCite 4.5 requires it (identifier, minLength 1), and an edition is deposited
  before it has one: the archive mints it. So this file is written only once the header
  carries publicationStmt/idno[@type='DOI'] (deposit.xsl); before that the archive that
  mints the DOI makes the DataCite record itself. A DOI is never made up. Creators are the
  configured editors (else the header's), a person with given and family names and an
  ORCID iD when configured, an organisation as nameType="Organizational".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  xmlns="http://datacite.org/schema/kernel-4"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template name="dep:datacite">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="lang" select="dep:first('datacite', 'language', $facts)"/>
    <resource xsi:schemaLocation="http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4.5/metadata.xsd">
      <xsl:variable name="doi" select="dep:first('datacite', 'identifier', $facts)"/>
      <identifier identifierType="DOI">{$doi}</identifier>
      <creators>
        <xsl:for-each select="dep:rows('datacite', 'creator') ! dep:values(., $facts)">
          <creator><xsl:sequence select="dep:datacite-name(., 'creatorName')"/></creator>
        </xsl:for-each>
      </creators>
      <titles>
        <xsl:for-each select="dep:rows('datacite', 'title')">
          <xsl:variable name="row" select="."/>
          <xsl:for-each select="dep:strings($row, $facts)">
            <title><xsl:sequence select="dep:lang($lang)"/><xsl:if test="$row/@type"><xsl:attribute name="titleType" select="$row/@type"/></xsl:if>{.}</title>
          </xsl:for-each>
        </xsl:for-each>
      </titles>
      <publisher><xsl:sequence select="dep:lang($lang)"/>{dep:first('datacite', 'publisher', $facts)}</publisher>
      <publicationYear>{dep:first('datacite', 'publicationYear', $facts)}</publicationYear>
      <xsl:for-each select="dep:rows('datacite', 'resourceType')">
        <resourceType resourceTypeGeneral="{@type}">{dep:strings(., $facts)}</resourceType>
      </xsl:for-each>
      <xsl:sequence select="dep:wrap('subjects', dep:rows('datacite', 'subject') ! dep:strings(., $facts) ! dep:element('subject', ., $lang))"/>
      <xsl:sequence select="dep:wrap('dates', dep:rows('datacite', 'date') ! dep:datacite-date(., $facts))"/>
      <xsl:if test="exists($lang)"><language>{$lang}</language></xsl:if>
      <xsl:sequence select="dep:wrap('alternateIdentifiers', dep:rows('datacite', 'alternateIdentifier') ! dep:typed(., $facts, 'alternateIdentifier', 'alternateIdentifierType'))"/>
      <xsl:sequence select="dep:wrap('relatedIdentifiers', dep:rows('datacite', 'relatedIdentifier') ! dep:related-identifiers(., $facts))"/>
      <xsl:sequence select="dep:wrap('formats', dep:rows('datacite', 'format') ! dep:strings(., $facts) ! dep:element('format', ., ()))"/>
      <xsl:sequence select="dep:wrap('rightsList', dep:rows('datacite', 'rights') ! dep:rights(., $facts, $lang))"/>
      <xsl:sequence select="dep:wrap('descriptions', dep:rows('datacite', 'description') ! dep:typed(., $facts, 'description', 'descriptionType'))"/>
      <xsl:sequence select="dep:wrap('relatedItems', dep:rows('datacite', 'relatedItem') ! dep:related-item(., $facts))"/>
    </resource>
  </xsl:template>

  <!-- A wrapper element around its children; nothing when there are none. -->
  <xsl:function name="dep:wrap" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="children" as="element()*"/>
    <xsl:if test="exists($children)">
      <xsl:element name="{$name}" namespace="http://datacite.org/schema/kernel-4"><xsl:sequence select="$children"/></xsl:element>
    </xsl:if>
  </xsl:function>

  <xsl:function name="dep:element" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:element name="{$name}" namespace="http://datacite.org/schema/kernel-4"><xsl:sequence select="dep:lang($lang)"/>{$text}</xsl:element>
  </xsl:function>

  <!-- Elements named $name whose @type goes into the attribute $type-attribute. -->
  <xsl:function name="dep:typed" as="element()*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="type-attribute" as="xs:string"/>
    <xsl:for-each select="dep:strings($row, $facts)">
      <xsl:element name="{$name}" namespace="http://datacite.org/schema/kernel-4"><xsl:attribute name="{$type-attribute}" select="$row/@type"/>{.}</xsl:element>
    </xsl:for-each>
  </xsl:function>

  <!-- creatorName (or another name element) with nameType, and given and family names of a person. -->
  <xsl:function name="dep:datacite-name" as="element()+">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="element" as="xs:string"/>
    <xsl:variable name="p" select="ed:name-parts(ed:best-name($name))"/>
    <xsl:element name="{$element}" namespace="http://datacite.org/schema/kernel-4">
      <xsl:attribute name="nameType" select="if (dep:is-person($name)) then 'Personal' else 'Organizational'"/>{dep:name($name)}</xsl:element>
    <xsl:if test="dep:is-person($name)">
      <xsl:if test="$p('given') != ''"><givenName>{$p('given')}</givenName></xsl:if>
      <familyName>{$p('family')}</familyName>
    </xsl:if>
    <!-- A configured ORCID iD (ed:edition-agents puts it in @key). -->
    <xsl:for-each select="$name/@key[matches(., '^https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$')]">
      <nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">{string(.)}</nameIdentifier>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="dep:datacite-date" as="element()*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:for-each select="dep:strings($row, $facts)">
      <date dateType="{$row/@type}" dateInformation="{$row/@info}">{.}</date>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="dep:related-identifiers" as="element()*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:for-each select="dep:strings($row, $facts)">
      <xsl:variable name="type" select="dep:identifier-type(.)"/>
      <!-- DataCite wants a DOI or handle bare, without its resolver. -->
      <relatedIdentifier relatedIdentifierType="{$type}" relationType="{$row/@type}">{
        if ($type = ('DOI', 'Handle')) then replace(., '^https?://(dx\.)?(doi|hdl\.handle)\.(org|net)/', '') else .}</relatedIdentifier>
    </xsl:for-each>
  </xsl:function>

  <!-- A licence with its URI and SPDX id; any other rights statement as text. -->
  <xsl:function name="dep:rights" as="element()*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="uri" select="$row/@uri-fact ! string($facts(string(.))[1])"/>
    <xsl:for-each select="dep:strings($row, $facts)">
      <rights>
        <xsl:sequence select="dep:lang($lang)"/>
        <xsl:if test="$row/@as = 'licence'">
          <xsl:attribute name="rightsURI" select="$uri"/>
          <xsl:for-each select="dep:licence-id($uri)">
            <xsl:attribute name="rightsIdentifier" select="."/>
            <xsl:attribute name="rightsIdentifierScheme" select="'SPDX'"/>
            <xsl:attribute name="schemeURI" select="'https://spdx.org/licenses/'"/>
          </xsl:for-each>
        </xsl:if>{.}</rights>
    </xsl:for-each>
  </xsl:function>

  <!-- The source the edition is derived from: its authors and title, without an identifier
       when it has none. -->
  <xsl:function name="dep:related-item" as="element()*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="authors" select="dep:values($row, $facts)"/>
    <xsl:variable name="title" select="$row/@title-fact ! normalize-space(string($facts(string(.))[1]))"/>
    <xsl:if test="exists($authors) or $title != ''">
      <relatedItem relatedItemType="{$row/@item-type}" relationType="{$row/@type}">
        <xsl:if test="exists($authors)">
          <creators>
            <xsl:for-each select="$authors"><creator><xsl:sequence select="dep:datacite-name(., 'creatorName')"/></creator></xsl:for-each>
          </creators>
        </xsl:if>
        <xsl:if test="$title != ''"><titles><title>{$title}</title></titles></xsl:if>
      </relatedItem>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
