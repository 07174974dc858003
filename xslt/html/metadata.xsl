<?xml version="1.0" encoding="UTF-8"?>
<!--
  The panels after the text: "About this document" (source description, provenance,
  editorial principles, revision history, licence) and "Cite this document". Header prose
  goes through mode html:prose: its paragraphs become plain <p> (no ids, no permalinks),
  its phrases the same HTML as in the text (mode ed:text).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:include href="sources.xsl"/>

  <xsl:mode name="html:prose" on-no-match="shallow-skip"/>
  <xsl:template match="p | ab | summary | origin | provenance | acquisition | change | licence | bibl
                       | physDesc[not(p)] | objectDesc | handDesc | editorialDecl/*[not(p)]" mode="html:prose">
    <p><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>
  <xsl:template match="additions | decoDesc | bindingDesc" mode="html:prose">
    <xsl:apply-templates select="p, list" mode="html:prose"/>
  </xsl:template>
  <xsl:template match="list" mode="html:prose">
    <ul><xsl:apply-templates select="item" mode="html:prose"/></ul>
  </xsl:template>
  <xsl:template match="item" mode="html:prose">
    <li><xsl:apply-templates mode="ed:text"/></li>
  </xsl:template>

  <!-- Headings for the parts of encodingDesc. -->
  <xsl:variable name="html:decl-labels" as="map(xs:string, xs:string)" select="map{
    'projectDesc': 'Project', 'editorialDecl': 'General', 'stdVals': 'Standard values',
    'samplingDecl': 'Sampling'}"/>
  <xsl:template match="text()" mode="html:prose"/>

  <!-- One labelled row of the metadata list, when there is something to show. -->
  <xsl:template name="html:row">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:if test="exists($nodes)">
      <dt>{$label}</dt>
      <dd><xsl:apply-templates select="$nodes" mode="html:prose"/></dd>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html:about">
    <xsl:variable name="f" select="ed:header-facts(.)"/>
    <xsl:variable name="ms" select="(teiHeader/fileDesc/sourceDesc/msDesc)[1]"/>
    <section id="about" class="metadata" aria-labelledby="about-heading">
      <h2 id="about-heading">About this document</h2>
      <h3>Source</h3>
      <dl>
        <xsl:if test="$f('repository')">
          <dt>Repository</dt><dd>{string-join(($f('repository'), $f('archive-place')[. != '']), ', ')}</dd>
        </xsl:if>
        <xsl:if test="$f('presumed-repository') != ''">
          <dt>Presumed repository</dt><dd>{$f('presumed-repository')} (presumed, not confirmed: see the
            physical description)</dd>
        </xsl:if>
        <xsl:if test="$f('archive-location') != ''">
          <dt>Identifiers</dt><dd>{$f('archive-location')}</dd>
        </xsl:if>
        <xsl:call-template name="html:row">
          <xsl:with-param name="label" select="'Contents'"/>
          <xsl:with-param name="nodes" select="$ms/msContents/(summary, p, msItem/p)"/>
        </xsl:call-template>
        <xsl:call-template name="html:row">
          <xsl:with-param name="label" select="'Physical description'"/>
          <xsl:with-param name="nodes" select="$ms/physDesc/(p, objectDesc, handDesc, additions),
            $ms/physDesc[not(p | objectDesc | handDesc | additions)]"/>
        </xsl:call-template>
        <xsl:for-each select="teiHeader/fileDesc/sourceDesc/(p, bibl)">
          <xsl:call-template name="html:row">
            <xsl:with-param name="label" select="if (@type) then html:label(@type) else 'Source'"/>
            <xsl:with-param name="nodes" select="."/>
          </xsl:call-template>
        </xsl:for-each>
      </dl>
      <xsl:call-template name="html:sources"/>
      <xsl:if test="$ms/history">
        <h3>Provenance</h3>
        <dl>
          <xsl:for-each select="$ms/history/(origin, provenance, acquisition)">
            <dt>{if (self::origin) then 'Origin' else if (self::acquisition) then 'Acquisition'
                 else if (@type) then html:label(@type) else 'Provenance'}</dt>
            <dd><xsl:apply-templates select="." mode="html:prose"/></dd>
          </xsl:for-each>
        </dl>
      </xsl:if>
      <xsl:if test="teiHeader/encodingDesc/(editorialDecl, projectDesc)">
        <h3>Editorial principles</h3>
        <dl>
          <xsl:for-each select="teiHeader/encodingDesc/(projectDesc, editorialDecl[p],
                                editorialDecl/*[not(self::p)])">
            <dt>{($html:decl-labels(local-name()), html:label(string((@type, local-name())[1])))[1]}</dt>
            <dd><xsl:apply-templates select="if (p) then p else ." mode="html:prose"/></dd>
          </xsl:for-each>
        </dl>
      </xsl:if>
      <xsl:call-template name="html:glossary"/>
      <xsl:if test="teiHeader/revisionDesc">
        <h3>Revision history</h3>
        <ul class="revisions">
          <xsl:for-each select="teiHeader/revisionDesc//change">
            <li><xsl:sequence select="html:time(string(@when))"/>
              <xsl:if test="@who">
                <xsl:value-of select="' · ', string-join(ed:targets(., 'who')
                  ! normalize-space((persName, name, orgName, .)[1]), ', ')" separator=""/>
              </xsl:if>
              <xsl:text>: </xsl:text><xsl:apply-templates mode="ed:text"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <h3>Licence</h3>
      <p class="licence">
        <xsl:variable name="href" select="ed:safe-href($f('licence-uri'))"/>
        <xsl:choose>
          <xsl:when test="$href"><a rel="license" href="{$href}">{($f('licence')[. != ''], $href)[1]}</a></xsl:when>
          <xsl:otherwise>{($f('licence')[. != ''], 'No licence is stated.')[1]}</xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:apply-templates select="teiHeader/fileDesc/publicationStmt/availability/p" mode="html:prose"/>
    </section>
  </xsl:template>
</xsl:stylesheet>
