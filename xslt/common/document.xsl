<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document's identity. Every output file is named after the root's xml:id, so the id
  is checked before anything is written: lower-case ASCII, digits, ".", "_" and "-",
  starting with a letter or digit (CONVENTIONS.md §4, docs/encoding-conventions.md).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- True for an id that is safe as a file name and as a URL path segment. -->
  <xsl:function name="ed:is-safe-name" as="xs:boolean">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:sequence select="matches(string($id), '^[a-z0-9][a-z0-9._\-]*$') and not(contains($id, '..'))"/>
  </xsl:function>

  <!-- The id of a TEI document (or teiCorpus), after checking it: its root's xml:id when that
       is a safe name, else its file name in lower case (editions that do not name files by
       id: idEqualsFileName false); stops the transformation with error
       ed:unsafe-document-id when neither is a safe name. That the id equals the file name is
       a validation rule, not checked here: golden fixtures are named input.xml. -->
  <xsl:function name="ed:document-id" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="xml-id" select="string(root($doc)/*/@xml:id)"/>
    <xsl:variable name="stem" select="lower-case(replace(replace(string(base-uri(root($doc))), '^.*/', ''), '\.xml$', '', 'i'))"/>
    <xsl:variable name="id" select="if (ed:is-safe-name($xml-id)) then $xml-id else $stem"/>
    <xsl:choose>
      <xsl:when test="not(ed:is-safe-name($id))">
        <xsl:message terminate="yes" error-code="ed:unsafe-document-id"
          select="concat('Unexpected document id &quot;', $id, '&quot;: expected xml:id on the TEI root',
                         ' matching ^[a-z0-9][a-z0-9._-]*$ [ed:unsafe-document-id]')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$id"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The language of the text (xml:lang of the root, else of the text, else "en"). -->
  <xsl:function name="ed:document-lang" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="string((root($doc)/*/@xml:lang, root($doc)/*/text/@xml:lang, 'en')[1])"/>
  </xsl:function>

  <!-- The one date that places the document in the edition (index order): the date of the
       event it records, else of its writing. -->
  <xsl:function name="ed:document-date" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="facts" select="ed:header-facts($doc)"/>
    <xsl:sequence select="($facts('date-event'), $facts('date-written'))[1]"/>
  </xsl:function>

  <!-- The register entries of the people taking part: profileDesc/particDesc when it
       points to the register, else the author(s) and every speaker (said/@who), in order
       of first appearance. -->
  <xsl:function name="ed:participants" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="root($doc)/*"/>
    <xsl:variable name="declared" select="$tei/teiHeader/profileDesc/particDesc//*[@ref or @corresp or @sameAs]
      ! (ed:targets(., 'ref'), ed:targets(., 'corresp'), ed:targets(., 'sameAs'))"/>
    <xsl:variable name="found" select="if ($declared) then $declared else
      ($tei/teiHeader/fileDesc/titleStmt/author//*[@ref] ! ed:targets(., 'ref'),
       $tei/text//said[@who] ! ed:targets(., 'who'))"/>
    <xsl:sequence select="for $i in 1 to count($found)
      return $found[$i][not(@xml:id = subsequence($found, 1, $i - 1)/@xml:id)]"/>
  </xsl:function>
</xsl:stylesheet>
