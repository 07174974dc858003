<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text (out/text/). Entry stylesheet: imports the format-neutral layer and defines
  the hooks (text-hooks.xsl) for two views of the text, selected by the tunnel parameter
  $view: "reading" (corrections applied, editorial notes as numbered endnotes) and
  "diplomatic" (as the source reads). Conventions: README.md beside this file.

  Invocation: source = one TEI document, initial mode (default). The principal result is
  empty; it writes <id>.txt and <id>.diplomatic.txt relative to the base output URI.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:txt="urn:x-tei-pipeline:text"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="text-hooks.xsl"/>
  <xsl:include href="text-structures.xsl"/>

  <!-- UTF-8, LF line ends (the text is built with &#10; only), final newline. -->
  <xsl:output name="text" method="text" encoding="UTF-8"/>
  <xsl:output method="text"/>

  <!-- The label put before a stamp that stands by itself, as the source transcription
       does ("[Stamp] Declassified 03.30.94."). A stamp of type signature gets none. -->
  <xsl:param name="stamp-label" as="xs:string" select="'[Stamp]'"/>

  <!-- Heading of the endnotes section of the reading text. -->
  <xsl:param name="notes-heading" as="xs:string" select="'Notes'"/>

  <xsl:template match="/">
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <xsl:result-document href="{$id}.txt" format="text">
      <xsl:value-of select="txt:join((txt:front-matter(.), txt:body(., 'reading'), txt:endnotes(.)))"/>
    </xsl:result-document>
    <xsl:result-document href="{$id}.diplomatic.txt" format="text">
      <xsl:value-of select="txt:join(txt:body(., 'diplomatic'))"/>
    </xsl:result-document>
  </xsl:template>

  <!-- The text of the document, in one view, as a sequence of blocks. -->
  <xsl:function name="txt:body" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="items" as="item()*">
      <xsl:apply-templates select="$doc/*/(text | .//TEI/text)" mode="ed:text">
        <xsl:with-param name="txt:view" tunnel="yes" select="$view"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="txt:blocks($items)"/>
  </xsl:function>

  <!-- Title, dates and source from the header, at the top of the reading text. -->
  <xsl:function name="txt:front-matter" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="f" select="ed:header-facts($doc)"/>
    <xsl:sequence select="string-join(($f('title'), $f('subtitle')), '&#10;'),
      string-join((
        $f('date-event') ! concat('Date: ', ed:format-date(.)),
        $f('date-written')[not(. = $f('date-event'))] ! concat('Written: ', ed:format-date(.)),
        string-join(($f('archive-location'), $f('repository'), $f('archive-place'))[. != ''], ', ')[. != ''] ! concat('Source: ', .),
        concat('Edition: ', string-join(($f('publisher'), $f('id')), ', '))[$f('publisher')],
        $f('licence')[. != ''] ! concat('Licence: ', .)), '&#10;')"/>
  </xsl:function>

  <!-- The editorial notes, numbered as their markers in the reading text. -->
  <xsl:function name="txt:endnotes" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="notes" as="item()*">
      <xsl:for-each select="ed:footnotes($doc)">
        <xsl:sequence select="$txt:BB, concat('[', position(), '] ')"/>
        <xsl:apply-templates mode="ed:text">
          <xsl:with-param name="txt:view" tunnel="yes" select="'reading'"/>
        </xsl:apply-templates>
        <xsl:sequence select="$txt:BB"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($notes)) then ($notes-heading, txt:blocks($notes)) else ()"/>
  </xsl:function>
</xsl:stylesheet>
