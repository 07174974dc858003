<?xml version="1.0" encoding="UTF-8"?>
<!--
  "Cite this document": a note-style citation (after the Chicago Manual's form for
  unpublished archival documents) built from the header facts, and links to the citation
  files that xslt/cite/cite.xsl writes beside out/html (parameter $cite-base).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- The citation files and their labels, in the order shown. -->
  <xsl:variable name="html:cite-formats" as="element()*">
    <a data-ext="csl.json" type="application/vnd.citationstyles.csl+json">CSL-JSON</a>
    <a data-ext="bib" type="application/x-bibtex">BibTeX</a>
    <a data-ext="ris" type="application/x-research-info-systems">RIS</a>
    <a data-ext="cff" type="application/x-yaml">CITATION.cff</a>
  </xsl:variable>

  <!-- Author, “Title,” date, identifiers, repository, place. Edition, id, and the page's public
       URL and the DOI when the edition has them (the reader adds the date of access). -->
  <xsl:function name="html:citation" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="f" select="ed:facts($tei)"/>
    <xsl:variable name="authors" select="string-join($f('authors') ! ed:display-name(ed:best-name(.)), ' and ')"/>
    <xsl:variable name="date" select="($f('date-written'), $f('date-event'))[1]"/>
    <xsl:variable name="rest" select="string-join((if ($date) then ed:format-date($date) else (),
      $f('archive-location'), $f('repository'), $f('archive-place'))[. != ''], ', ')"/>
    <xsl:variable name="recipients" select="string-join($f('recipients') ! ed:display-name(ed:best-name(.)), ' and ')"/>
    <!-- The title's own final stop stands in for ours; "?" and "!" stay and end the part. -->
    <xsl:variable name="title" select="replace($f('title'), '[.,;:]+$', '')"/>
    <xsl:variable name="ends" select="matches($title, '[?!]$')"/>
    <xsl:sequence select="concat(
      string-join(($authors[. != ''], $recipients[. != ''] ! concat('to ', .)), ' '),
      if ($authors != '' or $recipients != '') then ', ' else '',
      '“', $title,
      if ($rest != '') then concat(if ($ends) then '' else ',', '” ', $rest, '. ')
      else concat(if ($ends) then '' else '.', '” '),
      html:edition-title($tei), ', ', $f('id'), '.',
      $f('page-url') ! concat(' ', ., '.'), $f('doi') ! concat(' https://doi.org/', ., '.'))"/>
  </xsl:function>

  <xsl:template name="html:cite">
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <section id="cite" class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this document</h2>
      <p class="citation">{html:citation(.)}</p>
      <p>Download the citation:</p>
      <ul class="cite-formats">
        <xsl:for-each select="$html:cite-formats">
          <li><a href="{$cite-base}{$id}.{@data-ext}" type="{@type}">{.}</a></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>
</xsl:stylesheet>
