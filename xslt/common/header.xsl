<?xml version="1.0" encoding="UTF-8"?>
<!--
  Header access: the facts of a teiHeader that the formats share, as one map so that every
  format (and the citation mapping, xslt/common/csl-mapping.xsl) names them the same way.
  Values are strings or TEI elements (names are elements: ed:name-parts splits them).
  Each key is documented with the XPath it comes from.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A document's header facts are asked for by many templates (seven times for a record's page):
       an accumulator on the document node makes them once per document and transform. -->
  <!-- The unnamed mode declared so that its accumulators apply to the principal document in every
       processor (Saxon-HE 9.9 applies none without the declaration; saxon-js applies all). -->
  <xsl:mode use-accumulators="#all"/>

  <xsl:accumulator name="ed:header-facts" initial-value="()" as="map(xs:string, item()*)?">
    <xsl:accumulator-rule match="document-node()" select="ed:read-header-facts(.)"/>
  </xsl:accumulator>

  <xsl:function name="ed:header-facts" as="map(xs:string, item()*)">
    <xsl:param name="doc" as="node()"/>
    <!-- Read afresh where the accumulator gives nothing: Saxon-HE 9.9 runs no accumulator rule on a document node. -->
    <xsl:variable name="kept" as="map(xs:string, item()*)?"
      select="if (root($doc) instance of document-node()) then root($doc) ! accumulator-before('ed:header-facts') else ()"/>
    <xsl:sequence select="if (exists($kept)) then $kept else ed:read-header-facts($doc)"/>
  </xsl:function>

  <xsl:function name="ed:read-header-facts" as="map(xs:string, item()*)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="root($doc)/*"/>
    <xsl:variable name="h" select="$tei/teiHeader"/>
    <xsl:variable name="ts" select="$h/fileDesc/titleStmt"/>
    <xsl:variable name="ms" select="($h/fileDesc/sourceDesc/msDesc)[1]"/>
    <xsl:variable name="letter" select="($tei/text//floatingText[@type = 'letter'])[1]"/>
    <xsl:variable name="corresp" select="($letter ! ed:targets(., 'decls')[self::correspDesc],
                                          $h/profileDesc/correspDesc)[1]"/>
    <xsl:variable name="recipient" select="($corresp/correspAction[@type = 'received']/(persName | orgName | name),
                                            $letter//opener//(persName | name | rs)[@ref])[1]"/>
    <xsl:sequence select="map{
      (: TEI/@xml:id, else the file name (ed:document-id) :)
      'id': ed:document-id($tei),
      (: titleStmt/title[@type='main'], else the first title :)
      'title': normalize-space(($ts/title[@type = 'main'], $ts/title)[1]),
      (: titleStmt/title[@type='sub'] :)
      'subtitle': $ts/title[@type = 'sub'][1] ! normalize-space(.),
      (: titleStmt/author: its persName/orgName/name, or the author element itself :)
      (: else, for a letter that is the document itself, its correspDesc's sender :)
      'authors': if ($ts/author) then $ts/author/((persName | orgName | name)[1], .[not(persName | orgName | name)])[1]
        else $h/profileDesc/correspDesc[empty($letter)][1]/correspAction[@type = 'sent']/(persName | orgName | name),
      (: a letter that is the document itself: its correspDesc's recipients :)
      'recipients': $h/profileDesc/correspDesc[empty($letter)][1]/correspAction[@type = 'received']/(persName | orgName | name),
      (: titleStmt/editor and titleStmt/respStmt names :)
      'editors': ($ts/editor, $ts/respStmt/(persName | orgName | name)),
      (: publicationStmt/publisher, else authority, else distributor :)
      'publisher': ($h/fileDesc/publicationStmt/(publisher, authority, distributor))[1] ! normalize-space(.),
      (: publicationStmt/availability/licence/@target and its text :)
      'licence-uri': ($h/fileDesc/publicationStmt/availability/licence/@target)[1] ! string(.),
      'licence': ($h/fileDesc/publicationStmt/availability/licence)[1] ! normalize-space(.),
      (: profileDesc/langUsage/language/@ident, else TEI/@xml:lang :)
      'language': string(($h/profileDesc/langUsage/language/@ident, $tei/@xml:lang)[1]),
      (: profileDesc/textClass/keywords/term :)
      'keywords': $h/profileDesc/textClass/keywords/term ! normalize-space(.),
      (: the first division's @subtype or @type, in words (record of conversation) :)
      'genre': ($tei/text/body/div[1]/@subtype, $tei/text/body/div[1]/@type)[1]
        ! translate(string(.), '-_', '  ') ! concat(upper-case(substring(., 1, 1)), substring(., 2)),
      (: msIdentifier: repository, settlement and country, collection. A repository or place the
         editors only presume (@cert other than high) is no fact for citations: it is kept apart. :)
      'repository': $ms/msIdentifier/repository[ed:is-certain(.)][1] ! normalize-space(.),
      'archive-place': string-join($ms/msIdentifier/(settlement, country)[ed:is-certain(.)] ! normalize-space(.), ', '),
      'presumed-repository': string-join(($ms/msIdentifier/repository, $ms/msIdentifier/settlement,
                                          $ms/msIdentifier/country)[not(ed:is-certain(.))] ! normalize-space(.), ', '),
      'collection': $ms/msIdentifier/collection[1] ! normalize-space(.),
      (: collection, msIdentifier/idno and the copy number (altIdentifier[@type='copy']) :)
      'archive-location': string-join(($ms/msIdentifier/collection ! normalize-space(.),
        $ms/msIdentifier/(idno, altIdentifier[@type = 'copy']/idno) ! ed:idno-label(.)), ', '),
      (: the other altIdentifier/idno (registration entry, reference) :)
      'other-identifiers': string-join($ms/msIdentifier/altIdentifier[not(@type = 'copy')]/idno
                                       ! ed:idno-label(.), ', '),
      (: msDesc/history/origin: origDate, else a date in it, else the sent date of a letter's
         correspDesc: when the document was written :)
      'date-written': ed:iso-date(($ms/history/origin//origDate, $ms/history/origin//date,
        $h/profileDesc/correspDesc[1]/correspAction[@type = 'sent']/date)[1]),
      (: settingDesc or creation date, else the body's dateline: the event recorded :)
      'date-event': (ed:iso-date(($h/profileDesc/(settingDesc, creation)//date)[1]),
        ed:iso-date(($tei/text/body//dateline[not(ancestor::opener | ancestor::floatingText)]//date)[1]))[1],
      (: the latest revisionDesc//change/@when :)
      'date-released': (for $w in $h/revisionDesc//change/@when[ed:is-iso-date(string(.))]
                        return string($w)) => max(),
      (: msContents/summary, else its p :)
      'summary': ($ms/msContents/(summary, p))[1] ! normalize-space(.),
      (: the letter in the text: floatingText[@type='letter'] :)
      'letter': $letter,
      (: the correspDesc the letter points to (@decls), else the first: the sender :)
      'letter-author': ($corresp/correspAction[@type = 'sent']/(persName | orgName | name),
                        $letter//closer//signed//(persName | name))[1],
      'letter-recipient': $recipient,
      (: its correspAction[@type='sent']/date, else the letter's closing or opening date :)
      'letter-date': (ed:iso-date(($corresp/correspAction[@type = 'sent']/date)[1]),
                      ed:iso-date(($letter//(closer, opener)//date)[1]))[1],
      (: the correspDesc's correspAction[@type='sent']/placeName: where the letter was written :)
      'letter-place': ($corresp/correspAction[@type = 'sent']/placeName)[1],
      (: publicationStmt/idno[@type='DOI']: the edition's own DOI, once an archive has minted it :)
      'doi': ($h/fileDesc/publicationStmt/idno[lower-case(@type) = 'doi'])[1] ! normalize-space(.),
      (: publicationStmt/availability/p: what the licence does not cover, and other rights statements :)
      'rights-note': $h/fileDesc/publicationStmt/availability/p ! normalize-space(.),
      (: sourceDesc//idno typed DOI, handle, ARK, URN, URL or URI, and sourceDesc//ref/@target
         (http or https): real identifiers of the sources, never made up :)
      'source-identifiers': ($h/fileDesc/sourceDesc//idno[lower-case(@type) = ('doi', 'handle', 'ark', 'urn', 'url', 'uri')]
                               ! normalize-space(.),
                             $h/fileDesc/sourceDesc//ref/@target[matches(., '^https?://')] ! string(.)),
      (: the letter's head, else Letter to its recipient :)
      'letter-title': if ($letter/body/head) then normalize-space($letter/body/head[1])
        else if ($recipient) then concat('Letter to ', ed:display-name(ed:best-name($recipient)))
        else 'Letter'
    }"/>
  </xsl:function>

  <!-- Whether the editors assert an element as fact: no @cert, or @cert="high". -->
  <xsl:function name="ed:is-certain" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not($e/@cert) or $e/@cert = 'high'"/>
  </xsl:function>

  <!-- Labels of identifier types, as the source words them. -->
  <xsl:variable name="ed:idno-labels" as="map(xs:string, xs:string)" select="map{
    'original': 'Original No. ', 'outgoing': 'outgoing No. ', 'copy': 'copy No. ', 'entry': 'registration entry No. ',
    'registration': 'registration No. ', 'reference': 'reference '}"/>

  <!-- An identifier as it reads: "Original No. 405" from <idno type="original">405</idno>;
       an idno whose text already says what it is stays as it is. -->
  <xsl:function name="ed:idno-label" as="xs:string">
    <xsl:param name="idno" as="element(idno)"/>
    <xsl:variable name="text" select="normalize-space($idno)"/>
    <xsl:variable name="type" select="string($idno/@type)"/>
    <xsl:sequence select="
      if ($type = '' or matches($text, '[A-Za-z]{3}')) then $text
      else if (map:contains($ed:idno-labels, $type)) then concat($ed:idno-labels($type), $text)
      else concat(translate($type, '-_', '  '), ' ', $text)"/>
  </xsl:function>
</xsl:stylesheet>
