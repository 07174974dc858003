<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral traversal of the text, part 1: divisions and blocks. Mode ed:text walks
  TEI/text and calls the hooks of hooks.xsl; elements it does not know keep their text
  (on-no-match="text-only-copy"), so nothing of the source is lost silently.
  Two conventions of docs/encoding-conventions.md and the document's editorialDecl:
  - a "lined" opener or closer (one with lb children) keeps the source's line divisions
    as lb: its blocks (dateline, byline, signed...) are then phrases of its lines (tunnel
    parameter $ed:phrase, hook ed:segment), and lb ends a line (ed:lb-kind);
  - text standing loose in a division (the quotation marks around a quoted letter's
    salute and dateline) belongs to the nearest block: before it, or else after it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:mode name="ed:text" on-no-match="text-only-copy"/>

  <xsl:variable name="ed:block-names" as="xs:string+" select="('p', 'ab', 'head', 'dateline',
    'salute', 'signed', 'trailer', 'byline', 'docAuthor', 'docDate', 'l', 'item', 'fw', 'label')"/>
  <xsl:variable name="ed:container-names" as="xs:string+" select="('text', 'front', 'body',
    'back', 'div', 'floatingText', 'opener', 'closer', 'postscript', 'argument', 'epigraph', 'list', 'lg')"/>

  <xsl:function name="ed:is-lined" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/lb) and local-name($e) = ('opener', 'closer', 'postscript')"/>
  </xsl:function>

  <!-- The block a loose text of a division belongs to (none for layout whitespace). -->
  <xsl:function name="ed:loose-owner" as="element()?">
    <xsl:param name="t" as="node()"/>
    <xsl:sequence select="if (normalize-space($t) and $t/parent::*[local-name() = $ed:container-names]
                              and not(ed:is-lined($t/..)))
      then ($t/preceding-sibling::*[local-name() = $ed:block-names][1],
            $t/following-sibling::*[local-name() = $ed:block-names][1])[1]
      else ()"/>
  </xsl:function>

  <xsl:template match="teiHeader | facsimile | standOff" mode="ed:text"/>

  <!-- Layout whitespace between blocks, and loose text (output by the block it belongs to). -->
  <xsl:template match="text()[parent::*[local-name() = $ed:container-names]][not(ed:is-lined(..))]
                       [not(normalize-space()) or ed:loose-owner(.)]" mode="ed:text"/>

  <xsl:template match="text | front | body | back | div | floatingText | opener | closer
                       | postscript | argument | epigraph | list | lg" mode="ed:text">
    <xsl:call-template name="ed:container">
      <xsl:with-param name="kind" select="if (self::floatingText) then string((@type, 'floatingText')[1])
                                          else local-name()"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="ed:text">
          <xsl:with-param name="ed:phrase" tunnel="yes" select="ed:is-lined(.)"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A block holding nothing but a stamp gives way to the stamp. -->
  <xsl:template match="*[count(*) = 1 and stamp and not(text()[normalize-space()])]
                        [self::p or self::ab or self::fw]" mode="ed:text" priority="2">
    <xsl:apply-templates mode="ed:text"/>
  </xsl:template>

  <xsl:template match="p | ab | head | dateline | salute | signed | trailer | byline | docAuthor
                       | docDate | l | item | fw | label | seg" mode="ed:text">
    <xsl:param name="ed:phrase" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="me" select="."/>
    <xsl:variable name="content" as="item()*">
      <xsl:value-of select="preceding-sibling::text()[ed:loose-owner(.) is $me] ! replace(., '^\s+', '')"
                    separator=""/>
      <xsl:apply-templates mode="ed:text">
        <xsl:with-param name="ed:phrase" tunnel="yes" select="false()"/>
      </xsl:apply-templates>
      <xsl:value-of select="following-sibling::text()[ed:loose-owner(.) is $me] ! replace(., '\s+$', '')"
                    separator=""/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ed:phrase or self::seg">
        <xsl:call-template name="ed:segment">
          <xsl:with-param name="kind" select="string-join((local-name(), @type), ' ')"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="string-join((local-name(), @type), ' ')"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- True for the elements that are blocks of the output: a block that is not a phrase of
       a lined opener or closer, or such a lined opener or closer itself. -->
  <xsl:function name="ed:is-output-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(local-name($e) = $ed:block-names and not($e/parent::*[ed:is-lined(.)]))
                          or ed:is-lined($e)"/>
  </xsl:function>

  <!-- The only names an output block can have: a cheap test before ed:is-output-block. -->
  <xsl:variable name="ed:block-candidates" as="xs:string+"
    select="($ed:block-names, 'opener', 'closer', 'postscript')"/>

  <!-- The output blocks of a text (not of its header), in document order. -->
  <xsl:function name="ed:output-blocks" as="element()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="$nodes[local-name() = $ed:block-candidates][ed:is-output-block(.)][not(ancestor::teiHeader)]"/>
  </xsl:function>

  <!-- Each output block's place among them, counted once per document: counting the blocks before
       each one walked the whole text before it, for every permalink and back-link. -->
  <xsl:accumulator name="ed:block-places" initial-value="()" as="map(xs:string, xs:integer)?">
    <xsl:accumulator-rule match="document-node()"
      select="map:merge(ed:output-blocks(//*) ! map{ generate-id(.): position() })"/>
  </xsl:accumulator>

  <!-- The id of the output block a node stands in, for permalinks and register back-links:
       its xml:id, else "para-N" (N counts the output blocks of the text before it, not those it
       is inside). -->
  <xsl:function name="ed:block-id" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="block" select="$node/ancestor-or-self::*[ed:is-output-block(.)][1]"/>
    <!-- No places where the accumulator gives nothing (Saxon-HE 9.9 runs no rule on a document node):
         then the blocks before are counted. -->
    <xsl:variable name="places" as="map(xs:string, xs:integer)?" select="if ($block and root($block) instance of
      document-node()) then root($block) ! accumulator-before('ed:block-places') else ()"/>
    <xsl:variable name="place" as="xs:integer?" select="if (exists($places)) then $places(generate-id($block)) else ()"/>
    <xsl:sequence select="if ($block/@xml:id) then string($block/@xml:id)
      else if (exists($place)) then concat('para-', $place - count(ed:output-blocks($block/ancestor::*)))
      else if ($block) then concat('para-', count(ed:output-blocks($block/preceding::*)) + 1)
      else ()"/>
  </xsl:function>
</xsl:stylesheet>
