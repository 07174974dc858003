<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML hooks of common/text-structures.xsl: tables, figures, and every other TEI element
  as a div (when it holds blocks) or span carrying its TEI name as a class ("tei-sp"), so an
  edition's CSS can style what the stylesheets do not know. add and del keep their HTML
  meaning (ins, del).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template name="ed:table-part">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="$part = 'table'"><table class="tei-table"><tbody><xsl:sequence select="$content"/></tbody></table></xsl:when>
      <xsl:when test="$part = ('row', 'head-row')"><tr class="tei-row"><xsl:sequence select="$content"/></tr></xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
          <xsl:attribute name="class" select="'tei-cell'"/>
          <xsl:if test="@cols[. castable as xs:integer]"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
          <xsl:if test="@rows[. castable as xs:integer]"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
          <xsl:sequence select="$content"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The figure keeps its heading and description; its graphics show themselves (ed:graphic). -->
  <xsl:template name="ed:figure">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <figure class="tei-figure">
      <xsl:sequence select="$content"/>
    </figure>
  </xsl:template>

  <!-- A picture the build published next to the page; a picture on the web is a link to it (the
       page loads nothing from elsewhere); any other shows nothing, never a broken image. A
       picture nothing describes is marked decorative (empty alt), as WCAG asks. -->
  <xsl:template name="ed:graphic">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$src">
        <img class="tei-graphic" src="{$src}" alt="{$alt}">
          <xsl:if test="$alt = ''"><xsl:attribute name="role" select="'presentation'"/></xsl:if>
        </img>
      </xsl:when>
      <xsl:when test="$href">
        <a class="tei-graphic" href="{$href}"><xsl:value-of select="if ($alt != '') then $alt else $href"/></a>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:element">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:element name="{if ($name = 'add') then 'ins' else if ($name = 'del') then 'del'
                        else if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="string-join(('tei-' || $name, @rend ! tokenize(lower-case(.), '\s+')[matches(., '^[a-z0-9\-]+$')] ! ('rend-' || .)), ' ')"/>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
