<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral traversal of the text, part 4: the structures of TEI editions at large
  (tables, figures, drama, verse, quotations, bibliographies, transcription) and every
  element the other parts do not know. Each calls one hook, with a default here that keeps
  the content: no text of the source is ever dropped.
    ed:table-part  table, row, cell ($part)
    ed:figure      figure, with its graphic's safe local URL ($src) and description ($alt)
    ed:element     any other element: $name is its TEI name, $block whether it holds blocks
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Elements that make blocks of the output wherever they stand. -->
  <xsl:variable name="ed:structure-names" as="xs:string+" select="('p', 'ab', 'div', 'lg', 'l',
    'list', 'item', 'table', 'row', 'figure', 'sp', 'head', 'listBibl', 'bibl', 'quote', 'cit',
    'floatingText', 'castList', 'speaker', 'stage', 'address', 'note', 'closer', 'opener')"/>

  <xsl:function name="ed:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*[local-name() = $ed:structure-names][not(self::note)])"/>
  </xsl:function>

  <!-- A URL for a graphic: local (relative, no "..", no scheme) only; the edition never links
       a picture it does not publish itself. -->
  <xsl:function name="ed:local-src" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="$url[matches(., '^[A-Za-z0-9_][A-Za-z0-9._/\-]*$') and not(contains(., '..'))]"/>
  </xsl:function>

  <xsl:template match="table | row | cell" mode="ed:text">
    <xsl:call-template name="ed:table-part">
      <xsl:with-param name="part" select="if (self::row and @role = 'label') then 'head-row' else local-name()"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="figure" mode="ed:text">
    <xsl:call-template name="ed:figure">
      <xsl:with-param name="src" select="ed:local-src(graphic[1]/@url)"/>
      <xsl:with-param name="alt" select="normalize-space(string-join(figDesc, ' '))"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Any element without a template of its own: its content, in an element named after it. -->
  <xsl:template match="*" mode="ed:text" priority="-10">
    <xsl:call-template name="ed:element">
      <xsl:with-param name="name" select="local-name()"/>
      <xsl:with-param name="block" select="ed:holds-blocks(.) or (local-name() = $ed:structure-names
        and not(parent::*[local-name() = ('p', 'ab', 'l', 'head', 'item', 'cell', 'speaker', 'stage', 'hi', 'title')]))"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:table-part">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <xsl:template name="ed:figure">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <xsl:template name="ed:element">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>
</xsl:stylesheet>
