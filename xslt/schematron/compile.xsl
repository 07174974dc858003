<?xml version="1.0" encoding="UTF-8"?>
<!--
  Compiles the ISO Schematron subset the project uses (ns, let, pattern, rule, assert, report,
  name, value-of) into an XSLT 3.0 stylesheet, so the build runs exactly the rules oXygen runs.
  Why not SchXslt or the ISO skeleton: neither is on the npm registry, and this subset is small.

  The generated stylesheet writes, as text, one line per failed assert or successful report:
    role TAB id TAB path TAB attribute TAB message
  where path is the position of the context element among its parent's element children from the
  root down ("1/3/2"; the TypeScript side maps it back to line and column), attribute names the
  context attribute when the rule context is an attribute, and id is the assert's @id or else its
  pattern's @id.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:axsl="urn:x-tei-pipeline:alias"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tp="urn:x-tei-pipeline:schematron"
  exclude-result-prefixes="sch">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:template match="/sch:schema">
    <xsl:result-document href="schematron.xsl">
    <axsl:stylesheet version="3.0">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <axsl:output method="text"/>
      <xsl:apply-templates select="sch:let" mode="declare"/>
      <axsl:template match="/">
        <xsl:for-each select="sch:pattern">
          <axsl:apply-templates select="/" mode="pattern-{position()}"/>
        </xsl:for-each>
      </axsl:template>
      <!-- Where the context of a finding stands, as positions among element children. -->
      <axsl:function name="tp:path" as="xs:string">
        <axsl:param name="node" as="node()"/>
        <axsl:sequence select="string-join(($node/ancestor-or-self::* except $node/self::attribute()) ! string(count(preceding-sibling::*) + 1), '/')"/>
      </axsl:function>
      <xsl:apply-templates select="sch:pattern"/>
    </axsl:stylesheet>
    </xsl:result-document>
  </xsl:template>

  <xsl:template match="sch:let" mode="declare">
    <axsl:variable name="{@name}" select="{@value}"/>
  </xsl:template>

  <!-- One mode per pattern: as in ISO Schematron, a node is matched by the first rule of a pattern only. -->
  <xsl:template match="sch:pattern">
    <xsl:variable name="mode" select="'pattern-' || position()"/>
    <!-- Visit attributes only for patterns with a rule about attributes: most documents have many. -->
    <xsl:variable name="children" select="if (sch:rule[contains(@context, '@')]) then '@* | *' else '*'"/>
    <xsl:for-each select="sch:rule">
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
        <xsl:apply-templates select="sch:let" mode="declare"/>
        <xsl:apply-templates select="sch:assert | sch:report"/>
        <axsl:apply-templates select="{$children}" mode="{$mode}"/>
      </axsl:template>
    </xsl:for-each>
    <axsl:template match="@* | node()" mode="{$mode}" priority="-10">
      <axsl:apply-templates select="{$children}" mode="{$mode}"/>
    </axsl:template>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <axsl:if test="{if (self::sch:assert) then 'not(' || @test || ')' else @test}">
      <axsl:variable name="message" as="xs:string">
        <axsl:value-of>
          <xsl:apply-templates select="node()" mode="message"/>
        </axsl:value-of>
      </axsl:variable>
      <axsl:value-of select="string-join(('{(@role, 'error')[1]}', '{(@id, ../../@id)[1]}', tp:path(.),
          if (. instance of attribute()) then name() else '', normalize-space($message)), codepoints-to-string(9)) || codepoints-to-string(10)"/>
    </axsl:if>
  </xsl:template>

  <xsl:template match="sch:name" mode="message">
    <axsl:value-of select="name({(@path, '.')[1]})"/>
  </xsl:template>

  <xsl:template match="sch:value-of" mode="message">
    <axsl:value-of select="{@select}"/>
  </xsl:template>

  <xsl:template match="text()" mode="message">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>
</xsl:stylesheet>
