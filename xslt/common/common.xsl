<?xml version="1.0" encoding="UTF-8"?>
<!--
  The format-neutral layer, the one file each format's entry stylesheet imports:
    xsl:import href="../common/common.xsl"
  The entry then overrides the hooks (hooks.xsl, notes.xsl's ed:footnote) and declares its
  own parameters. Everything here lives in the namespace urn:x-tei-pipeline:edition (ed:).

  Plain XSLT 3.0: it must compile for saxon-js (xslt3 -export) and run on Saxon-HE 9.9,
  so no higher-order functions (no inline functions, function items or fn:sort with a key),
  no ixsl: and no saxon: extensions. Nothing may read the clock or the environment:
  outputs are byte-identical between runs.

  Modules:
    document.xsl     document id (checked: a safe file name), language, date
    header.xsl       ed:header-facts: the teiHeader as a map of named facts
    edition.xsl      ed:facts: those completed by the edition's configured facts (edition-json)
    pointers.xsl     prefixDef expansion, register lookup, safe hrefs, mentions key
    names.xsl        standard names, sort names, family/given split
    dates.xsl        ISO dates, English formatting, CSL and RIS date parts
    notes.xsl        footnotes vs. the source's own glosses, numbering
    hooks.xsl        the hooks with their defaults
    text-blocks.xsl  mode ed:text: divisions, blocks, lined openers/closers, loose text
    text-inline.xsl  mode ed:text: names, dates, choice, notes, links, highlighting
    text-source.xsl  mode ed:text: stamps, speech, ellipsis and gap, page and line breaks
    text-structures.xsl  mode ed:text: tables, figures, and every other element (kept)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:ed="urn:x-tei-pipeline:edition"
  exclude-result-prefixes="#all">

  <xsl:include href="document.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="edition.xsl"/>
  <xsl:include href="pointers.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="hooks.xsl"/>
  <xsl:include href="text-blocks.xsl"/>
  <xsl:include href="text-inline.xsl"/>
  <xsl:include href="text-source.xsl"/>
  <xsl:include href="text-structures.xsl"/>
</xsl:stylesheet>
