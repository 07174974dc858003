<?xml version="1.0" encoding="UTF-8"?>
<!--
  The record page (<id>.html): title, the archival apparatus (text/front), the reading /
  diplomatic switch, the text, the footnotes, then the metadata and citation panels
  (metadata.xsl). The radio inputs are siblings before the apparatus and the text, so that
  edition.css can switch every .reading / .original with "#view-diplomatic:checked ~ …".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="TEI | teiCorpus" mode="html:record">
    <xsl:variable name="facts" select="ed:header-facts(.)"/>
    <xsl:call-template name="html:page">
      <xsl:with-param name="title" select="$facts('title')"/>
      <xsl:with-param name="edition" select="html:edition-title(.)"/>
      <xsl:with-param name="lang" select="ed:document-lang(.)"/>
      <xsl:with-param name="meta" select="html:citation-meta(.)"/>
      <xsl:with-param name="content" as="element()*">
        <article class="record" aria-labelledby="doc-title">
          <header class="record-header">
            <h1 id="doc-title">{$facts('title')}</h1>
            <xsl:for-each select="$facts('subtitle')"><p class="subtitle">{.}</p></xsl:for-each>
          </header>
          <nav class="toc" aria-label="On this page">
            <ul>
              <xsl:if test="exists(html:apparatus(.))"><li><a href="#apparatus">Archival apparatus</a></li></xsl:if>
              <li><a href="#text">Text</a></li>
              <xsl:if test="exists(ed:footnotes(.))"><li><a href="#notes">Notes</a></li></xsl:if>
              <li><a href="#about">About this document</a></li>
              <xsl:for-each select="teiHeader/fileDesc/sourceDesc/listBibl[@type = 'correspondence'][@xml:id][1]">
                <li><a href="#{@xml:id}">Correspondence</a></li>
              </xsl:for-each>
              <li><a href="#cite">Cite this document</a></li>
            </ul>
          </nav>
          <div class="edition">
            <xsl:call-template name="html:view-switch"/>
            <xsl:if test="exists(html:apparatus(.))">
              <section id="apparatus" class="apparatus" aria-labelledby="apparatus-heading">
                <h2 id="apparatus-heading">Archival apparatus</h2>
                <xsl:apply-templates select="html:apparatus(.)" mode="ed:text">
                  <xsl:with-param name="html:apparatus" tunnel="yes" select="true()"/>
                </xsl:apply-templates>
              </section>
            </xsl:if>
            <section id="text" class="text" aria-labelledby="text-heading" lang="{ed:document-lang(.)}">
              <h2 id="text-heading">Text</h2>
              <div class="text-body">
                <xsl:apply-templates select="(text | .//TEI/text)/(body | back)" mode="ed:text"/>
              </div>
            </section>
          </div>
          <xsl:if test="exists(ed:footnotes(.))">
            <section id="notes" class="footnotes" role="doc-endnotes" aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes</h2>
              <ol>
                <xsl:call-template name="ed:footnotes"/>
              </ol>
            </section>
          </xsl:if>
          <xsl:call-template name="html:about"/>
          <xsl:call-template name="html:cite"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The archival apparatus, shown before the text: the front matter, and the opener of
       the record (stamps, letterhead, classification, registration) when it comes first. -->
  <xsl:function name="html:apparatus" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/text/front, $tei/text/body//opener[html:is-apparatus(.)]"/>
  </xsl:function>

  <!-- Only an opener with archival marks (stamps, letterhead or classification segments,
       numbers) is apparatus: a letter's own dateline and salute are its text. -->
  <xsl:function name="html:is-apparatus" as="xs:boolean">
    <xsl:param name="opener" as="element()"/>
    <xsl:sequence select="empty($opener/ancestor::floatingText) and exists($opener/(stamp | seg | idno | fw))
      and empty($opener/preceding-sibling::*[self::p or self::head or self::ab or self::floatingText])"/>
  </xsl:function>

  <!-- In the text, the apparatus is not repeated. -->
  <xsl:template match="opener[html:is-apparatus(.)]" mode="ed:text" priority="5">
    <xsl:param name="html:apparatus" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="$html:apparatus">
      <xsl:next-match/>
    </xsl:if>
  </xsl:template>

  <!-- The switch between the reading text (default) and the source's forms. -->
  <xsl:template name="html:view-switch">
    <input type="radio" name="view" id="view-reading" class="view-input" checked="checked"
      aria-describedby="view-hint"/>
    <label for="view-reading" class="view-label">Reading text</label>
    <input type="radio" name="view" id="view-diplomatic" class="view-input"
      aria-describedby="view-hint"/>
    <label for="view-diplomatic" class="view-label">As in the source</label>
    <p id="view-hint" class="view-hint">
      <xsl:text>The reading text shows the editors’ corrections; “As in the source” shows </xsl:text>
      <xsl:text>what the document itself reads, without the editors’ notes. A ° after a word marks an </xsl:text>
      <xsl:text>intervention: press it (or Tab to it and press Enter) to see both forms.</xsl:text>
    </p>
  </xsl:template>

  <!-- Metadata for reference managers, only from what the header and the edition's facts give.
       Zotero's "Embedded Metadata" translator (zotero/translators) reads citation_* (Highwire)
       into its fields, and hands DC.* and z.* tags to its RDF translator, whose type detection
       takes z:itemType first: so the page is saved as a manuscript, never a journal article
       (no citation_journal_title; citation_title alone would make it guess one, and DC.source
       would become the "journal"). Its other z:* properties fill the fields of the same names:
       z.archive and z.archiveLocation say where the source is. citation_date is the source's
       date (the manuscript's date); the edition's URL and DOI identify the copy; the access
       date is left to Zotero (it adds its own). test/transform/zotero-meta.test.ts holds this. -->
  <xsl:function name="html:citation-meta" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="f" select="ed:facts($tei)"/>
    <xsl:variable name="authors" select="$f('authors') ! ed:name-parts(ed:best-name(.))"/>
    <xsl:variable name="author-names" select="$authors ! string-join((.('family'), .('given')[. != ''], .('literal')), ', ')"/>
    <xsl:variable name="date" select="($f('date-written'), $f('date-event'))[1]"/>
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <link rel="alternate" type="application/vnd.citationstyles.csl+json" href="{$cite-base}{$f('id')}.csl.json"/>
    <xsl:sequence select="(
      html:meta('z.itemType', 'manuscript'),
      html:meta('citation_title', $f('title')),
      $author-names ! html:meta('citation_author', .),
      html:meta('citation_date', if ($date) then replace($date, '-', '/') else ()),
      html:meta('citation_language', $f('language')),
      html:meta('citation_abstract', $f('summary')),
      html:meta('citation_public_url', $f('page-url')),
      html:meta('citation_doi', $f('doi')),
      html:meta('z.manuscriptType', $f('genre')),
      html:meta('z.archive', $f('repository')),
      html:meta('z.archiveLocation', $f('archive-location')),
      html:meta('DC.title', $f('title')),
      $author-names ! html:meta('DC.creator', .),
      html:meta('DC.date', $date),
      html:meta('DC.language', $f('language')),
      html:meta('DC.identifier', $f('id')),
      html:meta('DC.rights', ($f('licence-uri'), $f('licence'))[1]))"/>
  </xsl:function>
</xsl:stylesheet>
