<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML reading edition (out/html/). Entry stylesheet: imports the format-neutral layer and
  defines the hooks (html-text.xsl for blocks, html-inline.xsl for phrases), the page frame
  (page.xsl, laid out by indent.xsl), the record page (record.xsl, metadata.xsl,
  cite-box.xsl) and the corpus pages (corpus.xsl, register.xsl).

  Invocation (the principal result is empty; every file is an xsl:result-document):
    record page   source = one TEI document, initial mode (default)  -> <id>.html
                  (and, with $summary-href, the document's summary for the corpus pages)
    corpus pages  initial template "corpus", parameter $summaries or $documents -> index.html,
                  persons.html, places.html, orgs.html
  Output hrefs are relative to the base output URI. The stylesheet links assets/edition.css,
  which the build copies from xslt/html/assets/ to out/html/assets/.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="indent.xsl"/>
  <xsl:include href="html-text.xsl"/>
  <xsl:include href="html-inline.xsl"/>
  <xsl:include href="record.xsl"/>
  <xsl:include href="metadata.xsl"/>
  <xsl:include href="cite-box.xsl"/>
  <xsl:include href="corpus.xsl"/>
  <xsl:include href="register.xsl"/>
  <xsl:include href="html-structures.xsl"/>

  <!-- No serializer indentation: Saxon-HE 9.9 wraps long lines where saxon-js does not;
       indent.xsl lays the page out itself, the same in both. Only the DOCTYPE's case differs
       (HE 9.9 writes "<!DOCTYPE HTML>"). No content-type meta: page.xsl writes meta charset. -->
  <xsl:output name="html" method="html" html-version="5" encoding="UTF-8" indent="no"
    include-content-type="no"/>
  <xsl:output method="text"/>
  <xsl:output name="html:summary" method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <!-- Stylesheet link, relative to the HTML file. -->
  <xsl:param name="css-href" as="xs:string" select="'assets/edition.css'"/>

  <!-- Where the citation files (<id>.csl.json, .bib, .ris, .cff) are, relative to the
       HTML file: out/html and out/cite are siblings. -->
  <xsl:param name="cite-base" as="xs:string" select="'../cite/'"/>

  <!-- The edition's name in the page header and titles; empty: the publisher named in
       the (first) document's publicationStmt, else "Digital edition". -->
  <xsl:param name="edition-title" as="xs:string" select="''"/>

  <!-- Corpus pages only. Space-separated URIs of the edition's documents, resolved against
       $corpus-base; used when $documents is not given (Saxon-HE on the command line). -->
  <xsl:param name="document-uris" as="xs:string" select="''"/>

  <!-- Corpus pages only. Base URI for $document-uris; default: the project root (two levels
       above this stylesheet), so document-uris="tei/a.xml tei/b.xml" works from there. -->
  <xsl:param name="corpus-base" as="xs:string" select="resolve-uri('../../', static-base-uri())"/>

  <!-- Corpus pages only. All the edition's documents (the TypeScript build passes the parsed
       documents); default: those named by $document-uris. -->
  <xsl:param name="documents" as="document-node()*"
    select="for $u in tokenize(normalize-space($document-uris), ' ')
            return doc(resolve-uri($u, $corpus-base))"/>

  <!-- Corpus pages only. What they read of each document (corpus.xsl, html:summary): the build
       passes the summaries it kept from each document's render; default: made from $documents. -->
  <xsl:param name="summaries" as="element()*" select="$documents ! html:summary(.)"/>

  <!-- Corpus pages only. The one corpus page to write: 1 the index, 2 and on the register pages;
       0 (the default) all of them. The build writes them one at a time, so that only one page is
       held in memory at once. -->
  <xsl:param name="corpus-page" as="xs:numeric" select="0"/>

  <!-- Corpus pages only. What to write of the page: '' (the default) the whole page; 'frame' and
       'items' its parts, for a large edition (html:corpus-page in corpus.xsl). -->
  <xsl:param name="corpus-part" as="xs:string" select="''"/>

  <!-- Corpus pages only, with $corpus-part 'items': the first and last item to write (positions in
       the page's order of the sources given), and how many levels deep they stand on the page. -->
  <xsl:param name="corpus-first" as="xs:numeric" select="1"/>
  <xsl:param name="corpus-last" as="xs:numeric" select="0"/>
  <xsl:param name="corpus-depth" as="xs:numeric" select="0"/>

  <!-- Record pages only. Where to write the document's summary for the corpus pages, as a
       result document beside the page; empty (the default): not written. -->
  <xsl:param name="summary-href" as="xs:string" select="''"/>

  <!-- Corpus pages only. The register documents (persons, places, orgs); default: every
       register the documents' prefixDefs point to, found relative to each document. -->
  <xsl:param name="registers" as="document-node()*"
    select="for $u in distinct-values($summaries/Q{}register/@uri) return if (doc-available($u)) then doc($u) else ()"/>

  <xsl:function name="html:edition-title" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="if ($edition-title != '') then $edition-title
      else (if ($doc) then ed:header-facts($doc)?publisher else (), 'Digital edition')[. != ''][1]"/>
  </xsl:function>

  <!-- The register files a document's prefixDefs point to, as absolute URIs. -->
  <xsl:function name="html:register-uris" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="distinct-values(
      for $p in $doc//encodingDesc/listPrefixDef/prefixDef/@replacementPattern[contains(., '#')]
      return string(resolve-uri(substring-before($p, '#'), base-uri($doc))))"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <xsl:result-document href="{$id}.html" format="html">
      <xsl:apply-templates select="TEI | teiCorpus" mode="html:record"/>
    </xsl:result-document>
    <xsl:if test="$summary-href != ''">
      <xsl:result-document href="{$summary-href}" format="html:summary">
        <xsl:sequence select="html:summary(.)"/>
      </xsl:result-document>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
