<?xml version="1.0" encoding="UTF-8"?>
<!--
  The hooks: named templates that the format-neutral traversal (text-blocks.xsl,
  text-inline.xsl) calls, with defaults that just pass the content through. Each format's
  entry stylesheet overrides them (import precedence), as the TEIC Stylesheets do with
  makeBlock/makeInline. The context item of every hook is the TEI element concerned;
  $content is that element's children already processed in mode ed:text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A division holding blocks: front, body, div, floatingText, opener, closer, postscript.
       $kind: the element name, or "letter" etc. for floatingText/@type. -->
  <xsl:template name="ed:container">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A block: p, ab, head, dateline, salute, signed, trailer, byline, l, item, fw, label.
       $kind: the element name and @type ("ab letterhead"). $content includes the loose
       text of the division that belongs to the block (text-blocks.xsl). -->
  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A stamp. $block: it stands alone in its block (a physical stamp on the page, the
       source's "[Stamp]"), rather than inside a sentence; $type: its @type. -->
  <xsl:template name="ed:stamp">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A name with @ref; $entry: the register entry it resolves to, if any. -->
  <xsl:template name="ed:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A date; $iso: its normalised ISO value, if valid. -->
  <xsl:template name="ed:date">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- Direct speech (said). $speaker: the register entry of @who; $block: it holds paragraphs. -->
  <xsl:template name="ed:said">
    <xsl:param name="speaker" as="element()?"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- An editorial intervention (choice). $reading: corr, reg or expan processed;
       $original: sic, orig or abbr processed. -->
  <xsl:template name="ed:choice">
    <xsl:param name="reading" as="item()*"/>
    <xsl:param name="original" as="item()*"/>
    <xsl:sequence select="$reading"/>
  </xsl:template>

  <!-- An omission: ellipsis (marked in the source) or gap (by the editors). $marker: what
       the source shows, "(...)" or "(signature)"; $label: what is missing, in words. -->
  <xsl:template name="ed:gap">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:value-of select="$marker"/>
  </xsl:template>

  <!-- The place of a footnote in the text; $n: its number (notes.xsl). -->
  <xsl:template name="ed:note-ref">
    <xsl:param name="n" as="xs:integer"/>
  </xsl:template>

  <!-- A note that stands in the running text (a translator's gloss in the source). -->
  <xsl:template name="ed:gloss">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A page break; $n: the page number (@n). -->
  <xsl:template name="ed:pb">
    <xsl:param name="n" as="xs:string"/>
  </xsl:template>

  <!-- A line break; $kind from ed:lb-kind: "stamp", "text" or "line". -->
  <xsl:template name="ed:lb">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A block used as a phrase: seg, or a dateline, byline, signed... on a line of a
       lined opener or closer (text-blocks.xsl). $kind: element name and @type. -->
  <xsl:template name="ed:segment">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A link (ref, ptr). $href: a safe URI or empty (ed:safe-href); never an unsafe one. -->
  <xsl:template name="ed:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- Highlighted text (hi, emph, foreign, title); $rend: @rend or the element name. -->
  <xsl:template name="ed:highlight">
    <xsl:param name="rend" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>
</xsl:stylesheet>
