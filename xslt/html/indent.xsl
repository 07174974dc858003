<?xml version="1.0" encoding="UTF-8"?>
<!--
  Lays out a finished HTML page: a new line and two spaces per level before each child of
  an element whose content is only block-level elements; mixed content (paragraphs and the
  like) keeps its text exactly, whitespace included. The serializer's own indentation is not used
  because Saxon-HE wraps long lines and saxon-js does not, and the outputs must be the
  same bytes whichever runs (CONVENTIONS.md §4).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:html="urn:x-tei-pipeline:html"
  exclude-result-prefixes="#all">

  <!-- Elements around which whitespace is not significant in HTML (a map: looked up for every element). -->
  <xsl:variable name="html:layout-elements" as="map(xs:string, xs:boolean)" select="map:merge(('html', 'head', 'body',
    'header', 'nav', 'main', 'footer', 'section', 'article', 'aside', 'div', 'ul', 'ol', 'li',
    'dl', 'dt', 'dd', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'meta', 'link', 'title',
    'blockquote', 'figure', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'label', 'hr') ! map{.: true()})"/>

  <xsl:function name="html:is-layout" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map:contains($html:layout-elements, local-name($e))"/>
  </xsl:function>

  <!-- True when the element holds only layout elements (and whitespace). -->
  <xsl:function name="html:element-only" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*) and not($e/text()[normalize-space()]) and (every $c in $e/* satisfies html:is-layout($c))"/>
  </xsl:function>

  <xsl:template match="text() | comment() | processing-instruction()" mode="html:indent">
    <xsl:copy/>
  </xsl:template>

  <!-- Only an element that holds layout elements can have element-only content, itself or further down:
       any other is copied whole, as the template below would copy it node by node (a page's links,
       spans and text are most of its nodes, and saxon-js applies templates slowly). -->
  <xsl:template match="*[not(descendant::*[html:is-layout(.)])]" mode="html:indent" priority="1">
    <xsl:copy-of select="."/>
  </xsl:template>

  <xsl:template match="*" mode="html:indent">
    <xsl:param name="depth" as="xs:integer" select="0"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:choose>
        <xsl:when test="html:element-only(.)">
          <xsl:variable name="inner" select="concat('&#10;', string-join(for $i in 0 to $depth return '  ', ''))"/>
          <xsl:for-each select="*">
            <xsl:value-of select="$inner"/>
            <xsl:apply-templates select="." mode="html:indent">
              <xsl:with-param name="depth" select="$depth + 1"/>
            </xsl:apply-templates>
          </xsl:for-each>
          <xsl:value-of select="concat('&#10;', string-join(for $i in 1 to $depth return '  ', ''))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="html:indent">
            <xsl:with-param name="depth" select="$depth"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
