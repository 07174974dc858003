<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates (docs/encoding-conventions.md, "Dates"): <date when="1977-02-25">, partial dates
  "1977-02" and "1977". Formatting is English and fixed, never from the build's locale
  or clock: the outputs must not depend on where or when they are built.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:variable name="ed:month-names" as="xs:string+" select="('January', 'February',
    'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December')"/>

  <!-- True for an ISO 8601 calendar date, year-month or year that exists. ISO digits are 0-9
       (XPath's \d is every Unicode digit, and saxon-js builds that class anew at each call). -->
  <xsl:function name="ed:is-iso-date" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="
      if (matches($value, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')) then $value castable as xs:date
      else if (matches($value, '^[0-9]{4}-[0-9]{2}$')) then concat($value, '-01') castable as xs:date
      else matches($value, '^[0-9]{4}$')"/>
  </xsl:function>

  <!-- The ISO value of a dating element: @when, else @from, @notBefore, @notAfter, @to.
       Empty when none of them holds a valid ISO date. -->
  <xsl:function name="ed:iso-date" as="xs:string?">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="($element/(@when, @from, @notBefore, @notAfter, @to)
                            [ed:is-iso-date(string(.))] ! string(.))[1]"/>
  </xsl:function>

  <!-- Year, month and day of an ISO date as integers (CSL "date-parts"). -->
  <xsl:function name="ed:date-parts" as="xs:integer*">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="if (ed:is-iso-date($iso))
                          then tokenize($iso, '-') ! xs:integer(.) else ()"/>
  </xsl:function>

  <!-- "February 26, 1977", "February 1977", "1977"; other strings unchanged. -->
  <xsl:function name="ed:format-date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="p" select="ed:date-parts($iso)"/>
    <xsl:sequence select="
      if (count($p) = 3) then concat($ed:month-names[$p[2]], ' ', $p[3], ', ', $p[1])
      else if (count($p) = 2) then concat($ed:month-names[$p[2]], ' ', $p[1])
      else if (count($p) = 1) then string($p[1])
      else string($iso)"/>
  </xsl:function>

  <!-- "1977/02/26/" as RIS wants it (year, month, day, each optional). -->
  <xsl:function name="ed:ris-date" as="xs:string">
    <xsl:param name="parts" as="xs:integer*"/>
    <xsl:sequence select="concat(string-join((string($parts[1]),
      for $n in subsequence($parts, 2) return format-number($n, '00'),
      for $i in (count($parts) + 1 to 3) return ''), '/'), '/')"/>
  </xsl:function>

  <!-- A date element's displayed text, or its formatted ISO value when it is empty. -->
  <xsl:function name="ed:date-label" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (normalize-space($element) != '') then normalize-space($element)
                          else ed:format-date(ed:iso-date($element))"/>
  </xsl:function>
</xsl:stylesheet>
