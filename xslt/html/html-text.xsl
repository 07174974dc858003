<?xml version="1.0" encoding="UTF-8"?>
<!--
  The hooks of common/hooks.xsl for HTML: the text as semantic HTML5. Both views of every
  intervention are in the page (.reading and .original); edition.css shows one of them
  according to the radio buttons before the text, so the toggle needs no script.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template name="ed:container">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="self::floatingText">
        <div class="floating {$kind}" role="group" aria-label="{html:floating-label(.)}">
          <xsl:sequence select="$content"/>
        </div>
      </xsl:when>
      <xsl:when test="ed:is-lined(.)">
        <xsl:call-template name="html:lines">
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="self::list"><ul class="list"><xsl:sequence select="$content"/></ul></xsl:when>
      <xsl:when test="self::body or self::front or self::back"><xsl:sequence select="$content"/></xsl:when>
      <xsl:otherwise>
        <div class="{string-join(($kind, @type ! concat($kind, '-', .)), ' ')}">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:sequence select="$content"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A lined opener or closer: one <p class="line"> per line of the source (lb), a stamp
       that fills a line as its own labelled block. -->
  <xsl:template name="html:lines">
    <xsl:param name="kind" as="xs:string"/>
    <div class="{$kind} lined" id="{ed:block-id(.)}">
      <xsl:for-each-group select="node()" group-starting-with="lb">
        <xsl:variable name="line" select="current-group()[not(self::lb)][self::* or normalize-space()]"/>
        <xsl:choose>
          <xsl:when test="count($line) = 1 and $line/self::stamp">
            <xsl:apply-templates select="$line" mode="ed:text"/>
          </xsl:when>
          <xsl:when test="exists($line)">
            <p class="line">
              <xsl:apply-templates select="current-group()[not(self::lb)]" mode="ed:text">
                <xsl:with-param name="ed:phrase" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </p>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
    </div>
  </xsl:template>

  <!-- A phrase-level block (seg; dateline, byline... on a line): typed ones carry their
       type as a visible label (data-label, edition.css). -->
  <xsl:template name="ed:segment">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <span class="{translate($kind, ' ', '-')}">
      <xsl:if test="@type"><xsl:attribute name="data-label" select="html:label(@type)"/></xsl:if>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!-- "Letter from L. I. Brezhnev, February 25, 1977" for floatingText[@type='letter']. -->
  <xsl:function name="html:floating-label" as="xs:string">
    <xsl:param name="ft" as="element()"/>
    <xsl:variable name="f" select="ed:header-facts($ft)"/>
    <xsl:variable name="type" select="string(($ft/@type, 'text')[1])"/>
    <xsl:sequence select="string-join((concat(upper-case(substring($type, 1, 1)), substring($type, 2)),
      if ($type = 'letter' and $f('letter-author')) then concat('from ', ed:display-name(ed:best-name($f('letter-author')))) else (),
      if ($type = 'letter' and $f('letter-recipient')) then concat('to ', ed:display-name(ed:best-name($f('letter-recipient')))) else ()), ' ')"/>
  </xsl:function>

  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="id" select="ed:block-id(.)"/>
    <xsl:choose>
      <xsl:when test="self::head">
        <xsl:element name="{if (ancestor::floatingText) then 'h4' else 'h3'}">
          <xsl:attribute name="id" select="$id"/>
          <xsl:sequence select="$content"/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="self::item"><li id="{$id}"><xsl:sequence select="$content"/></li></xsl:when>
      <xsl:otherwise>
        <p id="{$id}" class="{translate($kind, ' ', '-')}">
          <xsl:if test="self::ab[@type]">
            <span class="ab-label">{html:label(@type)}</span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:sequence select="$content"/>
          <xsl:if test="self::p or self::ab">
            <xsl:text> </xsl:text>
            <a class="permalink" href="#{$id}" aria-label="Permalink to this paragraph">¶</a>
          </xsl:if>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "letterhead" -> "Letterhead"; "copy-no" -> "Copy no". -->
  <xsl:function name="html:label" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="translate(normalize-space($value), '-_', '  ')"/>
    <xsl:sequence select="concat(upper-case(substring($v, 1, 1)), substring($v, 2))"/>
  </xsl:function>

  <xsl:template name="ed:stamp">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="label" select="string-join(('Stamp', html:label($type)[. != '']), ': ')"/>
    <xsl:choose>
      <xsl:when test="$block">
        <div class="stamp stamp-{($type[. != ''], 'untyped')[1]}" role="note" aria-label="{$label}">
          <xsl:if test="../@xml:id"><xsl:attribute name="id" select="../@xml:id"/></xsl:if>
          <p class="stamp-label" aria-hidden="true">{$label}</p>
          <p class="stamp-text"><xsl:sequence select="$content"/></p>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <span class="stamp stamp-{($type[. != ''], 'untyped')[1]}" title="{$label}"><xsl:sequence select="$content"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
