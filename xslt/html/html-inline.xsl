<?xml version="1.0" encoding="UTF-8"?>
<!--
  The phrase-level hooks for HTML: speech, interventions, gaps, notes, page and line
  breaks, links, highlighting, names, dates, and the footnotes list.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- Speech marked as the speaker's: data-who (register id), data-speaker (the visible
       label, see edition.css) and the full name as tooltip. The source's own quotation
       marks are text, so q's automatic quotes are switched off in the CSS. -->
  <xsl:template name="ed:said">
    <xsl:param name="speaker" as="element()?"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="name" select="if ($speaker and ed:name-forms($speaker))
      then ed:display-name(ed:name-forms($speaker)[1]) else string(@who)"/>
    <xsl:element name="{if ($block) then 'div' else 'q'}">
      <xsl:attribute name="class" select="'said'"/>
      <xsl:if test="$speaker"><xsl:attribute name="data-who" select="$speaker/@xml:id"/></xsl:if>
      <xsl:if test="$name != ''">
        <xsl:attribute name="data-speaker" select="if ($speaker) then ed:short-name(ed:name-forms($speaker)[1]) else $name"/>
        <xsl:attribute name="title" select="concat('Words of ', $name)"/>
      </xsl:if>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <!-- Both forms of an intervention; edition.css shows .reading or .original. After them, a
       marker that says there is another reading without hover: a button (keyboard and touch)
       that opens a popover with both forms. The popover attribute needs no script, so it works
       from file:// and with JavaScript off. No button inside a link (interactive content may not
       nest): there the tooltips remain. -->
  <xsl:template name="ed:choice">
    <xsl:param name="reading" as="item()*"/>
    <xsl:param name="original" as="item()*"/>
    <xsl:variable name="kind" select="local-name((sic, orig, abbr)[1])"/>
    <xsl:variable name="source-text" select="normalize-space(string-join($original ! string(.), ''))"/>
    <xsl:variable name="reading-text" select="normalize-space(string-join($reading ! string(.), ''))"/>
    <span class="choice choice-{$kind}">
      <span class="reading" title="The source reads: {$source-text}">
        <xsl:sequence select="$reading"/>
      </span>
      <span class="original {$kind}" title="Corrected reading: {$reading-text}">
        <xsl:sequence select="$original"/>
      </span>
    </span>
    <xsl:if test="empty(ancestor::*[@ref][self::persName or self::placeName or self::orgName or self::name or self::rs or self::ref]
                        | ancestor::ref[@target])">
      <xsl:variable name="id" select="'choice-' || count(preceding::choice) + 1"/>
      <xsl:variable name="what" select="html:choice-kind($kind)"/>
      <button type="button" class="choice-mark" popovertarget="{$id}" aria-label="{$what}: the source reads “{$source-text}”"></button>
      <span id="{$id}" class="choice-note" popover="auto"><strong>{$what}.</strong> The source reads “{$source-text}”; the reading text gives “{$reading-text}”.</span>
    </xsl:if>
  </xsl:template>

  <xsl:function name="html:choice-kind" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($kind = 'orig') then 'Regularised by the editors'
                          else if ($kind = 'abbr') then 'Abbreviation expanded by the editors'
                          else 'Corrected by the editors'"/>
  </xsl:function>

  <!-- The source's marker, "(...)" or "(signature)", in both views, explained by a tooltip
       and, for screen readers, in words. -->
  <xsl:template name="ed:gap">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <span class="gap{if (self::gap) then '' else ' ' || local-name()}" title="{$label}"><span aria-hidden="true">{$marker}</span><span class="visually-hidden">{$marker} ({$label})</span></span>
  </xsl:template>

  <xsl:template name="ed:note-ref">
    <xsl:param name="n" as="xs:integer"/>
    <sup class="noteref"><a id="noteref-{$n}" href="#note-{$n}" role="doc-noteref" aria-label="Note {$n}">{$n}</a></sup>
  </xsl:template>

  <xsl:template name="ed:footnote">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="content" as="item()*"/>
    <li id="note-{$n}" class="footnote">
      <span class="note-label">{ed:note-label(.)}: </span>
      <xsl:sequence select="$content"/>
      <xsl:sequence select="html:source-links(.)"/>
      <xsl:text> </xsl:text>
      <a class="backref" href="#noteref-{$n}" role="doc-backlink" aria-label="Back to the text of note {$n}">↩</a>
    </li>
  </xsl:template>

  <xsl:template name="ed:gloss">
    <xsl:param name="content" as="item()*"/>
    <span class="gloss" title="{ed:note-label(.)}"><span class="visually-hidden">{ed:note-label(.)}: </span><xsl:sequence select="$content"/></span>
  </xsl:template>

  <!-- The marker's accessible name is its visible text (WCAG 2.5.3, label in name), explained
       by the tooltip. @n is text, not a URI: the fragment is percent-encoded (URL standard).
       The link itself stands at the word where the page turns (on wide screens a thin rule there);
       its label "[p. n]" is inline on narrow screens and in the margin on wide ones (edition.css). -->
  <xsl:template name="ed:pb">
    <xsl:param name="n" as="xs:string"/>
    <xsl:if test="$n != ''">
      <a class="pb" id="page-{$n}" href="#page-{encode-for-uri($n)}" title="Page {$n} of the source begins here"><span class="pb-label">[p. {$n}]</span></a>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ed:lb">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$kind = 'text'"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise><br/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $href is safe (ed:safe-href) but may hold characters a URL may not (quotes, "<" and ">"
       in "#id" pointers): iri-to-uri percent-encodes them and keeps the URI's structure. -->
  <xsl:template name="ed:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="$href"><a href="{iri-to-uri($href)}"><xsl:sequence select="$content"/></a></xsl:when>
      <xsl:otherwise><span class="ref"><xsl:sequence select="$content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:highlight">
    <xsl:param name="rend" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="r" select="tokenize(lower-case($rend), '\s+')"/>
    <xsl:element name="{if ($r = ('italic', 'italics', 'emph', 'title')) then 'em'
                        else if ($r = ('bold', 'strong')) then 'strong'
                        else if ($r = ('sup', 'superscript')) then 'sup'
                        else if ($r = ('sub', 'subscript')) then 'sub'
                        else if ($r = 'foreign') then 'i' else 'span'}">
      <xsl:attribute name="class" select="concat('hi ', replace(lower-case($rend), '[^a-z0-9 \-]', ''))"/>
      <xsl:if test="self::foreign/@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>
  <xsl:template name="ed:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <!-- No link inside a link: a name within a linked name keeps only its tooltip. -->
      <xsl:when test="$entry and ancestor::*[@ref][ed:targets(., 'ref')]
                      [self::persName or self::placeName or self::orgName or self::name or self::rs]">
        <span class="name name-{local-name($entry)}" title="{ed:standard-name($entry)}"><xsl:sequence select="$content"/></span>
      </xsl:when>
      <xsl:when test="$entry and not(root($entry) is root(current()))">
        <a class="name name-{local-name($entry)}" href="{ed:entry-href($entry)}"
           title="{ed:standard-name($entry)}"><xsl:sequence select="$content"/></a>
      </xsl:when>
      <xsl:otherwise><span class="name unresolved"><xsl:sequence select="$content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:date">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="$iso"><time datetime="{$iso}"><xsl:sequence select="$content"/></time></xsl:when>
      <xsl:otherwise><span class="date"><xsl:sequence select="$content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
