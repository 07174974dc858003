<?xml version="1.0" encoding="UTF-8"?>
<!--
  CSL-JSON from the header facts through the mapping table (csl-mapping.xsl), built as
  the XPath 3.1 XML representation of JSON (fn:array, fn:map, fn:string, fn:number) so
  that keys keep the table's order: XDM maps have no order, and the files must be the
  same bytes on every run.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:cite="urn:x-tei-pipeline:cite"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- The CSL-JSON array: one map per mapping item whose required fact exists. -->
  <xsl:function name="cite:csl" as="element(fn:array)">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <fn:array>
      <xsl:for-each select="$cite:mapping/cite:item[not(@requires) or exists($facts(@requires))]">
        <fn:map>
          <xsl:for-each select="cite:field">
            <xsl:sequence select="cite:value(., $facts, string(@csl))"/>
          </xsl:for-each>
        </fn:map>
      </xsl:for-each>
    </fn:array>
  </xsl:function>

  <!-- The value of a row, keyed $key, in the JSON XML representation; nothing when empty. -->
  <xsl:function name="cite:value" as="element()?">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="values" select="if ($row/@value) then string($row/@value)
                                        else if ($row/@fact) then $facts(string($row/@fact)) else ()"/>
    <xsl:choose>
      <xsl:when test="$row/cite:part">
        <xsl:variable name="text" select="string-join($row/cite:part ! cite:text(., $facts), '')"/>
        <xsl:if test="normalize-space($text)">
          <fn:string key="{$key}">{normalize-space($text)}</fn:string>
        </xsl:if>
      </xsl:when>
      <xsl:when test="empty($values[string(.) != ''])"/>
      <xsl:when test="$row/@as = 'names'">
        <fn:array key="{$key}">
          <xsl:for-each select="$values">
            <xsl:variable name="parts" select="ed:name-parts(ed:best-name(.))"/>
            <fn:map>
              <xsl:for-each select="('family', 'given', 'literal')[exists($parts(.))][$parts(.) != '']">
                <fn:string key="{.}">{$parts(.)}</fn:string>
              </xsl:for-each>
            </fn:map>
          </xsl:for-each>
        </fn:array>
      </xsl:when>
      <xsl:when test="$row/@as = 'date'">
        <xsl:variable name="parts" select="ed:date-parts(string($values[1]))"/>
        <xsl:if test="exists($parts)">
          <fn:map key="{$key}">
            <fn:array key="date-parts">
              <fn:array><xsl:for-each select="$parts"><fn:number>{.}</fn:number></xsl:for-each></fn:array>
            </fn:array>
          </fn:map>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$row/@as = 'list' and $row/@csl">
        <!-- CSL "keyword" is one string; CFF keeps a list (cff.xsl). -->
        <fn:string key="{$key}">{string-join($values ! string(.), ', ')}</fn:string>
      </xsl:when>
      <xsl:otherwise>
        <fn:string key="{$key}">{cite:text($row, $facts)}</fn:string>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A row or part as a string: prefix, the value (formatted per @as), suffix. -->
  <xsl:function name="cite:text" as="xs:string">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="v" select="if ($row/@value) then string($row/@value)
      else if ($row/@fact) then ($facts(string($row/@fact)) ! normalize-space(string(.)))[. != ''][1] else ()"/>
    <xsl:sequence select="if (empty($v)) then ''
      else concat($row/@prefix, if ($row/@as = 'date-text') then ed:format-date($v) else $v, $row/@suffix)"/>
  </xsl:function>
</xsl:stylesheet>
