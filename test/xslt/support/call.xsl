<?xml version="1.0" encoding="UTF-8"?>
<!--
  Test driver, XSpec-style: calls one function of xslt/common by name with one argument (and a context
  document where the function needs one) and returns the result as a JSON array of strings, so tests can
  check ed:safe-href(…), ed:resolve(…) and the date functions one case at a time. The calls are written
  out, not evaluated dynamically: the compiler keeps only functions a stylesheet calls.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="../../../xslt/common/common.xsl"/>

  <xsl:param name="function" as="xs:string"/>
  <xsl:param name="argument" as="xs:string"/>
  <xsl:param name="context" as="document-node()?" select="()"/>

  <xsl:output method="json" indent="no"/>

  <xsl:template name="call">
    <xsl:variable name="result" as="item()*">
      <xsl:choose>
        <xsl:when test="$function = 'safe-href'"><xsl:sequence select="ed:safe-href($argument)"/></xsl:when>
        <xsl:when test="$function = 'is-iso-date'"><xsl:sequence select="ed:is-iso-date($argument)"/></xsl:when>
        <xsl:when test="$function = 'format-date'"><xsl:sequence select="ed:format-date($argument)"/></xsl:when>
        <xsl:when test="$function = 'ris-date'"><xsl:sequence select="ed:ris-date(ed:date-parts($argument))"/></xsl:when>
        <xsl:when test="$function = 'expand-pointer'"><xsl:sequence select="ed:expand-pointer($argument, $context)"/></xsl:when>
        <!-- The designated element as "file#id", the file relative to the edition's root folder. -->
        <xsl:when test="$function = 'resolve'"><xsl:sequence select="for $e in ed:resolve($argument, $context)
                  return replace(base-uri(root($e)), '^.*?/(tei/)', '$1') || '#' || $e/@xml:id"/></xsl:when>
        <xsl:otherwise>
          <xsl:message terminate="yes">No such function in the driver: <xsl:value-of select="$function"/></xsl:message>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="array { for $item in $result return string($item) }"/>
  </xsl:template>
</xsl:stylesheet>
