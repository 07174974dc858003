<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's own facts, as its configuration gives them (src/core/edition-facts.ts,
  tei-pipeline.config.json "edition"), passed by the pipeline as one JSON string. They
  complete or replace the document header's facts where the header cannot know them:
  the edition's title and public URL, its makers and publisher. A fact the configuration
  leaves out falls back to the header (ed:header-facts), and is never made up.

  Facts added to ed:header-facts by ed:facts:
    edition-title   configured title
    base-url        configured baseUrl, ending in "/"
    page-url        base-url + <id>.html: the document's page in the public edition
    cmif-url        base-url + cmif/<id>.xml: where the letter's CMIF file is to be published
    publisher-type  "Organizational" unless the configured publisher says "Personal"
    edition-created the earliest revisionDesc//change/@when (the edition's own beginning)
  Facts replaced when configured:
    editors         the configured editors, as TEI name elements (persName "Family, Given"
                    for a person, orgName for an organisation; an ORCID iD in @key)
    publisher       the configured publisher's name
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The edition's facts as JSON (EditionFacts); default: none configured. -->
  <xsl:param name="edition-json" as="xs:string" select="'{}'"/>

  <xsl:variable name="ed:edition" as="map(*)" select="parse-json($edition-json)"/>

  <!-- A configured string fact, trimmed; empty when absent. -->
  <xsl:function name="ed:edition-string" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($ed:edition($key)[. instance of xs:string] ! normalize-space(.))[. != '']"/>
  </xsl:function>

  <!-- The header's facts, completed by the edition's configured ones. -->
  <xsl:function name="ed:facts" as="map(xs:string, item()*)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="header" select="ed:header-facts($doc)"/>
    <xsl:variable name="base" select="ed:edition-string('baseUrl') ! (if (ends-with(., '/')) then . else concat(., '/'))"/>
    <xsl:variable name="editors" select="ed:edition-agents($ed:edition?editors)"/>
    <xsl:variable name="publisher" select="$ed:edition?publisher[. instance of map(*)]"/>
    <xsl:variable name="configured" as="map(xs:string, item()*)" select="map:merge((
      if (exists($editors)) then map{'editors': $editors} else (),
      if (normalize-space($publisher?name)) then map{'publisher': normalize-space($publisher?name)} else (),
      map{'publisher-type': if ($publisher?type = 'Personal') then 'Personal' else 'Organizational'},
      map{'edition-created': (for $w in root($doc)//teiHeader/revisionDesc//change/@when[ed:is-iso-date(string(.))]
                              return string($w)) => min()},
      ed:edition-string('title') ! map{'edition-title': .},
      $base ! map{'base-url': ., 'page-url': concat(., $header('id'), '.html'),
                  'cmif-url': concat(., 'cmif/', $header('id'), '.xml')}))"/>
    <xsl:sequence select="map:merge(($configured, $header), map{'duplicates': 'use-first'})"/>
  </xsl:function>

  <!-- Configured agents ({"name", "type", "orcid"}) as TEI name elements. -->
  <xsl:function name="ed:edition-agents" as="element()*">
    <xsl:param name="agents" as="item()?"/>
    <xsl:variable name="list" select="if ($agents instance of array(*)) then $agents?* else ()"/>
    <xsl:for-each select="$list[. instance of map(*)][normalize-space(?name) != '']">
      <xsl:element name="{if (?type = 'Organizational') then 'orgName' else 'persName'}" namespace="http://www.tei-c.org/ns/1.0">
        <xsl:if test="normalize-space(?orcid)"><xsl:attribute name="key" select="normalize-space(?orcid)"/></xsl:if>
        <xsl:value-of select="normalize-space(?name)"/>
      </xsl:element>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
