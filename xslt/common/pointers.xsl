<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pointer resolution (docs/encoding-conventions.md, "Pointers").
  A pointer is "#id" (same document), a private URI "per:vance" expanded through the
  document's encodingDesc/listPrefixDef, or a plain relative URI "register/persons.xml#vance".
  Registers are read with doc() relative to the base URI of the document that holds the
  pointer, so the TypeScript side can preload them into saxon-js's documentPool.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Attributes that hold pointers (space-separated lists allowed). -->
  <xsl:variable name="ed:pointer-attributes" as="xs:string+"
    select="('ref', 'who', 'corresp', 'target', 'decls', 'sameAs', 'source')"/>

  <!-- Every register entry mentioned by an element of a text, keyed by its xml:id
       (ids are unique across the three registers). Pointers into the same document
       are not mentions. -->
  <xsl:key name="ed:mentions" match="text//*[@ref or @who or @corresp]"
    use="ed:register-ids(.)"/>

  <!-- A document's prefix declarations by @ident: expanding a pointer must not search the document. -->
  <xsl:key name="ed:prefix-defs" match="teiHeader/encodingDesc/listPrefixDef/prefixDef" use="@ident"/>

  <!-- The pointer with its prefix expanded; unchanged when no prefixDef applies.
       The matchPattern must match the whole part after the colon (TEI prefixDef). -->
  <xsl:function name="ed:expand-pointer" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($pointer, ':')"/>
    <xsl:variable name="local" select="substring-after($pointer, ':')"/>
    <xsl:variable name="def" as="element(prefixDef)?"
      select="key('ed:prefix-defs', $prefix, root($context))
                [matches($local, concat('^(', @matchPattern, ')$'))][1]"/>
    <xsl:sequence select="if ($def)
      then replace($local, concat('^', $def/@matchPattern, '$'), $def/@replacementPattern)
      else $pointer"/>
  </xsl:function>

  <!-- The element a pointer designates, or nothing when it does not resolve. -->
  <xsl:function name="ed:resolve" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="uri" select="ed:expand-pointer($pointer, $context)"/>
    <xsl:variable name="file" select="substring-before($uri, '#')"/>
    <xsl:variable name="frag" select="substring-after($uri, '#')"/>
    <xsl:choose>
      <xsl:when test="$frag = '' or matches($file, '^[a-zA-Z][a-zA-Z0-9+.\-]*:')"/>
      <xsl:when test="$file = ''">
        <xsl:sequence select="id($frag, root($context))[1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="abs" select="resolve-uri($file, base-uri(root($context)))"/>
        <!-- id(), not a key: saxon-js keeps a document's id() index as long as the document (a register is
             indexed once per worker), but builds a key's index anew in every transform. -->
        <xsl:sequence select="if (doc-available($abs)) then id($frag, doc($abs))[1] else ()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- All elements designated by the pointer attributes of an element (in list order). -->
  <xsl:function name="ed:targets" as="element()*">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="attribute" as="xs:string"/>
    <xsl:sequence select="for $p in tokenize(normalize-space($element/@*[local-name() = $attribute]), ' ')
                          return ed:resolve($p, $element)"/>
  </xsl:function>

  <!-- The fragment ids of the register entries an element points to (@ref @who @corresp). -->
  <xsl:function name="ed:register-ids" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="distinct-values(
      for $p in tokenize(normalize-space(string-join(($element/@ref, $element/@who, $element/@corresp), ' ')), ' '),
          $u in ed:expand-pointer($p, $element)
      return if (contains($u, '#') and not(starts-with($u, '#'))) then substring-after($u, '#') else ())"/>
  </xsl:function>

  <!-- The register page an entry lives on (persons.html, places.html, orgs.html). -->
  <xsl:function name="ed:register-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="
      if ($entry/self::person or $entry/self::personGrp) then 'persons.html'
      else if ($entry/self::place) then 'places.html'
      else if ($entry/self::org) then 'orgs.html'
      else concat((root($entry)/*/@xml:id, 'register')[1], '.html')"/>
  </xsl:function>

  <!-- The reading-edition link of a register entry: persons.html#vance. -->
  <xsl:function name="ed:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="concat(ed:register-page($entry), '#', $entry/@xml:id)"/>
  </xsl:function>

  <!-- A URI from the TEI that may become an href: relative, http(s) or mailto only.
       Whitespace and control characters are refused outright, because browsers strip
       them before reading the scheme ("java&#9;script:"). -->
  <xsl:function name="ed:safe-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:sequence select="
      if (empty($uri) or $uri = '' or matches($uri, '[\s\p{Cc}\\]')) then ()
      else if (matches($uri, '^(https?|mailto):', 'i')) then $uri
      else if (matches(substring-before($uri, ':'), '^[^/?#]*$') and contains($uri, ':')) then ()
      else $uri"/>
  </xsl:function>
</xsl:stylesheet>
