<?xml version="1.0" encoding="UTF-8"?>
<!--
  RIS derived from the CSL-JSON structure, not from the TEI. Each line is a tag, two
  spaces, a hyphen, a space and the value ("TY  - MANSCPT"); a record ends with "ER  - ".
  Lines end with LF (not the CRLF of the 1990s specification: readers accept both, and
  every output of the pipeline uses LF); UTF-8; one blank line between records.
  Tags follow the RIS specification's generic meanings: AU author, A2 recipient (personal
  communication), TI title, PY year, DA date "YYYY/MM/DD/", M3 type of work, AN archive
  location, DB archive, LA language, KW keyword, N1 note, AB abstract.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:cite="urn:x-tei-pipeline:cite"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- CSL types and their RIS types. -->
  <xsl:variable name="cite:ris-types" as="map(xs:string, xs:string)"
    select="map{'manuscript': 'MANSCPT', 'personal_communication': 'PCOMM', 'letter': 'PCOMM',
                'document': 'GEN', 'dataset': 'DATA'}"/>

  <!-- One line; a value is one line, so line breaks in it become spaces. -->
  <xsl:function name="cite:ris-line" as="xs:string">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="concat($tag, '  - ', normalize-space($value))"/>
  </xsl:function>

  <xsl:function name="cite:ris-names" as="xs:string*">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="names" as="element(fn:map)*"/>
    <xsl:sequence select="$names ! cite:ris-line($tag, (fn:string[@key = 'literal'],
      string-join((fn:string[@key = 'family'], fn:string[@key = 'given']), ', '))[1])"/>
  </xsl:function>

  <xsl:function name="cite:ris" as="xs:string">
    <xsl:param name="csl" as="element(fn:array)"/>
    <xsl:variable name="records" as="xs:string*">
      <xsl:for-each select="$csl/fn:map">
        <xsl:variable name="s" select="fn:string"/>
        <xsl:variable name="parts" select="fn:map[@key = 'issued']/fn:array/fn:array[1]/fn:number ! xs:integer(.)"/>
        <xsl:variable name="type" select="string($s[@key = 'type'])"/>
        <xsl:sequence select="string-join((
          cite:ris-line('TY', if (map:contains($cite:ris-types, $type)) then $cite:ris-types($type) else 'GEN'),
          $s[@key = 'id'] ! cite:ris-line('ID', .),
          cite:ris-names('AU', fn:array[@key = 'author']/fn:map),
          cite:ris-names('A2', fn:array[@key = 'recipient']/fn:map),
          $s[@key = 'title'] ! cite:ris-line('TI', .),
          $parts[1] ! cite:ris-line('PY', string(.)),
          if (exists($parts)) then cite:ris-line('DA', ed:ris-date($parts)) else (),
          $s[@key = 'genre'] ! cite:ris-line('M3', .),
          $s[@key = 'archive_location'] ! cite:ris-line('AN', .),
          $s[@key = 'archive'] ! cite:ris-line('DB', .),
          $s[@key = 'container-title'] ! cite:ris-line('T2', .),
          $s[@key = 'publisher'] ! cite:ris-line('PB', .),
          $s[@key = 'URL'] ! cite:ris-line('UR', .),
          $s[@key = 'DOI'] ! cite:ris-line('DO', .),
          $s[@key = 'language'] ! cite:ris-line('LA', .),
          tokenize($s[@key = 'keyword'], ',\s*')[. != ''] ! cite:ris-line('KW', .),
          $s[@key = 'abstract'] ! cite:ris-line('AB', .),
          $s[@key = 'note'] ! cite:ris-line('N1', .),
          'ER  - '), '&#10;')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="concat(string-join($records, '&#10;&#10;'), '&#10;')"/>
  </xsl:function>
</xsl:stylesheet>
