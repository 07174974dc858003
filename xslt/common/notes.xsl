<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. Editorial notes become footnotes numbered 1, 2, ... through the whole text
  (floatingText included); notes that the source itself has in its running text (the
  translator's gloss) stay where they stand and are never numbered.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Types and places that mark a note as part of the source's own text. -->
  <xsl:variable name="ed:gloss-types" as="xs:string+"
    select="('translator', 'translation', 'trans', 'gloss', 'source', 'original')"/>

  <!-- True for a note of the source (kept in place, also in the diplomatic text). -->
  <xsl:function name="ed:is-gloss" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/@type = $ed:gloss-types or $note/@place = ('inline', 'inText')
      or (some $r in tokenize(normalize-space($note/@resp), ' ')
          satisfies matches($r, '(^|[#:/])(translator|trans)$'))"/>
  </xsl:function>

  <!-- True for an editorial note in the text: it becomes a numbered footnote. -->
  <xsl:function name="ed:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="not(ed:is-gloss($note)) and exists($note/ancestor::text)
                          and empty($note/ancestor::note)"/>
  </xsl:function>

  <!-- The footnotes of a document in text order. -->
  <xsl:function name="ed:footnotes" as="element(note)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)//text//note[ed:is-footnote(.)]"/>
  </xsl:function>

  <!-- A document's notes, indexed once: numbering each by the preceding axis walked the whole text before it. -->
  <xsl:key name="ed:notes" match="note" use="'note'"/>

  <!-- The number of a footnote: its position among the document's footnotes (the notes before it,
       not those it is inside). -->
  <xsl:function name="ed:note-number" as="xs:integer">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="count((key('ed:notes', 'note', root($note))[. &lt;&lt; $note] except $note/ancestor::note)
                                [ed:is-footnote(.)]) + 1"/>
  </xsl:function>

  <!-- Calls the format's ed:footnote hook once per footnote, in order. -->
  <xsl:template name="ed:footnotes">
    <xsl:param name="doc" as="node()" select="."/>
    <xsl:for-each select="ed:footnotes($doc)">
      <xsl:call-template name="ed:footnote">
        <xsl:with-param name="n" select="position()"/>
        <xsl:with-param name="content" as="item()*">
          <xsl:apply-templates mode="ed:text"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Hook: one footnote. $n its number, $content its text processed in mode ed:text;
       the context item is the note. Default: nothing (formats that show notes override). -->
  <xsl:template name="ed:footnote">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="content" as="item()*"/>
  </xsl:template>

  <!-- A note's responsibility in words: the resp it points to, else its type. -->
  <xsl:function name="ed:note-label" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="resp" select="ed:targets($note, 'resp')[1]"/>
    <xsl:sequence select="
      if (ed:is-gloss($note)) then 'Translator’s note (in the source)'
      else if ($resp/self::respStmt) then concat('Note by ', normalize-space(($resp/(persName | name | orgName))[1]))
      else 'Editorial note'"/>
  </xsl:function>
</xsl:stylesheet>
