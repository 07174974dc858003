<?xml version="1.0" encoding="UTF-8"?>
<!--
  One register entry on persons.html, places.html, orgs.html or events.html: its name forms, dates,
  office/occupation and other data, its notes, and a back-link to every mention in every
  document (the document, and the paragraph's permalink). The entry's xml:id is the
  fragment id that the record pages link to.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="*" mode="html:entry">
    <xsl:variable name="entry" select="."/>
    <article class="entry entry-{local-name()}" id="{@xml:id}" aria-labelledby="{@xml:id}-name">
      <h2 id="{@xml:id}-name">{ed:sort-name(.)}</h2>
      <dl>
        <dt>Name forms</dt>
        <dd>
          <ul class="name-forms">
            <xsl:for-each select="ed:name-forms(.)">
              <li>{ed:name-text(.)}<xsl:if test="@type"><xsl:text> </xsl:text><span class="name-type">({@type})</span></xsl:if>
                <xsl:if test="@xml:lang"><xsl:text> </xsl:text><span class="name-lang">[{@xml:lang}]</span></xsl:if></li>
            </xsl:for-each>
          </ul>
        </dd>
        <xsl:if test="@type">
          <dt>Type</dt>
          <dd>{html:label(@type)}</dd>
        </xsl:if>
        <xsl:if test="self::event and (@when | @from | @to)">
          <dt>Date</dt>
          <dd class="event-date"><xsl:sequence select="html:date-range(.)"/></dd>
        </xsl:if>
        <xsl:for-each select="birth, death, floruit, event">
          <dt>{if (self::floruit) then 'Active' else html:label(string((@type, local-name())[1]))}</dt>
          <dd>
            <xsl:sequence select="html:time(ed:iso-date(.))"/>
            <xsl:for-each select="(placeName, settlement)[1]">, {normalize-space(.)}</xsl:for-each>
            <xsl:if test="not(ed:iso-date(.)) and normalize-space(.)">{normalize-space(.)}</xsl:if>
          </dd>
        </xsl:for-each>
        <xsl:for-each-group select="occupation, roleName, affiliation, state, trait, nationality,
                                    faith, location, country, region, desc" group-by="html:data-label(.)">
          <dt>{current-grouping-key()}</dt>
          <xsl:for-each select="current-group()">
            <dd>
              <xsl:choose>
                <xsl:when test="self::location">{string-join((.//(placeName, settlement, region, country)
                  ! normalize-space(.), geo ! concat('coordinates ', normalize-space(.))), ', ')}</xsl:when>
                <xsl:when test="label | desc">{normalize-space(string-join((label, desc), '; '))}</xsl:when>
                <xsl:otherwise><xsl:apply-templates mode="ed:text"/></xsl:otherwise>
              </xsl:choose>
              <xsl:sequence select="html:date-range(.)"/>
            </dd>
          </xsl:for-each>
        </xsl:for-each-group>
        <xsl:for-each select="idno[ed:safe-href(normalize-space(.))][matches(normalize-space(.), '^https?:')]">
          <dt>Authority record</dt>
          <dd><a href="{normalize-space(.)}">{normalize-space(.)}</a></dd>
        </xsl:for-each>
        <xsl:for-each select="note">
          <dt>Note</dt>
          <dd><xsl:apply-templates mode="ed:text"/></dd>
        </xsl:for-each>
        <xsl:for-each select="bibl">
          <dt>Source</dt>
          <dd><xsl:apply-templates mode="html:bibl"/></dd>
        </xsl:for-each>
      </dl>
      <xsl:call-template name="html:mentions">
        <xsl:with-param name="id" select="string(@xml:id)"/>
      </xsl:call-template>
    </article>
  </xsl:template>

  <!-- "Office" for state[@type='office'], else the element's name in words. -->
  <xsl:function name="html:data-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="html:label(if ($e/@type and ($e/self::state or $e/self::trait))
      then string($e/@type) else if ($e/self::roleName) then 'office' else local-name($e))"/>
  </xsl:function>

  <!-- " (February 1977)", " (from January 20, 1977)", " (1962 to 1986)": when it held. -->
  <xsl:function name="html:date-range" as="item()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="from" select="($e/@from, $e/@notBefore)[ed:is-iso-date(string(.))][1] ! string(.)"/>
    <xsl:variable name="to" select="($e/@to, $e/@notAfter)[ed:is-iso-date(string(.))][1] ! string(.)"/>
    <xsl:variable name="when" select="$e/@when[ed:is-iso-date(string(.))] ! string(.)"/>
    <xsl:if test="exists(($when, $from, $to))">
      <xsl:text> (</xsl:text>
      <xsl:choose>
        <xsl:when test="$when"><xsl:sequence select="html:time($when)"/></xsl:when>
        <xsl:when test="$from and $to">
          <xsl:sequence select="html:time($from)"/><xsl:text> to </xsl:text><xsl:sequence select="html:time($to)"/>
        </xsl:when>
        <xsl:when test="$from"><xsl:text>from </xsl:text><xsl:sequence select="html:time($from)"/></xsl:when>
        <xsl:otherwise><xsl:text>until </xsl:text><xsl:sequence select="html:time($to)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:function>

  <!-- Every mention in the corpus, grouped by the entry it names, in one pass over the documents'
       summaries: looking each entry up in each document would grow with entries times documents. -->
  <xsl:variable name="html:mentions-by-entry" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="$summaries/Q{}mention" group-by="string(@entry)">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- The register entries an element cites in @source (an editorial note resting on an entry of
       the register of agreements and negotiations): a citation is a mention too. -->
  <xsl:function name="html:source-ids" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="for $p in tokenize(normalize-space($e/@source), ' '), $u in ed:expand-pointer($p, $e)
                          return if (contains($u, '#') and not(starts-with($u, '#'))) then substring-after($u, '#') else ()"/>
  </xsl:function>

  <!-- For back-link labels: each document's short title (title[@type='short'], else the main
       title without a closing date) and the number of each of its blocks, the N of "para-N"
       (blocks count in document order; a block inside another comes after it, not before).
       The summaries (corpus.xsl) carry both. -->
  <xsl:function name="html:block-numbers" as="map(xs:string, xs:integer)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="blocks" select="$doc//*[ed:is-output-block(.)][not(ancestor::teiHeader)]"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($blocks) return
      let $b := $blocks[$i], $n := $i - count($b/ancestor::*[ed:is-output-block(.)])
      return map { string(($b/@xml:id, 'para-' || $n)[1]) : $n })"/>
  </xsl:function>

  <!-- ", February 26, 1977", ", 26 February 1977", ", 1977" (or 1977-02-26) at the end of a title. -->
  <xsl:variable name="html:closing-date" as="xs:string"
    select="',\s*(\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s*\d{3,4}|\d{1,2}\s+\p{Lu}\p{Ll}+\.?\s+\d{3,4}|\d{3,4}(-\d\d){0,2})\s*$'"/>

  <xsl:function name="html:short-title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="short" select="normalize-space(root($doc)/TEI/teiHeader/fileDesc/titleStmt/title[@type = 'short'][1])"/>
    <xsl:variable name="main" select="string(ed:header-facts($doc)('title'))"/>
    <xsl:sequence select="if ($short) then $short else replace($main, $html:closing-date, '')"/>
  </xsl:function>

  <!-- Back-links: each document that mentions the entry, with the paragraphs it does so in,
       each labelled "¶ N"; its accessible name and tooltip add the document's short title (the
       name holds the visible text, WCAG 2.5.3). -->
  <xsl:template name="html:mentions">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="all-hits" select="$html:mentions-by-entry($id)"/>
    <h3>Mentions</h3>
    <xsl:choose>
      <xsl:when test="empty($all-hits)"><p class="no-mentions">Not mentioned in the documents.</p></xsl:when>
      <xsl:otherwise>
        <ul class="mentions">
          <!-- Grouping the hits by their document is linear; filtering them once per document was not. -->
          <xsl:for-each-group select="$all-hits" group-by="string(../@id)">
            <xsl:sort select="string(../@date)"/>
            <xsl:sort select="string(../@id)"/>
            <xsl:variable name="doc-id" select="current-grouping-key()"/>
            <xsl:variable name="summary" select="(current-group()/..)[1]"/>
            <!-- The summary lists them once each, in the order the document first mentions the entry. -->
            <xsl:variable name="blocks" as="xs:string*" select="current-group()/@blocks ! tokenize(.)"/>
            <li>
              <a href="{$doc-id}.html">{$summary/@title}</a>
              <xsl:for-each select="$blocks">
                <xsl:text> </xsl:text>
                <xsl:variable name="block" select="."/>
                <xsl:variable name="n" select="$summary/Q{}block[@id = $block]/@n ! string(.)"/>
                <a class="mention" href="{$doc-id}.html#{.}" aria-label="{$summary/@short-title}, ¶ {$n}" title="{$summary/@short-title}, paragraph {$n}">¶ {$n}</a>
              </xsl:for-each>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
