<?xml version="1.0" encoding="UTF-8"?>
<!--
  Corpus pages, written by the initial template "corpus": index.html (every document with
  its date, title and participants) and one page per register (register.xsl). Parameters:
  $documents (or $document-uris) and $registers, declared in html.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- The registers: output file, heading, and the entries' element name. -->
  <xsl:variable name="html:register-pages" as="element()*">
    <page href="persons.html" title="Persons" entry="person"/>
    <page href="places.html" title="Places" entry="place"/>
    <page href="orgs.html" title="Organisations" entry="org"/>
    <page href="events.html" title="Agreements and negotiations" entry="event"/>
  </xsl:variable>

  <xsl:template name="corpus">
    <!-- Every id is checked before anything is written. -->
    <xsl:variable name="ids" select="$documents ! ed:document-id(.)"/>
    <xsl:variable name="edition" select="html:edition-title($documents[1])"/>
    <xsl:result-document href="index.html" format="html">
      <xsl:call-template name="html:page">
        <xsl:with-param name="title" select="'Documents'"/>
        <xsl:with-param name="edition" select="$edition"/>
        <xsl:with-param name="current" select="'index.html'"/>
        <xsl:with-param name="content" as="element()*">
          <h1>Documents</h1>
          <xsl:choose>
            <xsl:when test="empty($documents)"><p>The edition has no documents yet.</p></xsl:when>
            <xsl:otherwise>
              <ol class="documents">
                <xsl:for-each select="$documents">
                  <xsl:sort select="string(ed:document-date(.))"/>
                  <xsl:sort select="ed:document-id(.)"/>
                  <xsl:call-template name="html:index-entry"/>
                </xsl:for-each>
              </ol>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:for-each select="$html:register-pages">
      <xsl:variable name="page" select="."/>
      <xsl:result-document href="{@href}" format="html">
        <xsl:call-template name="html:page">
          <xsl:with-param name="title" select="string(@title)"/>
          <xsl:with-param name="edition" select="$edition"/>
          <xsl:with-param name="current" select="string(@href)"/>
          <xsl:with-param name="content" as="element()*">
            <h1>{@title}</h1>
            <xsl:variable name="entries" select="$registers//*[local-name() = $page/@entry][@xml:id]
                                                  [namespace-uri() = 'http://www.tei-c.org/ns/1.0']"/>
            <xsl:if test="empty($entries)"><p>This register has no entries yet.</p></xsl:if>
            <xsl:for-each select="$entries">
              <xsl:sort select="lower-case(ed:sort-name(.))"/>
              <xsl:sort select="string(@xml:id)"/>
              <xsl:apply-templates select="." mode="html:entry"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!-- One document in the index: date, title (the link), participants. -->
  <xsl:template name="html:index-entry">
    <xsl:variable name="f" select="ed:header-facts(.)"/>
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <li class="document" id="doc-{$id}">
      <p class="document-date"><xsl:sequence select="html:time(ed:document-date(.))"/></p>
      <p class="document-title"><a href="{$id}.html">{$f('title')}</a></p>
      <xsl:variable name="people" select="ed:participants(.)"/>
      <xsl:if test="exists($people)">
        <p class="document-participants">
          <span class="label">Participants: </span>
          <xsl:for-each select="$people">
            <xsl:if test="position() gt 1">, </xsl:if>
            <xsl:sequence select="html:entry-link(., ed:display-name(ed:name-forms(.)[1]))"/>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:for-each select="$f('summary')[. != '']"><p class="document-summary">{.}</p></xsl:for-each>
    </li>
  </xsl:template>
</xsl:stylesheet>
