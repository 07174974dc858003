<?xml version="1.0" encoding="UTF-8"?>
<!--
  CITATION.cff (Citation File Format 1.2.0) from the cff rows of the mapping table.
  YAML is written by hand, safely: a value is left plain only when it is a simple token
  that every YAML parser reads as that same string (1.2.0, dataset, CC-BY-4.0); all else,
  dates included (so they stay strings, not timestamps), is double-quoted and escaped.
  Authors: persons as family-names/given-names, organisations and teams as name.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:cite="urn:x-tei-pipeline:cite"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- A YAML scalar: plain when unambiguous, else double-quoted (JSON escaping is valid YAML). -->
  <xsl:function name="cite:yaml" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="
      if ((matches($s, '^[A-Za-z][A-Za-z0-9.\-]*$') or matches($s, '^[0-9]+\.[0-9]+\.[0-9]+$'))
          and not(lower-case($s) = ('true', 'false', 'yes', 'no', 'on', 'off', 'null', 'y', 'n', '~')))
      then $s else cite:json-string($s)"/>
  </xsl:function>

  <!-- One author list entry. -->
  <xsl:function name="cite:cff-person" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="p" select="ed:name-parts(ed:best-name($name))"/>
    <xsl:sequence select="if (exists($p('literal'))) then concat('  - name: ', cite:yaml($p('literal')))
      else string-join((concat('  - family-names: ', cite:yaml($p('family'))),
                        $p('given')[. != ''] ! concat('    given-names: ', cite:yaml(.)),
                        $name/@key[starts-with(., 'https://orcid.org/')] ! concat('    orcid: ', cite:yaml(.))), '&#10;')"/>
  </xsl:function>

  <xsl:function name="cite:cff" as="xs:string">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="$cite:mapping/cite:cff/cite:field">
        <xsl:variable name="key" select="string(@cff)"/>
        <xsl:variable name="values" select="if (@value) then string(@value) else $facts(string(@fact))"/>
        <xsl:choose>
          <xsl:when test="empty($values[normalize-space(string(.)) != ''])"/>
          <xsl:when test="@as = 'names'">
            <xsl:sequence select="concat($key, ':'), $values ! cite:cff-person(.)"/>
          </xsl:when>
          <xsl:when test="@as = 'list'">
            <xsl:sequence select="concat($key, ':'), $values ! concat('  - ', cite:yaml(normalize-space(.)))"/>
          </xsl:when>
          <xsl:when test="@as = 'spdx'">
            <xsl:sequence select="concat($key, ': ', cite:yaml(cite:spdx-id(string($values[1]))))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="concat($key, ': ', cite:yaml(normalize-space(string($values[1]))))"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="concat(string-join($lines, '&#10;'), '&#10;')"/>
  </xsl:function>
</xsl:stylesheet>
