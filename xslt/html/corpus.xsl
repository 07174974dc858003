<?xml version="1.0" encoding="UTF-8"?>
<!--
  Corpus pages, written by the initial template "corpus": index.html (every document with
  its date, title and participants) and one page per register (register.xsl). Parameters:
  $summaries (or $documents, or $document-uris) and $registers, declared in html.xsl.

  The corpus pages read only each document's summary (html:summary): a small element with what
  they show of it, made when the document itself is rendered. The build keeps the summaries with
  the documents' outputs, so the corpus pages never need every document parsed at once: memory
  stays flat however large the edition, and an unchanged document is never parsed again for them.
  Saxon-HE on the command line passes $documents and the summaries are made from them here.
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
    <xsl:variable name="edition" select="if ($edition-title != '') then $edition-title
      else ($summaries[1]/@publisher ! string(.), 'Digital edition')[. != ''][1]"/>
    <xsl:if test="$corpus-page = (0, 1)">
      <xsl:variable name="order" select="html:index-order($summaries)"/>
      <xsl:call-template name="html:corpus-page">
        <xsl:with-param name="href" select="'index.html'"/>
        <xsl:with-param name="title" select="'Documents'"/>
        <xsl:with-param name="edition" select="$edition"/>
        <xsl:with-param name="none" as="element()"><p>The edition has no documents yet.</p></xsl:with-param>
        <xsl:with-param name="list" as="element()"><ol class="documents"/></xsl:with-param>
        <xsl:with-param name="sources" select="for $i in $order return $summaries[$i]"/>
        <xsl:with-param name="plan" select="'documents', $order ! string(.)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$html:register-pages[$corpus-page = (0, position() + 1)]">
      <xsl:variable name="entries" select="html:register-entries(string(@entry))"/>
      <xsl:call-template name="html:corpus-page">
        <xsl:with-param name="href" select="string(@href)"/>
        <xsl:with-param name="title" select="string(@title)"/>
        <xsl:with-param name="edition" select="$edition"/>
        <xsl:with-param name="none" as="element()"><p>This register has no entries yet.</p></xsl:with-param>
        <xsl:with-param name="sources" select="$entries"/>
        <xsl:with-param name="plan" select="'entries', $entries ! string(@xml:id)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The positions of the summaries in the order of the index: by date, then id. -->
  <xsl:function name="html:index-order" as="xs:integer*">
    <xsl:param name="summaries" as="element()*"/>
    <xsl:perform-sort select="1 to count($summaries)">
      <xsl:sort select="string(subsequence($summaries, ., 1)/@date)"/>
      <xsl:sort select="string(subsequence($summaries, ., 1)/@id)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- A register page's entries (person, place, org or event) in the order of the page. -->
  <xsl:function name="html:register-entries" as="element()*">
    <xsl:param name="entry" as="xs:string"/>
    <xsl:perform-sort select="$registers//*[local-name() = $entry][@xml:id][namespace-uri() = 'http://www.tei-c.org/ns/1.0']">
      <xsl:sort select="lower-case(ed:sort-name(.))"/>
      <xsl:sort select="string(@xml:id)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- One corpus page: a heading, then one item per source (a document's entry in the index, or a
       register entry), in $list when given, else straight in main; $none when there are none.
       $corpus-part says what to write of it ($corpus-page in html.xsl):
         ''      the whole page;
         'frame' the page with one empty div#tei-pipeline-corpus-items where the items go, and
                 corpus-plan.txt: what the items are made from, in order ($plan);
         'items' only the items $corpus-first to $corpus-last, each laid out as it is on the page,
                 $corpus-depth levels deep.
       The build writes a large page as a frame and then its items a few at a time, from the
       summaries those items need: memory holds a few items' trees, not the page's. -->
  <xsl:template name="html:corpus-page">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="edition" as="xs:string"/>
    <xsl:param name="none" as="element()"/>
    <xsl:param name="list" as="element()?"/>
    <xsl:param name="sources" as="element()*"/>
    <xsl:param name="plan" as="xs:string*"/>
    <xsl:choose>
      <xsl:when test="$corpus-part = 'items'">
        <xsl:variable name="items" as="element()*">
          <xsl:apply-templates mode="html:corpus-item"
            select="$sources[position() ge $corpus-first and position() le $corpus-last]"/>
        </xsl:variable>
        <xsl:variable name="inner" select="concat('&#10;', string-join((1 to xs:integer($corpus-depth)) ! '  ', ''))"/>
        <xsl:result-document href="{$href}" format="html">
          <xsl:for-each select="$items">
            <xsl:value-of select="$inner"/>
            <xsl:apply-templates select="." mode="html:indent">
              <xsl:with-param name="depth" select="xs:integer($corpus-depth)"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </xsl:result-document>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="items" as="element()*">
          <xsl:choose>
            <xsl:when test="$corpus-part = 'frame'"><div id="tei-pipeline-corpus-items"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="$sources" mode="html:corpus-item"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:result-document href="{$href}" format="html">
          <xsl:call-template name="html:page">
            <xsl:with-param name="title" select="$title"/>
            <xsl:with-param name="edition" select="$edition"/>
            <xsl:with-param name="current" select="$href"/>
            <xsl:with-param name="content" as="element()*">
              <h1>{$title}</h1>
              <xsl:choose>
                <xsl:when test="empty($sources)"><xsl:sequence select="$none"/></xsl:when>
                <xsl:when test="exists($list)">
                  <xsl:element name="{local-name($list)}">
                    <xsl:copy-of select="$list/@*"/>
                    <xsl:sequence select="$items"/>
                  </xsl:element>
                </xsl:when>
                <xsl:otherwise><xsl:sequence select="$items"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:result-document>
        <xsl:if test="$corpus-part = 'frame'">
          <xsl:result-document href="corpus-plan.txt" method="text">
            <xsl:value-of select="$plan" separator=" "/>
          </xsl:result-document>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A document's entry in the index, as its summary carries it. -->
  <xsl:template match="Q{}summary" mode="html:corpus-item">
    <xsl:sequence select="Q{}li"/>
  </xsl:template>

  <!-- A register entry, with its back-links (register.xsl). -->
  <xsl:template match="*" mode="html:corpus-item">
    <xsl:apply-templates select="." mode="html:entry"/>
  </xsl:template>

  <!-- What the corpus pages show of one document, from the document alone (and the register
       entries it points to): its id, date, title and short title, the publisher (the edition's
       name when the first document's), the registers it points to, its entry in the index, already
       laid out, every register entry it mentions with the blocks it does so in (the anchors of the
       back-links), and those blocks' numbers. Elements in no namespace, so that the index entry
       copied from it carries no namespace declaration into the page. -->
  <xsl:function name="html:summary" as="element()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="f" select="ed:header-facts($doc)"/>
    <xsl:variable name="mentions" as="element()*">
      <xsl:for-each select="$doc//text//*[@ref or @who or @corresp or @source]">
        <xsl:variable name="block" select="ed:block-id(.)"/>
        <xsl:for-each select="distinct-values((ed:register-ids(.), html:source-ids(.)))">
          <mention entry="{.}">
            <xsl:if test="exists($block)"><xsl:attribute name="block" select="$block"/></xsl:if>
          </mention>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="numbers" select="html:block-numbers($doc)"/>
    <summary id="{ed:document-id($doc)}" date="{string(ed:document-date($doc))}"
             title="{string($f('title'))}" short-title="{html:short-title($doc)}">
      <xsl:for-each select="($f?publisher)[. != ''][1]">
        <xsl:attribute name="publisher" select="string(.)"/>
      </xsl:for-each>
      <xsl:for-each select="html:register-uris($doc)"><register uri="{.}"/></xsl:for-each>
      <xsl:for-each select="$doc"><xsl:call-template name="html:index-entry"/></xsl:for-each>
      <!-- One element per entry, its blocks in the order they first mention it: a third as many
           elements as mentions, and the corpus pages hold every document's summary at once. -->
      <xsl:for-each-group select="$mentions" group-by="string(@entry)">
        <mention entry="{current-grouping-key()}">
          <xsl:variable name="blocks" as="xs:string*">
            <!-- "!", not "/": each mention is a tree of its own, and "/" would sort them by tree. -->
            <xsl:for-each-group select="current-group() ! @block" group-by="string(.)">
              <xsl:sequence select="current-grouping-key()"/>
            </xsl:for-each-group>
          </xsl:variable>
          <xsl:if test="exists($blocks)"><xsl:attribute name="blocks" select="$blocks"/></xsl:if>
        </mention>
      </xsl:for-each-group>
      <xsl:for-each select="distinct-values($mentions ! @block ! string(.))">
        <xsl:variable name="n" select="$numbers(.)"/>
        <block id="{.}"><xsl:if test="exists($n)"><xsl:attribute name="n" select="$n"/></xsl:if></block>
      </xsl:for-each>
    </summary>
  </xsl:function>

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
