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
  xmlns:html="urn:x-tei-pipeline:html"
  exclude-result-prefixes="#all">

  <!-- Elements around which whitespace is not significant in HTML. -->
  <xsl:variable name="html:layout-elements" as="xs:string+" select="('html', 'head', 'body',
    'header', 'nav', 'main', 'footer', 'section', 'article', 'aside', 'div', 'ul', 'ol', 'li',
    'dl', 'dt', 'dd', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'meta', 'link', 'title',
    'blockquote', 'figure', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'label', 'hr')"/>

  <!-- True when the element holds only layout elements (and whitespace). -->
  <xsl:function name="html:element-only" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*) and not($e/text()[normalize-space()])
      and (every $c in $e/* satisfies local-name($c) = $html:layout-elements)"/>
  </xsl:function>

  <xsl:template match="text() | comment() | processing-instruction()" mode="html:indent">
    <xsl:copy/>
  </xsl:template>

  <xsl:template match="*" mode="html:indent">
    <xsl:param name="depth" as="xs:integer" select="0"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:choose>
        <xsl:when test="html:element-only(.)">
          <xsl:for-each select="*">
            <xsl:value-of select="concat('&#10;', string-join(for $i in 0 to $depth return '  ', ''))"/>
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
