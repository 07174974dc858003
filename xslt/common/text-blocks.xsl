<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral traversal of the text, part 1: divisions and blocks. Mode ed:text walks
  TEI/text and calls the hooks of hooks.xsl; elements it does not know keep their text
  (on-no-match="text-only-copy"), so nothing of the source is lost silently.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:mode name="ed:text" on-no-match="text-only-copy"/>

  <xsl:template match="teiHeader | facsimile | standOff" mode="ed:text"/>

  <!-- Layout whitespace between the blocks of a division is not text. -->
  <xsl:template match="text()[not(normalize-space())][parent::text or parent::front or parent::body
                       or parent::back or parent::div or parent::floatingText or parent::opener
                       or parent::closer or parent::list or parent::lg or parent::postscript]" mode="ed:text"/>

  <!-- A stamp that stands alone in its parent block is itself the block (the source's
       "[Stamp]" paragraphs); a stamp inside running text is inline. -->
  <xsl:function name="ed:is-block-stamp" as="xs:boolean">
    <xsl:param name="stamp" as="element()"/>
    <xsl:sequence select="not($stamp/parent::*[self::p or self::ab or self::fw or self::dateline
        or self::salute or self::signed or self::head or self::seg or self::said or self::item
        or self::l or self::trailer or self::byline or self::label or self::hi or self::q])
      or ($stamp/parent::*[self::p or self::ab or self::fw]
          and count($stamp/../*) = 1 and not($stamp/../text()[normalize-space()]))"/>
  </xsl:function>

  <xsl:template match="front | body | back | div | floatingText | opener | closer | postscript
                       | argument | epigraph | list | lg" mode="ed:text">
    <xsl:call-template name="ed:container">
      <xsl:with-param name="kind" select="if (self::floatingText) then string((@type, 'floatingText')[1])
                                          else local-name()"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A block holding nothing but a stamp gives way to the stamp. -->
  <xsl:template match="*[count(*) = 1 and stamp and not(text()[normalize-space()])]
                        [self::p or self::ab or self::fw]" mode="ed:text" priority="2">
    <xsl:apply-templates mode="ed:text"/>
  </xsl:template>

  <xsl:template match="p | ab | head | dateline | salute | signed | trailer | byline | docAuthor
                       | docDate | l | item | fw | label" mode="ed:text">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="string-join((local-name(), @type), ' ')"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="stamp" mode="ed:text">
    <xsl:call-template name="ed:stamp">
      <xsl:with-param name="type" select="string(@type)"/>
      <xsl:with-param name="block" select="ed:is-block-stamp(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="said" mode="ed:text">
    <xsl:call-template name="ed:said">
      <xsl:with-param name="speaker" select="ed:targets(., 'who')[1]"/>
      <xsl:with-param name="block" select="exists(p | ab | lg)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The id of the block an element stands in, for permalinks and register back-links:
       the nearest ancestor-or-self block with an xml:id, else a generated "para-N". -->
  <xsl:function name="ed:block-id" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="block" select="$node/ancestor-or-self::*[self::p or self::ab or self::head
      or self::dateline or self::salute or self::signed or self::l or self::item or self::fw
      or self::trailer or self::byline][1]"/>
    <xsl:sequence select="if ($block/@xml:id) then string($block/@xml:id)
      else if ($block) then concat('para-', count($block/preceding::*[self::p or self::ab
        or self::head or self::dateline or self::salute or self::signed or self::l or self::item
        or self::fw or self::trailer or self::byline][not(ancestor::teiHeader)]) + 1)
      else ()"/>
  </xsl:function>
</xsl:stylesheet>
