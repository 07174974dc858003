<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral traversal of the text, part 3: what belongs to the physical source.
  Stamps, speech, omissions marked in the source (ellipsis with its metamark) or by the
  transcription or the editors (gap), page breaks and line breaks, each calling one hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A stamp standing by itself (in a division, or alone in its paragraph) is a block:
       the source's "[Stamp]" paragraphs. A stamp inside running text is a phrase. -->
  <xsl:function name="ed:is-block-stamp" as="xs:boolean">
    <xsl:param name="stamp" as="element()"/>
    <xsl:sequence select="exists($stamp/parent::*[local-name() = $ed:container-names])
      or ($stamp/parent::*[self::p or self::ab or self::fw]
          and count($stamp/../*) = 1 and not($stamp/../text()[normalize-space()]))"/>
  </xsl:function>

  <!-- What a line break is: "stamp" (a line of a stamp), "text" (in running text, where
       it is only a space) or "line" (the source's line or block division in an opener,
       closer, heading or signature). -->
  <xsl:function name="ed:lb-kind" as="xs:string">
    <xsl:param name="lb" as="element()"/>
    <xsl:variable name="owner" select="$lb/ancestor::*[self::stamp or self::note
      or local-name() = ($ed:block-names, $ed:container-names)][1]"/>
    <xsl:sequence select="if ($owner/self::stamp) then 'stamp'
      else if ($owner[self::p or self::ab or self::l or self::item or self::note]) then 'text'
      else 'line'"/>
  </xsl:function>

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

  <!-- An omission the source marks itself: its metamark is what the source shows. -->
  <xsl:template match="ellipsis" mode="ed:text">
    <xsl:variable name="marker" select="(metamark[normalize-space()] ! normalize-space(.), '(...)')[1]"/>
    <xsl:call-template name="ed:gap">
      <xsl:with-param name="marker" select="$marker"/>
      <xsl:with-param name="label" select="if (normalize-space(desc)) then normalize-space(desc)
        else if (contains($marker, 'signature')) then 'The signature is not reproduced in the source.'
        else concat('Not reproduced in the source, which marks the omission “', $marker, '”.')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An omission: by the editors, or (with @source, or the older @resp, pointing into the header's
       sourceDesc) observed in the witness the edition follows. Its marker is the one transcriptions write: "(signature)"
       for a signature not reproduced, "(...)" for anything else. -->
  <xsl:template match="gap" mode="ed:text">
    <xsl:variable name="reason" select="normalize-space(@reason)"/>
    <xsl:variable name="by-source" select="exists((ed:targets(., 'source'), ed:targets(., 'resp'))[ancestor::sourceDesc])"/>
    <xsl:call-template name="ed:gap">
      <xsl:with-param name="marker" select="if ($reason = 'signature') then '(signature)' else '(...)'"/>
      <xsl:with-param name="label" select="
        if (normalize-space(desc)) then normalize-space(desc)
        else if ($reason = 'signature') then 'The signature is not reproduced in the source.'
        else if ($by-source) then 'Not reproduced in the source, which marks the omission “(...)”.'
        else concat('Omitted in this edition',
                    if ($reason = ('', 'omitted')) then '' else concat(' (', translate($reason, '-_', '  '), ')'), '.')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="pb" mode="ed:text">
    <xsl:call-template name="ed:pb">
      <xsl:with-param name="n" select="string(@n)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="lb" mode="ed:text">
    <xsl:call-template name="ed:lb">
      <xsl:with-param name="kind" select="ed:lb-kind(.)"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
