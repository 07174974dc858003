<?xml version="1.0" encoding="UTF-8"?>
<!--
  BibTeX derived from the CSL-JSON structure, not from the TEI, in fields that both BibTeX
  (plain.bst) and biblatex know: every entry is @misc (the record and the letter are
  archival documents, published here in the edition), with author, title, year and month
  of the source, howpublished for where the source is (archive location, archive, place),
  note for the edition it is published in (title, publisher, year) and the editors' note,
  and url and doi once known (read by natbib's and biblatex's styles, ignored by plain).
  language is a language name as biblatex's babel/polyglossia support wants it ("english").
  No biblatex-only field (date, eventdate, keywords, langid). Values are braced and
  LaTeX-escaped; titles get a second pair of braces so that styles keep their capitals.
  Keys are the CSL ids. UTF-8, LF, one blank line between entries.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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

  <!-- A BCP 47 language as the language name biblatex knows ("en" -> "english"); nothing
       for a language not listed (no guess). -->
  <xsl:variable name="cite:bib-languages" as="map(xs:string, xs:string)" select="map{
    'en': 'english', 'de': 'ngerman', 'fr': 'french', 'ru': 'russian', 'it': 'italian', 'es': 'spanish',
    'la': 'latin', 'pl': 'polish', 'cs': 'czech', 'nl': 'dutch', 'pt': 'portuguese', 'uk': 'ukrainian',
    'el': 'greek', 'sv': 'swedish'}"/>

  <xsl:function name="cite:bib-language" as="xs:string?">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="primary" select="lower-case(tokenize($lang, '-')[1])"/>
    <xsl:sequence select="if (map:contains($cite:bib-languages, $primary)) then $cite:bib-languages($primary) else ()"/>
  </xsl:function>

  <xsl:function name="cite:bibtex" as="xs:string">
    <xsl:param name="csl" as="element(fn:array)"/>
    <xsl:variable name="entries" as="xs:string*">
      <xsl:for-each select="$csl/fn:map">
        <xsl:variable name="s" select="fn:string"/>
        <xsl:variable name="issued" select="fn:map[@key = 'issued']"/>
        <xsl:variable name="parts" select="$issued/fn:array/fn:array[1]/fn:number ! xs:integer(.)"/>
        <!-- "Published in: Title, Publisher, 2026." or, without a configured title, "Published by
             Publisher, 2026.": the edition this copy of the source comes from. -->
        <xsl:variable name="by" select="string-join(($s[@key = 'publisher'] ! cite:tex(.),
          cite:iso-from-parts(fn:map[@key = 'available-date']) ! substring(., 1, 4)), ', ')"/>
        <xsl:variable name="edition" select="
          if ($s[@key = 'container-title']) then string-join((concat('Published in: ', cite:tex($s[@key = 'container-title'])), $by[. != '']), ', ')
          else if ($by != '') then concat('Published by ', $by) else ''"/>
        <xsl:variable name="fields" as="xs:string*" select="(
          fn:array[@key = 'author'] ! concat('author = {', cite:bib-names(fn:map), '}'),
          $s[@key = 'title'] ! concat('title = {{', cite:tex(.), '}}'),
          $parts[1] ! concat('year = {', ., '}'),
          $parts[2] ! concat('month = ', $cite:bib-months[$parts[2]]),
          string-join(($s[@key = 'archive_location'], $s[@key = 'archive'], $s[@key = 'archive-place']) ! cite:tex(.), ', ')
            [. != ''] ! concat('howpublished = {', ., '}'),
          string-join(($edition[. != ''] ! concat(., '.'), $s[@key = 'note'] ! cite:tex(.)), ' ')
            [. != ''] ! concat('note = {', ., '}'),
          $s[@key = 'URL'] ! concat('url = {', ., '}'),
          $s[@key = 'DOI'] ! concat('doi = {', cite:tex(.), '}'),
          $s[@key = 'language'] ! cite:bib-language(.) ! concat('language = {', ., '}'))"/>
        <xsl:sequence select="concat('@misc',
          '{', $s[@key = 'id'], ',&#10;  ', string-join($fields, ',&#10;  '), '&#10;}&#10;')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($entries, '&#10;')"/>
  </xsl:function>
</xsl:stylesheet>
