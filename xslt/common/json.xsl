<?xml version="1.0" encoding="UTF-8"?>
<!--
  JSON text from the XPath 3.1 XML representation of JSON, indented by two spaces, keys in
  document order. Written out rather than with xml-to-json() so that the layout is
  readable in a diff and the escaping is the same in saxon-js and Saxon-HE: only '"', '\'
  and control characters are escaped; all else is UTF-8 as it stands.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:cite="urn:x-tei-pipeline:cite"
  exclude-result-prefixes="#all">

  <!-- A JSON string literal. -->
  <xsl:function name="cite:json-string" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="escaped" as="xs:string*">
      <xsl:analyze-string select="$s" regex="[&quot;\\\p{{Cc}}]">
        <xsl:matching-substring>
          <xsl:variable name="c" select="string-to-codepoints(.)"/>
          <xsl:sequence select="
            if (. = ('&quot;', '\')) then concat('\', .)
            else if ($c = 10) then '\n' else if ($c = 9) then '\t' else if ($c = 13) then '\r'
            else concat('\u00', substring('0123456789abcdef', $c idiv 16 + 1, 1),
                                substring('0123456789abcdef', $c mod 16 + 1, 1))"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="concat('&quot;', string-join($escaped, ''), '&quot;')"/>
  </xsl:function>

  <!-- A JSON value at nesting $depth; keys are written by the enclosing map. -->
  <xsl:function name="cite:json" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:variable name="in" select="string-join((for $i in 0 to $depth return '  '), '')"/>
    <xsl:variable name="out" select="string-join((for $i in 1 to $depth return '  '), '')"/>
    <xsl:sequence select="
      if ($node/self::fn:string) then cite:json-string(string($node))
      else if ($node/self::fn:number) then string($node)
      else if ($node/self::fn:boolean) then string($node)
      else if ($node/self::fn:null) then 'null'
      else if (empty($node/*)) then (if ($node/self::fn:map) then '{}' else '[]')
      else if ($node/self::fn:array and empty($node/(fn:map | fn:array)))
        then concat('[', string-join($node/* ! cite:json(., $depth + 1), ', '), ']')
      else concat(if ($node/self::fn:map) then '{' else '[', '&#10;',
        string-join(for $c in $node/* return concat($in,
          if ($node/self::fn:map) then concat(cite:json-string(string($c/@key)), ': ') else '',
          cite:json($c, $depth + 1)), concat(',', '&#10;')),
        '&#10;', $out, if ($node/self::fn:map) then '}' else ']')"/>
  </xsl:function>
</xsl:stylesheet>
