<?xml version="1.0" encoding="UTF-8"?>
<!--
  BibTeX (with the biblatex fields date, eventdate, langid-free) derived from the CSL-JSON
  structure, not from the TEI: manuscript -> @unpublished, other types -> @misc. Field
  values are braced and LaTeX-escaped; titles get a second pair of braces so that styles
  keep their capitals. Keys are the CSL ids. UTF-8, LF, one blank line between entries.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:cite="urn:x-tei-pipeline:cite"
  exclude-result-prefixes="#all">

  <xsl:variable name="cite:bib-months" as="xs:string+"
    select="('jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec')"/>

  <!-- Text safe inside a braced BibTeX field: the ten LaTeX special characters escaped. -->
  <xsl:function name="cite:tex" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="replace(replace(replace(normalize-space($s), '\\', '&#xE010;'),
      '([{}%&amp;$#_])', '\\$1'), '&#xE010;', '\\textbackslash{}')"/>
    <xsl:sequence select="replace(replace($t, '~', '\\textasciitilde{}'), '\^', '\\textasciicircum{}')"/>
  </xsl:function>

  <!-- "Family, Given and Family, Given"; a literal name braced whole. -->
  <xsl:function name="cite:bib-names" as="xs:string">
    <xsl:param name="names" as="element(fn:map)*"/>
    <xsl:sequence select="string-join($names ! (
      if (fn:string[@key = 'literal']) then concat('{', cite:tex(fn:string[@key = 'literal']), '}')
      else string-join((cite:tex(fn:string[@key = 'family']), fn:string[@key = 'given'] ! cite:tex(.)), ', ')),
      ' and ')"/>
  </xsl:function>

  <!-- An ISO date from CSL date-parts ("1977-05-13"). -->
  <xsl:function name="cite:iso-from-parts" as="xs:string?">
    <xsl:param name="date" as="element(fn:map)?"/>
    <xsl:variable name="p" select="$date/fn:array[@key = 'date-parts']/fn:array[1]/fn:number ! xs:integer(.)"/>
    <xsl:sequence select="if (empty($p)) then () else string-join((string($p[1]),
      subsequence($p, 2) ! format-number(., '00')), '-')"/>
  </xsl:function>

  <xsl:function name="cite:bibtex" as="xs:string">
    <xsl:param name="csl" as="element(fn:array)"/>
    <xsl:variable name="entries" as="xs:string*">
      <xsl:for-each select="$csl/fn:map">
        <xsl:variable name="s" select="fn:string"/>
        <xsl:variable name="issued" select="fn:map[@key = 'issued']"/>
        <xsl:variable name="parts" select="$issued/fn:array/fn:array[1]/fn:number ! xs:integer(.)"/>
        <xsl:variable name="fields" as="xs:string*" select="(
          fn:array[@key = 'author'] ! concat('author = {', cite:bib-names(fn:map), '}'),
          $s[@key = 'title'] ! concat('title = {{', cite:tex(.), '}}'),
          $parts[1] ! concat('year = {', ., '}'),
          $parts[2] ! concat('month = ', $cite:bib-months[$parts[2]]),
          cite:iso-from-parts($issued) ! concat('date = {', ., '}'),
          cite:iso-from-parts(fn:map[@key = 'event-date']) ! concat('eventdate = {', ., '}'),
          $s[@key = 'genre'] ! concat('type = {', cite:tex(.), '}'),
          string-join(($s[@key = 'archive_location'], $s[@key = 'archive'], $s[@key = 'archive-place']) ! cite:tex(.), ', ')
            [. != ''] ! concat('howpublished = {', ., '}'),
          $s[@key = 'note'] ! concat('note = {', cite:tex(.), '}'),
          $s[@key = 'language'] ! concat('language = {', cite:tex(.), '}'),
          $s[@key = 'keyword'] ! concat('keywords = {', cite:tex(.), '}'))"/>
        <xsl:sequence select="concat('@', if ($s[@key = 'type'] = 'manuscript') then 'unpublished' else 'misc',
          '{', $s[@key = 'id'], ',&#10;  ', string-join($fields, ',&#10;  '), '&#10;}&#10;')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($entries, '&#10;')"/>
  </xsl:function>
</xsl:stylesheet>
