<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral traversal of the text, part 4: the structures of TEI editions at large
  (tables, figures, drama, verse, quotations, bibliographies, transcription) and every
  element the other parts do not know. Each calls one hook, with a default here that keeps
  the content: no text of the source is ever dropped.
    ed:table-part  table, row, cell ($part)
    ed:figure      figure, with its first graphic's published copy ($src) and description ($alt)
    ed:graphic     graphic: its published copy ($src, relative to the page), or its http(s)
                   address ($href, linked, never fetched), and its description ($alt)
    ed:element     any other element: $name is its TEI name, $block whether it holds blocks
  Parameter:
    pictures-json  JSON object from each graphic's @url (as written) to the copy of the
                   picture the build published for the page, relative to the page
                   (src/pipeline/stages/pictures.ts); default: none. A local @url not in it
                   (missing, outside the edition: tei/graphic-resolves warns) shows nothing.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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

  <xsl:param name="pictures-json" as="xs:string" select="'{}'"/>

  <xsl:variable name="ed:pictures" as="map(*)" select="parse-json($pictures-json)"/>

  <!-- The published copy of the picture at $url, relative to the page; empty when the build
       published none: the edition never shows a picture it does not publish itself. -->
  <xsl:function name="ed:picture-src" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="if (exists($url)) then map:get($ed:pictures, $url)[. instance of xs:string] else ()"/>
  </xsl:function>

  <!-- What a graphic shows, in words: its own desc, else its figure's figDesc, else the
       figure's head; empty when nothing says. -->
  <xsl:function name="ed:graphic-alt" as="xs:string">
    <xsl:param name="graphic" as="element()"/>
    <xsl:variable name="figure" select="$graphic/ancestor::figure[1]"/>
    <xsl:sequence select="string((($graphic/desc, $figure/figDesc, $figure/head)
      ! normalize-space(string-join(.//text(), ' ')))[. != ''][1])"/>
  </xsl:function>

  <xsl:template match="table | row | cell" mode="ed:text">
    <xsl:call-template name="ed:table-part">
      <xsl:with-param name="part" select="if (self::row and @role = 'label') then 'head-row' else local-name()"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="figure" mode="ed:text">
    <xsl:call-template name="ed:figure">
      <xsl:with-param name="src" select="ed:picture-src(descendant::graphic[1]/@url)"/>
      <xsl:with-param name="alt" select="normalize-space(string-join(figDesc, ' '))"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="graphic" mode="ed:text">
    <xsl:call-template name="ed:graphic">
      <xsl:with-param name="src" select="ed:picture-src(@url)"/>
      <xsl:with-param name="href" select="normalize-space(@url)[matches(., '^https?://[^\s\p{Cc}\\]+$', 'i')]"/>
      <xsl:with-param name="alt" select="ed:graphic-alt(.)"/>
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

  <xsl:template name="ed:graphic">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
  </xsl:template>

  <xsl:template name="ed:element">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>
</xsl:stylesheet>
