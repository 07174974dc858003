<?xml version="1.0" encoding="UTF-8"?>
<!--
  The hooks of common/hooks.xsl for plain text. Every hook returns strings in which two
  private-use characters mark the structure: $txt:BB between blocks and $txt:LB between
  the lines of a block (a stamp's lines). txt:blocks then cuts the string into blocks and
  lines, collapses whitespace (the TEI's layout whitespace is not text) and drops empty
  blocks; txt:join joins the blocks by one blank line. Lines are never wrapped.
  The tunnel parameter $txt:view ("reading" or "diplomatic") decides what an
  intervention, a note and a page break become.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:txt="urn:x-tei-pipeline:text"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- U+E001 and U+E000 do not occur in TEI text (private use area). -->
  <xsl:variable name="txt:BB" as="xs:string" select="'&#xE001;'"/>
  <xsl:variable name="txt:LB" as="xs:string" select="'&#xE000;'"/>

  <!-- The blocks of a marked-up sequence, each a string of one or more lines. -->
  <xsl:function name="txt:blocks" as="xs:string*">
    <xsl:param name="items" as="item()*"/>
    <xsl:for-each select="tokenize(string-join($items ! string(.), ''), $txt:BB)">
      <xsl:variable name="lines" select="tokenize(., $txt:LB) ! normalize-space(.)"/>
      <xsl:if test="some $l in $lines satisfies $l != ''">
        <xsl:sequence select="string-join($lines[. != ''], '&#10;')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- The file: blocks separated by one blank line, ending with a newline. -->
  <xsl:function name="txt:join" as="xs:string">
    <xsl:param name="blocks" as="xs:string*"/>
    <xsl:sequence select="concat(string-join($blocks[. != ''], '&#10;&#10;'), '&#10;')"/>
  </xsl:function>
  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$txt:BB, $content ! string(.), $txt:BB"/>
  </xsl:template>

  <!-- A lined opener or closer is a run of blocks: its line breaks separate them. -->
  <xsl:template name="ed:container">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$txt:BB, $content ! string(.), $txt:BB"/>
  </xsl:template>

  <!-- "[Stamp] text", or "[Stamp]" and then the stamp's lines, one a line. -->
  <xsl:template name="ed:stamp">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="text" select="string-join($content ! string(.), '')"/>
    <xsl:variable name="label" select="if ($block and $type != 'signature'
      and not(starts-with(normalize-space($text), $stamp-label))) then $stamp-label else ()"/>
    <xsl:sequence select="
      if (not($block)) then $text
      else ($txt:BB, $label, if (exists($label) and contains($text, $txt:LB)) then $txt:LB else ' ',
            $text, $txt:BB)"/>
  </xsl:template>

  <xsl:template name="ed:choice">
    <xsl:param name="reading" as="item()*"/>
    <xsl:param name="original" as="item()*"/>
    <xsl:param name="txt:view" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="(if ($txt:view = 'diplomatic') then $original else $reading) ! string(.)"/>
  </xsl:template>

  <xsl:template name="ed:note-ref">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="txt:view" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="if ($txt:view = 'reading') then concat('[', $n, ']') else ()"/>
  </xsl:template>

  <!-- "line": the source's line or block division (a new block); "stamp": a new line. -->
  <xsl:template name="ed:lb">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($kind = 'line') then $txt:BB else if ($kind = 'stamp') then $txt:LB else ' '"/>
  </xsl:template>

  <!-- The reading text joins the pages. The diplomatic text marks each break where it falls,
       " [p. 2] ": the edition's marker (the source's pages are inferred), which the fidelity test
       leaves out when it compares the words with the transcription. -->
  <xsl:template name="ed:pb">
    <xsl:param name="n" as="xs:string"/>
    <xsl:param name="txt:view" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="if ($txt:view = 'diplomatic' and $n != '') then concat(' [p. ', $n, '] ') else ()"/>
  </xsl:template>
</xsl:stylesheet>
