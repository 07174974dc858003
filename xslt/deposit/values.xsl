<?xml version="1.0" encoding="UTF-8"?>
<!--
  Reading the deposit rows of the mapping table (xslt/common/csl-mapping.xsl, cite:deposit):
  which rows feed a target's key, and their values as the facts give them or formatted per
  @as. The writers (zenodo.xsl, datacite.xsl, oai-dc.xsl, cmif.xsl, bag-files.xsl) only
  place these values; none of them reads the TEI header itself.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:cite="urn:x-tei-pipeline:cite"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  exclude-result-prefixes="#all">

  <!-- The rows whose $target attribute (zenodo, datacite, dc, cmif, bag) is $key, in table
       order; every row with that attribute when $key is empty. -->
  <xsl:function name="dep:rows" as="element()*">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:sequence select="$cite:mapping/cite:deposit/cite:field
      [@*[local-name() = $target][empty($key) or string(.) = $key]]"/>
  </xsl:function>

  <!-- A row's raw values: its literal, else the values of the first fact it names that has any. -->
  <xsl:function name="dep:values" as="item()*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="names" select="tokenize(normalize-space($row/@fact), ' ')"/>
    <xsl:variable name="first" select="$names[exists($facts(.)[normalize-space(string(.)) != ''])][1]"/>
    <xsl:sequence select="if ($row/@value) then string($row/@value)
      else if (exists($first)) then $facts($first)[normalize-space(string(.)) != ''] else ()"/>
  </xsl:function>

  <!-- A row's values as strings, formatted per @as (see the table's comment); values a format
       cannot name (an unknown licence for Zenodo) are left out, never guessed. -->
  <xsl:function name="dep:strings" as="xs:string*">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:for-each select="dep:values($row, $facts)">
      <xsl:variable name="s" select="normalize-space(string(.))"/>
      <xsl:variable name="value" as="xs:string?" select="
        if ($row/@as = 'names') then dep:name(.)
        else if ($row/@as = 'id') then string(@xml:id)[. != '']
        else if ($row/@as = 'year') then substring($s, 1, 4)
        else if ($row/@as = 'spdx') then cite:spdx-id($s)
        else if ($row/@as = 'zenodo-licence') then dep:licence-id($s) ! lower-case(.)
        else if ($row/@as = 'iso639-3') then ($dep:iso639-3(lower-case(tokenize($s, '-')[1])), $s)[1]
        else if ($row/@as = 'doi-url') then concat('https://doi.org/', $s)
        else if (. instance of element()) then ed:name-text(ed:best-name(.))
        else $s"/>
      <xsl:sequence select="$value[. != ''] ! concat($row/@prefix, ., $row/@suffix)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The first formatted value of the rows for a key. -->
  <xsl:function name="dep:first" as="xs:string?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="(dep:rows($target, $key) ! dep:strings(., $facts))[1]"/>
  </xsl:function>

  <!-- A person or organisation as archives list creators: "Family, Given", or the literal name
       of an organisation or team. -->
  <xsl:function name="dep:name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="p" select="ed:name-parts(ed:best-name($name))"/>
    <xsl:sequence select="($p('literal'), string-join(($p('family'), $p('given')[. != '']), ', '))[1]"/>
  </xsl:function>

  <!-- True when a name is a person's (DataCite nameType Personal), not an organisation's. -->
  <xsl:function name="dep:is-person" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="not(map:contains(ed:name-parts(ed:best-name($name)), 'literal'))"/>
  </xsl:function>

  <!-- xml:lang, when the language is known. -->
  <xsl:function name="dep:lang" as="attribute()?">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:if test="$lang"><xsl:attribute name="xml:lang" select="$lang"/></xsl:if>
  </xsl:function>

  <!-- The SPDX id of a licence URI the table knows (cite:spdx); empty for any other licence. -->
  <xsl:function name="dep:licence-id" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:sequence select="cite:spdx-id(string($uri))[. != string($uri)]"/>
  </xsl:function>

  <!-- The kind of a real identifier, as DataCite's relatedIdentifierType names it. -->
  <xsl:function name="dep:identifier-type" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="
      if (matches($id, '^(https?://(dx\.)?doi\.org/)?10\.\d{4,9}/\S+$', 'i')) then 'DOI'
      else if (matches($id, '^(https?://hdl\.handle\.net/)?\d+(\.\d+)*/\S+$', 'i')) then 'Handle'
      else if (matches($id, '^urn:', 'i')) then 'URN'
      else if (matches($id, '^ark:/', 'i')) then 'ARK'
      else 'URL'"/>
  </xsl:function>

  <!-- Zenodo wants the main language as ISO 639-3; the header gives ISO 639-1 or a BCP 47 tag.
       Codes not listed here are passed on as they are (Zenodo maps two-letter codes itself). -->
  <xsl:variable name="dep:iso639-3" as="map(xs:string, xs:string)" select="map{
    'en': 'eng', 'de': 'deu', 'fr': 'fra', 'ru': 'rus', 'it': 'ita', 'es': 'spa', 'la': 'lat',
    'pl': 'pol', 'cs': 'ces', 'nl': 'nld', 'pt': 'por', 'uk': 'ukr', 'el': 'ell', 'sv': 'swe'}"/>
</xsl:stylesheet>
