<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names of register entries and of people in the header: the standard form, a sort key,
  and the family/given split that citations need. A name form is persName, placeName,
  orgName or name; the standard one is @type="standard", else the first.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The name forms of an entry, standard first. -->
  <xsl:function name="ed:name-forms" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="all" select="$entry/(persName | placeName | orgName | name | eventName)"/>
    <xsl:sequence select="($all[@type = 'standard'], $all[not(@type = 'standard')])"/>
  </xsl:function>

  <!-- A name element as one line of text. Parts without text between them
       (<forename>Cyrus</forename><surname>Vance</surname>) are joined by a space. -->
  <xsl:function name="ed:name-text" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="
      if (empty($name)) then ''
      else if ($name/* and not($name/text()[normalize-space()]))
      then normalize-space(string-join($name/*/normalize-space(), ' '))
      else normalize-space($name)"/>
  </xsl:function>

  <!-- The standard name of a register entry ("Cyrus Vance"); its id when it has no name. -->
  <xsl:function name="ed:standard-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="n" select="ed:name-text(ed:name-forms($entry)[1])"/>
    <xsl:sequence select="if ($n != '') then $n else string($entry/@xml:id)"/>
  </xsl:function>

  <!-- Family and given name of a name element: surname/forename when encoded, else the
       "Family, Given" form of the registers' standard names, else the last word is the
       family name. An organisation (orgName, or name not typed "person") has only a literal. -->
  <xsl:function name="ed:name-parts" as="map(xs:string, xs:string)">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="text" select="ed:name-text($name)"/>
    <xsl:variable name="words" select="tokenize($text, ' ')"/>
    <xsl:choose>
      <xsl:when test="$name/self::orgName or $name/self::name[not(@type = 'person')]">
        <xsl:sequence select="map{'literal': $text}"/>
      </xsl:when>
      <xsl:when test="$name//surname">
        <xsl:sequence select="map{
          'family': normalize-space(string-join($name//surname, ' ')),
          'given': normalize-space(string-join($name//forename, ' '))}"/>
      </xsl:when>
      <xsl:when test="contains($text, ',') and not($name/self::placeName)">
        <xsl:sequence select="map{'family': normalize-space(substring-before($text, ',')),
          'given': normalize-space(substring-after($text, ','))}"/>
      </xsl:when>
      <xsl:when test="count($words) gt 1">
        <xsl:sequence select="map{'family': $words[last()],
          'given': string-join($words[position() lt last()], ' ')}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map{'literal': $text}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The best name element for a person or organisation met in the header or text:
       the standard name of the register entry it points to, else the element itself. -->
  <xsl:function name="ed:best-name" as="element()">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="ed:targets($name, 'ref')[1]"/>
    <xsl:sequence select="if ($entry and ed:name-forms($entry)) then ed:name-forms($entry)[1] else $name"/>
  </xsl:function>

  <!-- "Vance, Cyrus" for sorting and register headings; the plain name otherwise. -->
  <xsl:function name="ed:sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="form" select="ed:name-forms($entry)[1]"/>
    <xsl:variable name="parts" select="if ($form) then ed:name-parts($form) else map{}"/>
    <xsl:sequence select="
      if ($entry/self::person and exists($parts('family')))
      then string-join(($parts('family'), $parts('given')[. != '']), ', ')
      else ed:standard-name($entry)"/>
  </xsl:function>

  <!-- A name in reading order: "Leonid Ilyich Brezhnev" from "Brezhnev, Leonid Ilyich". -->
  <xsl:function name="ed:display-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="parts" select="ed:name-parts($name)"/>
    <xsl:sequence select="($parts('literal'), string-join(($parts('given')[. != ''], $parts('family')), ' '))[1]"/>
  </xsl:function>

  <!-- Family name for display ("Dobrynin") or the whole name when it has no parts. -->
  <xsl:function name="ed:short-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="parts" select="ed:name-parts($name)"/>
    <xsl:sequence select="($parts('family'), $parts('literal'))[1]"/>
  </xsl:function>
</xsl:stylesheet>
