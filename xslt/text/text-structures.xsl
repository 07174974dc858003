<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text hooks of common/text-structures.xsl: a table row is a block (its cells
  separated by " | "), a figure is a block, and any other element that holds blocks is a run
  of blocks; anything else is its text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:txt="urn:x-tei-pipeline:text"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template name="ed:table-part">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="$part = 'cell'">
        <xsl:sequence select="$content ! string(.)"/>
        <xsl:if test="following-sibling::cell"><xsl:sequence select="' | '"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$txt:BB, $content ! string(.), $txt:BB"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:figure">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$txt:BB, $content ! string(.), $txt:BB"/>
  </xsl:template>

  <xsl:template name="ed:element">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if ($block) then ($txt:BB, $content ! string(.), $txt:BB) else $content ! string(.)"/>
  </xsl:template>
</xsl:stylesheet>
