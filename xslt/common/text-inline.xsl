<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral traversal of the text, part 2: phrase-level elements. Names, dates,
  interventions, notes, links and highlighting each call one hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="*[@ref][self::persName or self::placeName or self::orgName or self::name
                       or self::rs or self::geogName or self::settlement or self::country]" mode="ed:text">
    <xsl:call-template name="ed:name">
      <xsl:with-param name="entry" select="ed:targets(., 'ref')[1]"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="date | origDate | time" mode="ed:text">
    <xsl:call-template name="ed:date">
      <xsl:with-param name="iso" select="ed:iso-date(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- choice: the reading (corr, reg, expan) against the source's form (sic, orig, abbr). -->
  <xsl:template match="choice" mode="ed:text">
    <xsl:call-template name="ed:choice">
      <xsl:with-param name="reading" as="item()*">
        <xsl:apply-templates select="(corr | reg | expan)[1]/node()" mode="ed:text"/>
      </xsl:with-param>
      <xsl:with-param name="original" as="item()*">
        <xsl:apply-templates select="(sic | orig | abbr)[1]/node()" mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="note" mode="ed:text">
    <xsl:choose>
      <xsl:when test="ed:is-footnote(.)">
        <xsl:call-template name="ed:note-ref">
          <xsl:with-param name="n" select="ed:note-number(.)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:gloss">
          <xsl:with-param name="content" as="item()*">
            <xsl:apply-templates mode="ed:text"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cb | milestone | anchor" mode="ed:text"/>

  <!-- ref/ptr: a register pointer links to its register page, "#id" stays in the page,
       anything else only if ed:safe-href lets it through. -->
  <xsl:template match="ref | ptr" mode="ed:text">
    <xsl:variable name="target" select="tokenize(normalize-space(@target), ' ')[1]"/>
    <xsl:variable name="entry" select="if ($target) then ed:resolve($target, .) else ()"/>
    <xsl:call-template name="ed:link">
      <xsl:with-param name="href" select="
        if ($entry and not(root($entry) is root(current()))) then ed:entry-href($entry)
        else if (starts-with($target, '#')) then $target[exists($entry)]
        else ed:edition-href(ed:safe-href(if ($target) then ed:expand-pointer($target, .) else ()), .)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
        <xsl:if test="self::ptr">
          <xsl:value-of select="@target"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A term that points into the document (a category of the glossary in classDecl) links
       to its explanation. -->
  <xsl:template match="term[starts-with(normalize-space(@ref), '#')]" mode="ed:text">
    <xsl:call-template name="ed:link">
      <xsl:with-param name="href" select="tokenize(normalize-space(@ref), ' ')[1]"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:next-match/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Where a link may go from the reading edition: an absolute http(s) or mailto URI; a
       document of the edition (a sibling "x.xml#y" becomes "x.html#y"). Any other relative
       link ("../chapter-9#fn17") points outside the edition, where nothing is published:
       none is made, and the text stays. -->
  <xsl:function name="ed:edition-href" as="xs:string?">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="
      if (empty($href) or matches($href, '^(https?|mailto):', 'i')) then $href
      else if (matches($href, '^[a-z0-9][a-z0-9._\-]*\.xml(#.*)?$')
               and doc-available(resolve-uri(substring-before(concat($href, '#'), '#'), base-uri(root($context)))))
        then replace($href, '\.xml(#|$)', '.html$1')
      else ()"/>
  </xsl:function>

  <xsl:template match="hi | emph | foreign | title | term | mentioned | soCalled" mode="ed:text">
    <xsl:call-template name="ed:highlight">
      <xsl:with-param name="rend" select="string((@rend, local-name())[1])"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
