<?xml version="1.0" encoding="UTF-8"?>
<!--
  The scholarly apparatus of the header on the page: the copy-text and published witnesses,
  the correspondence the letter belongs to (in date order, this letter marked), the other
  sources the notes cite, and the glossary of the text's terms (classDecl). Every bibl and
  category keeps its xml:id as the element id, so that notes (@source), the correspDesc
  (correspContext/ref) and terms (@ref) can link to it. Included by metadata.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- Headings of the listBibl types; a listBibl's own head wins. -->
  <xsl:variable name="html:bibl-headings" as="map(xs:string, xs:string)" select="map{
    'witnesses': 'Copy-text and published witnesses', 'correspondence': 'The correspondence',
    'references': 'Other sources cited'}"/>

  <!-- One h3 and list per listBibl of the sourceDesc. The correspondence is an ordered list
       by date; the letter of this document (its bibl points with @corresp into the text) is
       marked as the current item. -->
  <xsl:template name="html:sources">
    <xsl:for-each select="teiHeader/fileDesc/sourceDesc/listBibl">
      <xsl:variable name="id" select="(@xml:id, concat('sources-', position()))[1]"/>
      <section class="sources sources-{(@type, 'other')[1]}" id="{$id}" aria-labelledby="{$id}-heading">
        <h3 id="{$id}-heading">{(head ! normalize-space(.), $html:bibl-headings(string(@type)), 'Sources')[1]}</h3>
        <xsl:choose>
          <xsl:when test="@type = 'correspondence'">
            <ol class="correspondence-chain">
              <xsl:for-each select="bibl">
                <xsl:sort select="(date/@when, '9999')[1]"/>
                <xsl:apply-templates select="." mode="html:bibl"/>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <ul class="bibl-list"><xsl:apply-templates select="bibl" mode="html:bibl"/></ul>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="bibl" mode="html:bibl">
    <xsl:variable name="current" select="exists(ed:targets(., 'corresp')[ancestor::text])"/>
    <li>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="class" select="string-join(('bibl', @type, 'current'[$current]), ' ')"/>
      <xsl:if test="$current"><xsl:attribute name="aria-current" select="'true'"/></xsl:if>
      <xsl:if test="@type = ('copy-text', 'witness')"><span class="bibl-type">{html:label(@type)}: </span></xsl:if>
      <xsl:apply-templates mode="html:bibl"/>
      <xsl:if test="@cert"><xsl:text> </xsl:text><span class="cert">(identification: {@cert} certainty)</span></xsl:if>
      <xsl:if test="$current"><xsl:text> </xsl:text><strong class="this-letter">This letter.</strong></xsl:if>
    </li>
  </xsl:template>
  <xsl:template match="note" mode="html:bibl">
    <span class="bibl-note"><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>
  <xsl:template match="respStmt" mode="html:bibl">
    <span class="resp">{normalize-space(resp)} <xsl:for-each select="name | persName">
      <xsl:if test="position() gt 1">, </xsl:if>{normalize-space(.)}<xsl:if test="@cert"> (attribution: {@cert} certainty)</xsl:if></xsl:for-each>. </span>
  </xsl:template>
  <!-- A scope or identifier reads as a citation writes it: "no. 5", "doc. 12", "p. 180", "ISBN …". -->
  <xsl:variable name="html:scope-labels" as="map(xs:string, xs:string)"
    select="map{'issue': 'no. ', 'volume': 'vol. ', 'document': 'doc. ', 'page': 'p. '}"/>
  <xsl:template match="biblScope" mode="html:bibl">
    <xsl:value-of select="($html:scope-labels(string(@unit)), '')[1], normalize-space(.)" separator=""/>
  </xsl:template>
  <xsl:template match="idno[@type = 'ISBN']" mode="html:bibl">ISBN {normalize-space(.)}</xsl:template>
  <xsl:template match="title" mode="html:bibl">
    <cite><xsl:apply-templates mode="ed:text"/></cite>
  </xsl:template>
  <xsl:template match="node()" mode="html:bibl">
    <xsl:apply-templates select="." mode="ed:text"/>
  </xsl:template>

  <!-- The glossary: one term (the words of catDesc before the first colon) and its explanation. -->
  <xsl:template name="html:glossary">
    <xsl:variable name="categories" select="teiHeader/encodingDesc/classDecl/taxonomy/category[catDesc]"/>
    <xsl:if test="exists($categories)">
      <section class="glossary" id="glossary" aria-labelledby="glossary-heading">
        <h3 id="glossary-heading">Glossary</h3>
        <dl>
          <xsl:for-each select="$categories">
            <xsl:variable name="text" select="normalize-space(catDesc[1])"/>
            <dt>
              <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
              {if (contains($text, ': ')) then substring-before($text, ': ') else $text}
            </dt>
            <dd>{substring-after($text, ': ')}<xsl:sequence select="html:source-links(.)"/></dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- " Source: a, b." for an element with @source: each bibl of this document links to its
       list item (its @n is the short label, else its text), each register entry to its page. -->
  <xsl:function name="html:source-links" as="item()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="targets" select="ed:targets($e, 'source')"/>
    <xsl:if test="exists($targets)">
      <span class="sources-of">
        <xsl:text> {if (count($targets) gt 1) then 'Sources' else 'Source'}: </xsl:text>
        <xsl:for-each select="$targets">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:choose>
            <xsl:when test="root(.) is root($e)">
              <a href="#{@xml:id}">{(@n, normalize-space(.))[1]}</a>
            </xsl:when>
            <xsl:otherwise>
              <a href="{ed:entry-href(.)}">{ed:standard-name(.)}</a>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </span>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
