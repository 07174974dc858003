<?xml version="1.0" encoding="UTF-8"?>
<!--
  zenodo.json: the body of a Zenodo deposition update (PUT /api/deposit/depositions/<id>),
  {"metadata": {…}}, from the rows with @zenodo, keys in table order. A key whose rows have
  no value is left out (no empty strings, no empty lists, no nulls). Zenodo reads
  "description" and "notes" as HTML, so their text is escaped. Creators are the edition's
  team as the header names it; Zenodo registers the DOI itself, so "doi" is written only
  when the header already carries one.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:cite="urn:x-tei-pipeline:cite"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:function name="dep:zenodo" as="xs:string">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="json" as="element(fn:map)">
      <fn:map>
        <fn:map key="metadata">
          <xsl:for-each-group select="dep:rows('zenodo', ())" group-by="string(@zenodo)">
            <xsl:sequence select="dep:zenodo-value(current-grouping-key(), current-group(), $facts)"/>
          </xsl:for-each-group>
        </fn:map>
      </fn:map>
    </xsl:variable>
    <xsl:sequence select="concat(cite:json($json, 0), '&#10;')"/>
  </xsl:function>

  <!-- One key of the metadata, in the XML representation of JSON; nothing when it has no value. -->
  <xsl:function name="dep:zenodo-value" as="element()?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="rows" as="element()+"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="as" select="string($rows[1]/@as)"/>
    <xsl:variable name="strings" select="$rows ! dep:strings(., $facts)"/>
    <xsl:choose>
      <xsl:when test="empty($strings)"/>
      <xsl:when test="$as = 'names'">
        <!-- Zenodo's creators are "Family, Given" with a bare ORCID iD; its deposit API has no
             type for an organisation, whose name is written as it is. -->
        <fn:array key="{$key}">
          <xsl:for-each select="$rows ! dep:values(., $facts)">
            <fn:map>
              <fn:string key="name">{dep:name(.)}</fn:string>
              <xsl:for-each select="@key[matches(., '^https://orcid\.org/')]"><fn:string key="orcid">{substring-after(., 'https://orcid.org/')}</fn:string></xsl:for-each>
            </fn:map>
          </xsl:for-each>
        </fn:array>
      </xsl:when>
      <xsl:when test="$as = 'list'">
        <fn:array key="{$key}"><xsl:for-each select="$strings"><fn:string>{.}</fn:string></xsl:for-each></fn:array>
      </xsl:when>
      <xsl:when test="$as = 'date'">
        <!-- Zenodo keeps a date only as an interval: an exact date has the same start and end. -->
        <fn:array key="{$key}">
          <xsl:for-each select="$rows">
            <xsl:variable name="row" select="."/>
            <xsl:for-each select="dep:strings($row, $facts)">
              <fn:map>
                <fn:string key="start">{.}</fn:string>
                <fn:string key="end">{.}</fn:string>
                <fn:string key="type">{$row/@type}</fn:string>
                <fn:string key="description">{$row/@info}</fn:string>
              </fn:map>
            </xsl:for-each>
          </xsl:for-each>
        </fn:array>
      </xsl:when>
      <xsl:when test="$as = 'identifiers'">
        <fn:array key="{$key}">
          <xsl:for-each select="$strings">
            <fn:map>
              <fn:string key="identifier">{.}</fn:string>
              <fn:string key="relation">{lower-case(substring($rows[1]/@type, 1, 1))}{substring($rows[1]/@type, 2)}</fn:string>
            </fn:map>
          </xsl:for-each>
        </fn:array>
      </xsl:when>
      <xsl:when test="$key = ('description', 'notes')">
        <fn:string key="{$key}">{string-join($strings ! dep:html-text(.), ' ')}</fn:string>
      </xsl:when>
      <xsl:otherwise>
        <fn:string key="{$key}">{$strings[1]}</fn:string>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Text that reads the same when taken as HTML. -->
  <xsl:function name="dep:html-text" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace($s, '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;'), '&gt;', '&amp;gt;')"/>
  </xsl:function>
</xsl:stylesheet>
