<?xml version="1.0" encoding="UTF-8"?>
<!--
  oai_dc.xml: simple Dublin Core in the OAI-PMH oai_dc wrapper, one element per value of
  the rows with @dc, in table order (the oai_dc schema allows any order). Title, description
  and subjects carry the text's language.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  exclude-result-prefixes="xs dep">

  <xsl:template name="dep:oai-dc">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="lang" select="dep:first('dc', 'language', $facts)"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:for-each select="dep:rows('dc', ())">
        <xsl:variable name="name" select="string(@dc)"/>
        <xsl:for-each select="dep:strings(., $facts)">
          <xsl:element name="dc:{$name}">
            <xsl:if test="$name = ('title', 'description', 'subject')">
              <xsl:sequence select="dep:lang($lang)"/>
            </xsl:if>
            <xsl:value-of select="."/>
          </xsl:element>
        </xsl:for-each>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
